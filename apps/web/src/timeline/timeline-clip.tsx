import { SHOT_TYPE_LABELS, type ShotView } from '@ministudio/domain';
import { memo } from 'react';
import { useProject } from '../api/hooks';
import { useSelection, useSession } from '../app/session';
import { RenderStatusBadge } from '../render/render-status-badge';
import { useShotRender } from '../render/use-shot-render';
import { excerpt, shotAbout } from '../storyboard/shot-summary';
import { ClipMedia } from './clip-media';
import type { ClipLayout } from './timeline-layout';

/** The track's 76 px less the clip's 1 px borders (styles/timeline.css): the filmstrip and waveform fill it. */
const CLIP_INNER_HEIGHT_PX = 74;
const CLIP_BORDERS_PX = 2;
const NO_NAMES: Record<string, string> = {};

const formatSeconds = (s: number) => `${Number.isInteger(s) ? s : s.toFixed(2).replace(/\.?0+$/, '')} s`;

function describeLength(clip: ClipLayout): string {
  const seconds = formatSeconds(clip.seconds);
  if (clip.shotSeconds !== null) return `take ${seconds} · shot ${formatSeconds(clip.shotSeconds)}`;
  if (!clip.followsSpeech) return seconds;
  return clip.estimated ? `about ${seconds}, follows speech (estimated)` : `${seconds}, follows speech`;
}

/**
 * One shot on the track: as wide as it lasts, its chosen take's poster and its render status. Pointer
 * gestures (select, drag, trim by either edge) are the track's: a clip only draws itself, so a drag or a
 * moving playhead never re-renders it.
 */
export const TimelineClip = memo(function TimelineClip({
  projectId,
  shot,
  clip,
}: {
  projectId: string;
  shot: ShotView;
  clip: ClipLayout;
}) {
  const { editor } = useSession();
  const selected = useSelection((s) => s.shots.some((id) => editor.ids.resolve(id) === shot.id));
  const primary = useSelection(
    (s) => s.selection.kind === 'shot' && editor.ids.resolve(s.selection.id) === shot.id,
  );
  const { state, status, progress } = useShotRender(projectId, shot.id);
  const names =
    useProject(projectId, (p) => Object.fromEntries(p.characters.map((c) => [c.key, c.name]))).data ??
    NO_NAMES;
  const poster = state?.posterUrl ?? null;
  return (
    <button
      type="button"
      className={`timeline-clip${selected ? ' selected' : ''}${primary ? ' primary' : ''}${clip.followsSpeech ? ' follows-speech' : ''}`}
      data-clip-shot-id={shot.id}
      aria-label={`Shot ${clip.number}`}
      aria-current={primary ? 'true' : undefined}
      title={`Shot ${clip.number}: ${describeLength(clip)}. Drag to move, drag an edge to trim (the shots after follow); S splits at the playhead`}
      style={{ left: clip.x, width: clip.width }}
    >
      {state?.filmstripUrl ? (
        <ClipMedia
          filmstripUrl={state.filmstripUrl}
          waveformUrl={state.waveformUrl}
          widthPx={clip.width - CLIP_BORDERS_PX}
          heightPx={CLIP_INNER_HEIGHT_PX}
          seconds={clip.seconds}
        />
      ) : poster ? (
        <img className="timeline-clip-poster" src={poster} alt="" loading="lazy" draggable={false} />
      ) : (
        <span className="timeline-clip-text">
          <span className="timeline-clip-type">{SHOT_TYPE_LABELS[shot.shotType]}</span>{' '}
          {excerpt(shotAbout(shot, names), 60)}
        </span>
      )}
      <span className="timeline-clip-top">
        <span className="timeline-clip-number">{clip.number}</span>
        <RenderStatusBadge status={status} progress={progress} />
      </span>
      {clip.shotSeconds !== null && <LengthDifference clip={clip} />}
      <span className="timeline-clip-trim start" aria-hidden="true" />
      <span className="timeline-clip-trim end" aria-hidden="true" />
    </button>
  );
});

/**
 * A take that lasts another length than its shot: where the shot's own length would end (when that is
 * inside the clip) and by how much the take differs, so the filmmaker sees why the clip is longer or shorter.
 */
function LengthDifference({ clip }: { clip: ClipLayout }) {
  const shot = clip.shotSeconds!;
  const delta = clip.seconds - shot;
  return (
    <>
      {shot < clip.seconds && (
        <span
          className="timeline-clip-shot-end"
          style={{ left: `${(shot / clip.seconds) * 100}%` }}
          aria-hidden="true"
        />
      )}
      <span className="timeline-clip-length-diff" aria-hidden="true">
        take {delta > 0 ? '+' : '−'}
        {formatSeconds(Math.abs(delta))}
      </span>
    </>
  );
}
