import type { ShotView } from '@ministudio/domain';
import {
  type MouseEvent as ReactMouseEvent,
  type PointerEvent as ReactPointerEvent,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
} from 'react';
import { flatShots } from '../api/project-patches';
import { useSession } from '../app/session';
import type { Command } from '../commands/command';
import {
  deleteShots,
  duplicateShots,
  moveShots,
  setShotDuration,
  splitShot,
} from '../commands/timeline-commands';
import { clearRipple, showRipple } from './ripple-preview';
import {
  chooseSnap,
  clampLength,
  clipAt,
  dropTarget,
  headTrimCandidates,
  headTrimLength,
  rippleOffset,
  SNAP_PIXELS,
  splitLengths,
  splitRefusal,
  trimCandidates,
} from './timeline-edit';
import type { TimelineLayout } from './timeline-layout';
import { clickSelection, inOrder, marqueeHits } from './timeline-selection';
import { gestureStore, playheadStore, registerTimelineActions } from './timeline-stores';

/** A press becomes a drag once the pointer travels this far. */
const DRAG_PIXELS = 4;
/** How long the toolbar says why an edit was not made. */
const NOTICE_MS = 4000;
/** A ripple still drawn this long after its release (the edit failed or changed nothing) is taken away. */
const RIPPLE_FALLBACK_MS = 1000;

export interface TimelineEditing {
  onPointerDown(e: ReactPointerEvent<HTMLElement>): void;
  onClick(e: ReactMouseEvent<HTMLElement>): void;
  split(): void;
  duplicate(): void;
  remove(): void;
  /** Drops the pointer gesture in progress without an edit (a second finger turned it into a pinch). */
  cancelGesture(): void;
  /** Why the last edit asked for could not be made (for the toolbar), or null. */
  notice: string | null;
}

/**
 * The timeline's edits, from the pointer (select, marquee, drag to move, trim by the right edge) and from
 * the toolbar and keys (split, trim to the playhead, duplicate, delete). While a gesture runs only the
 * gesture store changes; the release runs one command.
 */
export function useTimelineEditing(
  projectId: string,
  layout: TimelineLayout,
  shots: ReadonlyMap<string, ShotView>,
  pixelsPerSecond: number,
  fps: number,
  lengthsOf: (shot: ShotView) => { lengths: number[]; label: string },
): TimelineEditing {
  const { editor, history, selection } = useSession();
  const latest = useRef({ layout, shots, pixelsPerSecond, fps, lengthsOf });
  latest.current = { layout, shots, pixelsPerSecond, fps, lengthsOf };
  const suppressClick = useRef(false);
  const cancelActive = useRef<(() => void) | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const noticeTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const tell = (message: string) => {
    clearTimeout(noticeTimer.current);
    setNotice(message);
    noticeTimer.current = setTimeout(() => setNotice(null), NOTICE_MS);
  };
  useEffect(() => () => clearTimeout(noticeTimer.current), []);
  // A released trim's ripple stays drawn until the edited layout is on screen, so the clips after it do
  // not jump back for a frame before they move for good.
  const rippleTrack = useRef<HTMLElement | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the layout changes, which is the point
  useLayoutEffect(() => {
    if (rippleTrack.current) clearRipple(rippleTrack.current);
    rippleTrack.current = null;
  }, [layout]);

  const run = (command: Command) => history.getState().execute(command);
  const selectedIds = () => {
    const order = flatShots(editor.project()).map((s) => s.id);
    return inOrder(
      order,
      selection.getState().shots.map((id) => editor.ids.resolve(id)),
    );
  };
  const primaryClip = () => {
    const s = selection.getState().selection;
    if (s.kind !== 'shot') return null;
    const id = editor.ids.resolve(s.id);
    return latest.current.layout.clips.find((c) => c.shotId === id) ?? null;
  };

  const split = () => {
    const { layout, fps } = latest.current;
    const at = playheadStore(projectId).getState().seconds;
    const refusal = splitRefusal(layout.clips, at, fps);
    const clip = clipAt(layout.clips, at);
    const parts = clip && splitLengths(clip.startSeconds, clip.seconds, at, fps);
    if (refusal || !clip || !parts) {
      tell(refusal ?? 'Can’t split here');
      return;
    }
    setNotice(null);
    void run(
      splitShot(editor, clip.shotId, parts[0], parts[1], (copy) =>
        selection.getState().select({ kind: 'shot', id: copy }),
      ),
    );
  };

  const trim = (edge: 'start' | 'end') => {
    const clip = primaryClip();
    if (!clip) {
      tell('Select a shot to trim it to the playhead');
      return;
    }
    const { fps } = latest.current;
    const at = playheadStore(projectId).getState().seconds;
    const end = clip.startSeconds + clip.seconds;
    if (at <= clip.startSeconds || at >= end) {
      tell(`The playhead is not inside shot ${clip.number}: nothing to trim`);
      return;
    }
    // A shot has no media offset: trimming its head shortens it by as much, the shots after move up.
    const seconds = clampLength(edge === 'end' ? at - clip.startSeconds : end - at, fps);
    void run(
      setShotDuration(editor, clip.shotId, seconds, edge === 'end' ? 'Trim shot end' : 'Trim shot start'),
    );
  };

  const duplicate = () => {
    const ids = selectedIds();
    if (ids.length === 0) return;
    void run(
      duplicateShots(editor, ids, (copies) => {
        if (copies.length > 0) selection.getState().selectShots(copies, copies.at(-1)!);
      }),
    );
  };

  const remove = () => {
    const ids = selectedIds();
    if (ids.length === 0) return;
    void run(deleteShots(editor, ids));
    selection.getState().select({ kind: 'none' });
  };

  const actions = useRef({ split, trim });
  actions.current = { split, trim };
  useEffect(() => {
    registerTimelineActions(projectId, {
      split: () => actions.current.split(),
      trim: (edge) => actions.current.trim(edge),
    });
    return () => registerTimelineActions(projectId, null);
  }, [projectId]);

  const onClick = (e: ReactMouseEvent<HTMLElement>) => {
    if (suppressClick.current) {
      suppressClick.current = false;
      return;
    }
    const el = (e.target as HTMLElement).closest<HTMLElement>('[data-clip-shot-id]');
    if (!el) return;
    const id = el.dataset.clipShotId!;
    const order = latest.current.layout.clips.map((c) => c.shotId);
    const s = selection.getState();
    const current = {
      shots: s.shots.map((x) => editor.ids.resolve(x)),
      primary: s.selection.kind === 'shot' ? editor.ids.resolve(s.selection.id) : null,
      anchor: s.anchor ? editor.ids.resolve(s.anchor) : null,
    };
    const next = clickSelection(order, current, id, { range: e.shiftKey, toggle: e.ctrlKey || e.metaKey });
    s.selectShots(next.shots, next.primary, next.anchor);
  };

  const onPointerDown = (e: ReactPointerEvent<HTMLElement>) => {
    // A second finger is a pinch (the timeline zooms), not a gesture of its own.
    if (e.button !== 0 || !e.isPrimary) return;
    const track = e.currentTarget;
    const contentX = (clientX: number) => clientX - track.getBoundingClientRect().left;
    const startX = e.clientX;
    const target = e.target as HTMLElement;
    const clipEl = target.closest<HTMLElement>('[data-clip-shot-id]');
    const gestures = gestureStore(projectId).getState();
    let moved = false;
    let finish: (() => void) | null = null;
    let update: ((clientX: number) => void) | null = null;

    if (!clipEl) {
      // A marquee over the empty track selects the clips it crosses.
      const x0 = contentX(startX);
      update = (clientX) => gestures.set({ kind: 'marquee', x0, x1: contentX(clientX) });
      finish = () => {
        const g = gestureStore(projectId).getState().gesture;
        const hits =
          g?.kind === 'marquee' && moved ? marqueeHits(latest.current.layout.clips, g.x0, g.x1) : [];
        selection.getState().selectShots(hits, hits.at(-1) ?? null, hits[0] ?? null);
      };
    } else if (target.closest('.timeline-clip-trim')) {
      const head = target.closest('.timeline-clip-trim')!.classList.contains('start');
      const id = clipEl.dataset.clipShotId!;
      const clip = latest.current.layout.clips.find((c) => c.shotId === id);
      const shot = latest.current.shots.get(id);
      if (!clip || !shot) return;
      e.preventDefault();
      const { pixelsPerSecond: pps, fps, layout: l } = latest.current;
      const { lengths, label } = latest.current.lengthsOf(shot);
      const playhead = playheadStore(projectId).getState().seconds;
      const candidates = head
        ? headTrimCandidates(clip, playhead, lengths, label)
        : trimCandidates(l.clips, id, clip.startSeconds, playhead, lengths, label);
      let seconds = clip.seconds;
      update = (clientX) => {
        // The right edge follows the pointer; the left edge is a ripple: the shot keeps its start and
        // loses (or gains) at its head what the pointer moved, so its end and every later clip move.
        const raw = head
          ? clip.startSeconds + (clientX - startX) / pps
          : clip.startSeconds + (clip.width + clientX - startX) / pps;
        const choice = chooseSnap(raw, candidates, SNAP_PIXELS / pps, fps);
        seconds = head
          ? headTrimLength(clip, choice.seconds, fps)
          : clampLength(choice.seconds - clip.startSeconds, fps);
        const endX = (clip.startSeconds + seconds) * pps;
        showRipple(track, clipEl, rippleOffset(clip.seconds, seconds, pps));
        gestures.set({
          kind: 'trim',
          shotId: id,
          x: clip.x,
          width: seconds * pps,
          seconds,
          snap: {
            x: endX,
            kind: choice.snap.kind,
            label:
              choice.snap.kind === 'frame'
                ? `${formatLength(seconds)}`
                : `${formatLength(seconds)} · snap: ${choice.snap.label}`,
          },
        });
      };
      finish = () => {
        if (moved && (seconds !== clip.seconds || clip.followsSpeech)) {
          rippleTrack.current = track;
          setTimeout(() => {
            if (rippleTrack.current === track) clearRipple(track);
          }, RIPPLE_FALLBACK_MS);
          void run(setShotDuration(editor, id, seconds, head ? 'Trim shot start' : undefined));
        } else clearRipple(track);
      };
    } else {
      const id = clipEl.dataset.clipShotId!;
      let moving: string[] = [];
      let drop: ReturnType<typeof dropTarget> = null;
      const sceneOf = (shotId: string) => latest.current.shots.get(shotId)?.sceneId;
      update = (clientX) => {
        const { layout: l } = latest.current;
        if (moving.length === 0) {
          const s = selection.getState();
          const selected = s.shots.map((x) => editor.ids.resolve(x));
          // Dragging an unselected clip drags it alone (and selects it); a selected one drags the selection.
          if (!selected.includes(id)) s.select({ kind: 'shot', id });
          moving = inOrder(
            l.clips.map((c) => c.shotId),
            selected.includes(id) ? selected : [id],
          );
        }
        drop = dropTarget(l.clips, l.scenes, sceneOf, moving, contentX(clientX));
        const ghosts = l.clips
          .filter((c) => moving.includes(c.shotId))
          .map((c) => ({ x: c.x, width: c.width, number: c.number }));
        gestures.set({
          kind: 'move',
          shotIds: moving,
          dx: clientX - startX,
          ghosts,
          marker: drop?.x ?? null,
        });
      };
      finish = () => {
        if (moved && drop) void run(moveShots(editor, moving, drop.sceneId, drop.beforeShotId));
      };
    }

    const onMove = (ev: PointerEvent) => {
      if (!moved && Math.abs(ev.clientX - startX) < DRAG_PIXELS) return;
      moved = true;
      update?.(ev.clientX);
    };
    const onUp = () => {
      cancelActive.current = null;
      window.removeEventListener('pointermove', onMove);
      window.removeEventListener('pointerup', onUp);
      window.removeEventListener('pointercancel', onCancel);
      if (moved) suppressClick.current = true;
      finish?.();
      gestureStore(projectId).getState().set(null);
      // A click follows only if the release is over the pressed element; make sure a stale flag never eats the next one.
      setTimeout(() => {
        suppressClick.current = false;
      }, 0);
    };
    const onCancel = () => {
      moved = false;
      onUp();
    };
    cancelActive.current = onCancel;
    window.addEventListener('pointermove', onMove);
    window.addEventListener('pointerup', onUp);
    window.addEventListener('pointercancel', onCancel);
  };
  const cancelGesture = () => cancelActive.current?.();

  return { onPointerDown, onClick, split, duplicate, remove, cancelGesture, notice };
}

function formatLength(s: number): string {
  return `${s.toFixed(2).replace(/\.?0+$/, '')} s`;
}
