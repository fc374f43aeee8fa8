import { SHOT_TYPE_LABELS } from '@ministudio/domain';
import { type PointerEvent, useEffect, useMemo, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { isTyping } from '../project-page/is-typing';
import { excerpt } from '../storyboard/shot-summary';
import '../styles/player.css';
import { formatTimecode, snapToFrame } from '../timeline/timeline-layout';
import { usePlayheadSeconds } from '../timeline/timeline-stores';
import { type FilmShot, filmSeconds } from './film-clock';
import { PlayerEngine } from './player-engine';
import { playerKey } from './player-keys';
import { type Film, useFilm } from './use-film';
import { useSubtitles } from './use-subtitles';

/** The whole film, each shot's chosen take end to end; a shot without one plays as its storyboard card. */
export function Player({ projectId }: { projectId: string }) {
  const film = useFilm(projectId);
  const engine = useMemo(() => new PlayerEngine(projectId), [projectId]);
  const a = useRef<HTMLVideoElement>(null);
  const b = useRef<HTMLVideoElement>(null);
  const speechA = useRef<HTMLAudioElement>(null);
  const speechB = useRef<HTMLAudioElement>(null);
  useEffect(() => {
    engine.attach([a.current!, b.current!], [speechA.current!, speechB.current!]);
    return () => engine.detach();
  }, [engine]);
  useEffect(() => engine.setFilm(film.shots, film.fps), [engine, film.shots, film.fps]);
  usePlayerKeys(engine);
  const index = useStore(engine.ui, (s) => s.index);
  const showingVideo = useStore(engine.ui, (s) => s.showingVideo);
  const shot = index >= 0 ? (film.shots[index] ?? null) : null;
  const subtitles = useSubtitles(projectId);
  return (
    <section className="player" aria-label="Player">
      <div className="player-stage">
        <div
          className="player-frame"
          style={{
            aspectRatio: `${film.width} / ${film.height}`,
            ['--frame-aspect' as string]: film.width / film.height,
          }}
        >
          {/* biome-ignore lint/a11y/useMediaCaption: a take's own track would run on the take's clock; the film's WebVTT subtitles are shown below in film time */}
          <video ref={a} className="player-video" playsInline preload="auto" />
          {/* biome-ignore lint/a11y/useMediaCaption: as above */}
          <video ref={b} className="player-video" playsInline preload="auto" />
          {/* biome-ignore lint/a11y/useMediaCaption: a card's speech; the card above shows its lines as text */}
          <audio ref={speechA} data-player-speech="" preload="auto" hidden />
          {/* biome-ignore lint/a11y/useMediaCaption: as above */}
          <audio ref={speechB} data-player-speech="" preload="auto" hidden />
          {shot && !showingVideo && <ShotCard film={film} shot={shot} />}
          {film.shots.length === 0 && (
            <p className="player-empty">No shots yet: add some on the Storyboard.</p>
          )}
          {subtitles && <Caption projectId={projectId} cues={subtitles} />}
        </div>
      </div>
      <Transport projectId={projectId} engine={engine} film={film} shot={shot} />
    </section>
  );
}

/** The storyboard card a shot without a take plays as: its number, type, action and lines. */
function ShotCard({ film, shot }: { film: Film; shot: FilmShot }) {
  const view = film.shotViews.get(shot.shotId);
  if (!view) return null;
  return (
    <div className="player-card" data-player-card={shot.number}>
      {shot.posterUrl && <img className="player-card-poster" src={shot.posterUrl} alt="" />}
      <div className="player-card-text">
        <p className="player-card-head">
          Shot {shot.number} · {SHOT_TYPE_LABELS[view.shotType]}
        </p>
        <p className="player-card-action">{excerpt(view.action, 220) || 'No action yet'}</p>
        {view.dialogue.map((line, i) => (
          // Lines have no ids; their order is their identity on a card.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          <p key={i} className="player-card-line">
            <span className="player-card-speaker">{film.names[line.character] ?? line.character}</span>{' '}
            {line.text}
          </p>
        ))}
        {view.narration.trim() && <p className="player-card-line narration">{view.narration}</p>}
        <p className="player-card-note">No take yet</p>
      </div>
    </div>
  );
}

function usePlayerKeys(engine: PlayerEngine): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || isTyping(e.target) || document.querySelector('[aria-modal="true"]')) return;
      const action = playerKey(e);
      if (!action) return;
      e.preventDefault();
      switch (action.type) {
        case 'toggle':
          return engine.togglePlay();
        case 'shuttle':
          return engine.shuttle(action.key);
        case 'step':
          engine.setRate(0);
          return engine.step(action.frames);
        case 'home':
          return engine.seek(0, true);
        case 'end':
          return engine.seek(engine.totalSeconds, true);
        case 'mark':
          return engine.mark(action.which);
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [engine]);
}

const RATE_LABEL = (rate: number) => (rate === 0 ? '' : rate > 0 ? `▶ ${rate}×` : `◀ ${-rate}×`);

function Transport({
  projectId,
  engine,
  film,
  shot,
}: {
  projectId: string;
  engine: PlayerEngine;
  film: Film;
  shot: FilmShot | null;
}) {
  const rate = useStore(engine.ui, (s) => s.rate);
  const marks = useStore(engine.ui, (s) => s.marks);
  const hasFilm = film.shots.length > 0;
  return (
    <div className="player-transport">
      <ScrubBar projectId={projectId} engine={engine} film={film} />
      <div className="player-controls" role="toolbar" aria-label="Transport">
        <div className="player-controls-left">
          <PlayerTimecode projectId={projectId} fps={film.fps} />
          <span className="player-shot">{shot ? `Shot ${shot.number} / ${film.shots.length}` : ''}</span>
        </div>
        <div className="player-buttons">
          <TransportButton
            label="Go to start (Home)"
            disabled={!hasFilm}
            onClick={() => engine.seek(0, true)}
          >
            <path d="M3 3v10M13 3 6 8l7 5z" />
          </TransportButton>
          <TransportButton
            label="Back one frame (,)"
            disabled={!hasFilm}
            onClick={() => {
              engine.setRate(0);
              engine.step(-1);
            }}
          >
            <path d="M11 3 5 8l6 5z" />
          </TransportButton>
          <button
            type="button"
            className="player-play"
            disabled={!hasFilm}
            aria-label={rate === 0 ? 'Play (Space)' : 'Pause (Space)'}
            title={rate === 0 ? 'Play (Space)' : 'Pause (Space)'}
            onClick={() => engine.togglePlay()}
          >
            <svg width="18" height="18" viewBox="0 0 16 16" aria-hidden="true" fill="currentColor">
              {rate === 0 ? <path d="M4 2.5v11L13.5 8z" /> : <path d="M4 2.5h3v11H4zM9 2.5h3v11H9z" />}
            </svg>
          </button>
          <TransportButton
            label="Forward one frame (.)"
            disabled={!hasFilm}
            onClick={() => {
              engine.setRate(0);
              engine.step(1);
            }}
          >
            <path d="M5 3l6 5-6 5z" />
          </TransportButton>
          <TransportButton
            label="Go to end (End)"
            disabled={!hasFilm}
            onClick={() => engine.seek(engine.totalSeconds, true)}
          >
            <path d="M13 3v10M3 3l7 5-7 5z" />
          </TransportButton>
        </div>
        <div className="player-controls-right">
          <span className="player-rate" aria-live="polite">
            {Math.abs(rate) > 1 || rate < 0 ? RATE_LABEL(rate) : ''}
          </span>
          <button
            type="button"
            className="player-mark-button"
            disabled={!hasFilm}
            onClick={() => engine.mark('in')}
            title="Mark in (I)"
          >
            In {marks.in !== null ? formatTimecode(marks.in, film.fps) : '–'}
          </button>
          <button
            type="button"
            className="player-mark-button"
            disabled={!hasFilm}
            onClick={() => engine.mark('out')}
            title="Mark out (O)"
          >
            Out {marks.out !== null ? formatTimecode(marks.out, film.fps) : '–'}
          </button>
          {(marks.in !== null || marks.out !== null) && (
            <button type="button" className="player-mark-button" onClick={() => engine.clearMarks()}>
              Clear marks
            </button>
          )}
        </div>
      </div>
    </div>
  );
}

function TransportButton({
  label,
  disabled,
  onClick,
  children,
}: {
  label: string;
  disabled: boolean;
  onClick: () => void;
  children: React.ReactNode;
}) {
  return (
    <button
      type="button"
      className="player-button"
      aria-label={label}
      title={label}
      disabled={disabled}
      onClick={onClick}
    >
      <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true" fill="currentColor">
        {children}
      </svg>
    </button>
  );
}

/** The film time, HH:MM:SS:FF; the only part of the transport that follows every frame. */
function PlayerTimecode({ projectId, fps }: { projectId: string; fps: number }) {
  const seconds = usePlayheadSeconds(projectId);
  return (
    <output className="player-timecode" aria-label="Player timecode">
      {formatTimecode(seconds, fps)}
    </output>
  );
}

/** The whole film as a bar: cuts as ticks, the in/out range, the position; click or drag to seek. */
function ScrubBar({ projectId, engine, film }: { projectId: string; engine: PlayerEngine; film: Film }) {
  const marks = useStore(engine.ui, (s) => s.marks);
  const total = filmSeconds(film.shots);
  const bar = useRef<HTMLDivElement>(null);
  const [dragging, setDragging] = useState(false);
  const pct = (t: number) => `${total > 0 ? (t / total) * 100 : 0}%`;
  const seekAt = (e: PointerEvent) => {
    const box = bar.current?.getBoundingClientRect();
    if (!box || total <= 0) return;
    const t = ((e.clientX - box.left) / box.width) * total;
    engine.seek(snapToFrame(Math.min(Math.max(0, t), total), film.fps), true);
  };
  return (
    <div
      ref={bar}
      className={`player-scrub${dragging ? ' dragging' : ''}`}
      onPointerDown={(e) => {
        e.currentTarget.setPointerCapture(e.pointerId);
        setDragging(true);
        seekAt(e);
      }}
      onPointerMove={(e) => dragging && seekAt(e)}
      onPointerUp={() => setDragging(false)}
    >
      <div className="player-scrub-track">
        {film.shots.map((s) => (
          <span
            key={s.shotId}
            className={`player-scrub-shot${s.videoUrl ? ' has-take' : ''}`}
            style={{ left: pct(s.start), width: pct(s.seconds) }}
          />
        ))}
        {(marks.in !== null || marks.out !== null) && (
          <span
            className="player-scrub-range"
            data-testid="player-range"
            style={{ left: pct(marks.in ?? 0), width: pct((marks.out ?? total) - (marks.in ?? 0)) }}
          />
        )}
        {marks.in !== null && (
          <span className="player-scrub-mark in" style={{ left: pct(marks.in) }} title="In" />
        )}
        {marks.out !== null && (
          <span className="player-scrub-mark out" style={{ left: pct(marks.out) }} title="Out" />
        )}
        <ScrubHead projectId={projectId} total={total} fps={film.fps} />
      </div>
    </div>
  );
}

function ScrubHead({ projectId, total, fps }: { projectId: string; total: number; fps: number }) {
  const seconds = usePlayheadSeconds(projectId);
  return (
    <span
      className="player-scrub-head"
      role="slider"
      tabIndex={0}
      aria-label="Film position"
      aria-valuemin={0}
      aria-valuemax={Math.round(total * fps)}
      aria-valuenow={Math.round(seconds * fps)}
      aria-valuetext={formatTimecode(seconds, fps)}
      style={{ left: `${total > 0 ? (Math.min(seconds, total) / total) * 100 : 0}%` }}
    />
  );
}

/** The assembled film's subtitle at the playhead, from its WebVTT track (film time, not per-shot). */
function Caption({
  projectId,
  cues,
}: {
  projectId: string;
  cues: readonly { start: number; end: number; text: string }[];
}) {
  const seconds = usePlayheadSeconds(projectId);
  const cue = cues.find((c) => seconds >= c.start && seconds < c.end);
  return cue ? <p className="player-caption">{cue.text}</p> : null;
}
