import type { ShotView } from '@ministudio/domain';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import { useProject } from '../api/hooks';
import { useSelection, useSession } from '../app/session';
import { useProviders } from '../render/render-queries';
import '../styles/timeline.css';
import { TimelineClip } from './timeline-clip';
import { pinchStep, ruleLengths, shotDurationRule, type TouchPoint, visibleClipRange } from './timeline-edit';
import { TimelineGestureLayer } from './timeline-gesture-layer';
import { fitZoom, layoutTimeline, zoomAround } from './timeline-layout';
import { PlayheadTimecode, TimelinePlayhead } from './timeline-playhead';
import { TimelineRuler, useVisibleRange } from './timeline-ruler';
import { useGesture, usePixelsPerSecond, zoomStore } from './timeline-stores';
import { useSpeechPace } from './use-speech-pace';
import { useTakeSeconds } from './use-take-seconds';
import { useTimelineEditing } from './use-timeline-editing';

/** Each Zoom in or Zoom out press; a wheel notch zooms in proportion to how far it turns. */
const ZOOM_STEP = 1.5;
const WHEEL_ZOOM_RATE = 0.002;
/** Room after the last clip, so the film's end is not against the edge. */
const TAIL_PIXELS = 120;
/** Zoom to fit leaves this much of the view free at its right. */
const FIT_MARGIN_PIXELS = 24;
/** Clips this far outside the view stay mounted, so a scroll shows no empty track before React catches up. */
const MOUNT_MARGIN_PIXELS = 800;

/**
 * The film in time: scenes as segments, shots as clips as wide as they last, a ruler, a playhead. Clips
 * are selected, dragged to reorder, trimmed by either edge (the clips after follow), split at the playhead; only those near
 * the view are mounted.
 */
export function Timeline({ projectId }: { projectId: string }) {
  const scenes = useProject(projectId, (p) => p.scenes).data ?? [];
  const fps = useProject(projectId, (p) => p.fps).data ?? 24;
  const pixelsPerSecond = usePixelsPerSecond(projectId);
  const takeSeconds = useTakeSeconds(projectId);
  const pace = useSpeechPace(projectId);
  const layout = useMemo(
    () => layoutTimeline(scenes, takeSeconds, pixelsPerSecond, pace),
    [scenes, takeSeconds, pixelsPerSecond, pace],
  );
  const shots = useMemo(() => new Map(scenes.flatMap((s) => s.shots).map((s) => [s.id, s])), [scenes]);
  const scroller = useRef<HTMLDivElement>(null);
  const providers = useProviders().data;
  const defaultProvider = useProject(projectId, (p) => p.defaultProvider).data ?? '';
  const lengthsOf = useCallback(
    (shot: ShotView) => {
      const found = shotDurationRule(providers ?? [], shot.provider, defaultProvider);
      return found ? { lengths: ruleLengths(found.rule), label: found.label } : { lengths: [], label: '' };
    },
    [providers, defaultProvider],
  );
  const editing = useTimelineEditing(projectId, layout, shots, pixelsPerSecond, fps, lengthsOf);
  const view = useVisibleRange(scroller);
  const moving = useGesture(projectId)?.kind === 'move';
  const { editor } = useSession();
  const primaryId = useSelection((s) =>
    s.selection.kind === 'shot' ? editor.ids.resolve(s.selection.id) : null,
  );
  const mounted = useMemo(() => {
    const { first, end } = visibleClipRange(layout.clips, view.left, view.width, MOUNT_MARGIN_PIXELS);
    const inView = layout.clips.slice(first, end);
    // The selected clip stays mounted wherever it is, so keyboard focus on it survives a scroll.
    const primary = layout.clips.findIndex((c) => c.shotId === primaryId);
    if (primary >= 0 && (primary < first || primary >= end)) inView.push(layout.clips[primary]!);
    return inView;
  }, [layout, view.left, view.width, primaryId]);
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

  // Two fingers pinch the zoom, around the point between them (pointer events, so any touch screen).
  const cancelGesture = useRef(editing.cancelGesture);
  cancelGesture.current = editing.cancelGesture;
  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const touches = new Map<number, TouchPoint>();
    const pair = () => [...touches.values()].slice(0, 2) as [TouchPoint, TouchPoint];
    const onDown = (e: PointerEvent) => {
      if (e.pointerType !== 'touch') return;
      touches.set(e.pointerId, { x: e.clientX, y: e.clientY });
      // The first finger may have started a drag or a marquee: the pinch replaces it.
      if (touches.size === 2) cancelGesture.current();
    };
    const onMove = (e: PointerEvent) => {
      if (!touches.has(e.pointerId)) return;
      const before = touches.size === 2 ? pair() : null;
      touches.set(e.pointerId, { x: e.clientX, y: e.clientY });
      const step = before && pinchStep(before, pair());
      if (!step) return;
      e.preventDefault();
      zoomRef.current(step.factor, step.centreX - el.getBoundingClientRect().left);
    };
    const onUp = (e: PointerEvent) => touches.delete(e.pointerId);
    el.addEventListener('pointerdown', onDown, { capture: true });
    el.addEventListener('pointermove', onMove, { capture: true });
    el.addEventListener('pointerup', onUp, { capture: true });
    el.addEventListener('pointercancel', onUp, { capture: true });
    return () => {
      el.removeEventListener('pointerdown', onDown, { capture: true });
      el.removeEventListener('pointermove', onMove, { capture: true });
      el.removeEventListener('pointerup', onUp, { capture: true });
      el.removeEventListener('pointercancel', onUp, { capture: true });
    };
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
      <div className="timeline-toolbar">
        <PlayheadTimecode projectId={projectId} fps={fps} />
        <span className="timeline-edit-buttons" role="toolbar" aria-label="Timeline edit">
          <button
            type="button"
            onClick={editing.split}
            title="Split the shot under the playhead (S or Ctrl+K)"
          >
            Split
          </button>
          <button type="button" onClick={editing.duplicate} title="Duplicate the selected shots (Ctrl+D)">
            Duplicate
          </button>
          <button type="button" onClick={editing.remove} title="Delete the selected shots (Delete)">
            Delete
          </button>
          {/* Why an edit was not made takes the hint's place for a moment (the toolbar has room for one). */}
          {editing.notice ? (
            <output className="timeline-notice" aria-live="polite">
              {editing.notice}
            </output>
          ) : (
            <span className="timeline-key-hint">[ ] trim to playhead · Alt+←/→ move</span>
          )}
        </span>
        <span className="timeline-zoom-buttons" role="toolbar" aria-label="Timeline zoom">
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
          {/* Clicks and presses are handled here for every clip (and the empty track, for a marquee). */}
          {/* biome-ignore lint/a11y/noStaticElementInteractions: the clips inside are the buttons; keys act through the editor's shortcuts */}
          {/* biome-ignore lint/a11y/useKeyWithClickEvents: same */}
          <div
            className={`timeline-track${moving ? ' moving' : ''}`}
            onPointerDown={editing.onPointerDown}
            onClick={editing.onClick}
          >
            {mounted.map((clip) => {
              const shot = shots.get(clip.shotId);
              return shot ? (
                <TimelineClip key={clip.shotId} projectId={projectId} shot={shot} clip={clip} />
              ) : null;
            })}
            <TimelineGestureLayer projectId={projectId} />
          </div>
          <TimelinePlayhead projectId={projectId} fps={fps} totalSeconds={layout.totalSeconds} />
        </div>
      </div>
    </section>
  );
}
