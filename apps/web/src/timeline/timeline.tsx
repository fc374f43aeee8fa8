import { useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import { useProject } from '../api/hooks';
import '../styles/timeline.css';
import { TimelineClip } from './timeline-clip';
import { fitZoom, layoutTimeline, type SpeechPace, zoomAround } from './timeline-layout';
import { PlayheadTimecode, TimelinePlayhead } from './timeline-playhead';
import { TimelineRuler } from './timeline-ruler';
import { usePixelsPerSecond, zoomStore } from './timeline-stores';
import { useTakeSeconds } from './use-take-seconds';

const NO_CHARACTERS: never[] = [];

/** Each Zoom in or Zoom out press; a wheel notch zooms in proportion to how far it turns. */
const ZOOM_STEP = 1.5;
const WHEEL_ZOOM_RATE = 0.002;
/** Room after the last clip, so the film's end is not against the edge. */
const TAIL_PIXELS = 120;
/** Zoom to fit leaves this much of the view free at its right. */
const FIT_MARGIN_PIXELS = 24;

/** The film in time, read-only: scenes as segments, shots as clips as wide as they last, a ruler, a playhead. */
export function Timeline({ projectId }: { projectId: string }) {
  const scenes = useProject(projectId, (p) => p.scenes).data ?? [];
  const fps = useProject(projectId, (p) => p.fps).data ?? 24;
  const pixelsPerSecond = usePixelsPerSecond(projectId);
  const takeSeconds = useTakeSeconds(projectId);
  const characters = useProject(projectId, (p) => p.characters).data ?? NO_CHARACTERS;
  const narrationRate = useProject(projectId, (p) => p.narrationVoice.rate).data ?? 1;
  const pace = useMemo<SpeechPace>(() => {
    const rates = new Map(characters.map((c) => [c.key, c.voice.rate]));
    return { fps, rateOf: (character) => (character === null ? narrationRate : (rates.get(character) ?? 1)) };
  }, [characters, narrationRate, fps]);
  const layout = useMemo(
    () => layoutTimeline(scenes, takeSeconds, pixelsPerSecond, pace),
    [scenes, takeSeconds, pixelsPerSecond, pace],
  );
  const shots = useMemo(() => new Map(scenes.flatMap((s) => s.shots).map((s) => [s.id, s])), [scenes]);
  const scroller = useRef<HTMLDivElement>(null);
  // A zoom sets where the view should scroll to; applied once the wider or narrower content is laid out
  // (after every render: the zoom's own re-render is the one that finds it set).
  const pendingScroll = useRef<number | null>(null);

  const zoom = (factor: number, pointerX?: number) => {
    const el = scroller.current;
    const store = zoomStore(projectId).getState();
    const next = zoomAround(
      store.pixelsPerSecond,
      factor,
      pointerX ?? (el?.clientWidth ?? 0) / 2,
      el?.scrollLeft ?? 0,
    );
    pendingScroll.current = next.scrollLeft;
    store.setPixelsPerSecond(next.pixelsPerSecond);
  };
  const zoomRef = useRef(zoom);
  zoomRef.current = zoom;

  useLayoutEffect(() => {
    if (pendingScroll.current === null || !scroller.current) return;
    scroller.current.scrollLeft = pendingScroll.current;
    pendingScroll.current = null;
  });

  // React's wheel listener is passive, and Ctrl+wheel must not zoom the whole page: a native listener.
  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const onWheel = (e: WheelEvent) => {
      if (e.ctrlKey || e.metaKey) {
        e.preventDefault();
        zoomRef.current(Math.exp(-e.deltaY * WHEEL_ZOOM_RATE), e.clientX - el.getBoundingClientRect().left);
      } else if (e.deltaX === 0 && e.deltaY !== 0 && el.scrollWidth > el.clientWidth) {
        // A plain wheel scrolls the film sideways: the timeline has nothing to scroll up and down.
        e.preventDefault();
        el.scrollLeft += e.deltaY;
      }
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => el.removeEventListener('wheel', onWheel);
  }, []);

  const zoomToFit = () => {
    const el = scroller.current;
    pendingScroll.current = 0;
    zoomStore(projectId)
      .getState()
      .setPixelsPerSecond(fitZoom(layout.totalSeconds, (el?.clientWidth ?? 0) - FIT_MARGIN_PIXELS));
  };

  return (
    <section className="timeline" aria-label="Timeline">
      <div className="timeline-toolbar" role="toolbar" aria-label="Timeline zoom">
        <PlayheadTimecode projectId={projectId} fps={fps} />
        <span className="timeline-zoom-buttons">
          <button type="button" onClick={() => zoom(1 / ZOOM_STEP)} aria-label="Zoom out" title="Zoom out">
            −
          </button>
          <button type="button" onClick={() => zoom(ZOOM_STEP)} aria-label="Zoom in" title="Zoom in">
            +
          </button>
          <button type="button" onClick={zoomToFit}>
            Zoom to fit
          </button>
        </span>
      </div>
      <div className="timeline-scroller" ref={scroller}>
        <div
          className="timeline-content"
          style={{ width: layout.totalSeconds * pixelsPerSecond + TAIL_PIXELS }}
        >
          <TimelineRuler
            projectId={projectId}
            fps={fps}
            totalSeconds={layout.totalSeconds}
            scroller={scroller}
          />
          <div className="timeline-scenes">
            {layout.scenes.map((scene) => (
              <span
                key={scene.sceneId}
                className="timeline-scene"
                style={{ left: scene.x, width: scene.width }}
                title={scene.title ? `Scene ${scene.number}: ${scene.title}` : `Scene ${scene.number}`}
              >
                {scene.title ? `${scene.number}. ${scene.title}` : `Scene ${scene.number}`}
              </span>
            ))}
          </div>
          <div className="timeline-track">
            {layout.clips.map((clip) => {
              const shot = shots.get(clip.shotId);
              return shot ? (
                <TimelineClip key={clip.shotId} projectId={projectId} shot={shot} clip={clip} />
              ) : null;
            })}
          </div>
          <TimelinePlayhead projectId={projectId} fps={fps} totalSeconds={layout.totalSeconds} />
        </div>
      </div>
    </section>
  );
}
