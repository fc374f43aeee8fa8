import type { DurationRule, ProviderDescription } from '@ministudio/domain';
import { MAX_SHOT_SECONDS, MIN_SHOT_SECONDS } from '@ministudio/domain';
import type { ClipLayout, SceneLayout } from './timeline-layout';
import { snapToFrame } from './timeline-layout';

// The timeline's editing maths (pure, tested without a DOM): which clips to mount, where a trim snaps,
// how a split divides a shot, where a dragged clip lands.

/** A snap is taken when the pointer comes this close to a candidate. */
export const SNAP_PIXELS = 8;

/**
 * The clips overlapping the visible stretch (scrollLeft to scrollLeft + width) widened by `margin` pixels
 * each side, as an index range [first, end) of `clips` (sorted by x, as the layout makes them).
 */
export function visibleClipRange(
  clips: readonly Pick<ClipLayout, 'x' | 'width'>[],
  scrollLeft: number,
  width: number,
  margin: number,
): { first: number; end: number } {
  const lo = scrollLeft - margin;
  const hi = scrollLeft + width + margin;
  // First clip whose right edge is past lo.
  let a = 0;
  let b = clips.length;
  while (a < b) {
    const m = (a + b) >> 1;
    if (clips[m]!.x + clips[m]!.width <= lo) a = m + 1;
    else b = m;
  }
  const first = a;
  // First clip starting at or after hi.
  b = clips.length;
  while (a < b) {
    const m = (a + b) >> 1;
    if (clips[m]!.x < hi) a = m + 1;
    else b = m;
  }
  return { first, end: a };
}

export type SnapKind = 'edge' | 'playhead' | 'provider' | 'frame';

export interface SnapCandidate {
  /** A time on the film, in seconds. */
  seconds: number;
  kind: SnapKind;
  label: string;
}

export interface SnapChoice {
  seconds: number;
  /** What it snapped to; a plain frame snap has kind 'frame'. */
  snap: SnapCandidate;
}

/** Priority when two candidates are equally near: a length the model can make wins. */
const KIND_RANK: Record<SnapKind, number> = { provider: 0, playhead: 1, edge: 2, frame: 3 };

/** The candidate nearest `seconds` within `threshold` seconds, or else the nearest frame. */
export function chooseSnap(
  seconds: number,
  candidates: readonly SnapCandidate[],
  threshold: number,
  fps: number,
): SnapChoice {
  let best: SnapCandidate | null = null;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const c of candidates) {
    const d = Math.abs(c.seconds - seconds);
    if (d > threshold) continue;
    if (
      d < bestDistance - 1e-9 ||
      (Math.abs(d - bestDistance) <= 1e-9 && best && KIND_RANK[c.kind] < KIND_RANK[best.kind])
    ) {
      best = c;
      bestDistance = d;
    }
  }
  if (best) return { seconds: best.seconds, snap: best };
  const framed = snapToFrame(seconds, fps);
  return {
    seconds: framed,
    snap: { seconds: framed, kind: 'frame', label: `frame ${Math.round(framed * fps)}` },
  };
}

/** The lengths a duration rule offers as snap points: each listed length, or a range's ends and whole seconds. */
export function ruleLengths(rule: DurationRule): number[] {
  if (rule.kind === 'list') return [...rule.seconds].sort((a, b) => a - b);
  const out = [rule.min];
  for (let s = Math.ceil(rule.min); s < rule.max; s++) if (s > rule.min) out.push(s);
  out.push(rule.max);
  return out;
}

/**
 * The duration rule of the model a shot renders with: its own provider ("provider" or "provider:model")
 * or else the project's default; the provider's first model when none is named. Null when unknown.
 */
export function shotDurationRule(
  providers: readonly ProviderDescription[],
  shotProvider: string | null,
  defaultProvider: string,
): { rule: DurationRule; label: string } | null {
  const choice = shotProvider ?? defaultProvider;
  const [providerId, modelId] = choice.split(':');
  const provider = providers.find((p) => p.id === providerId && p.kind === 'video');
  if (!provider) return null;
  const model =
    (modelId ? provider.models.find((m) => m.model === modelId) : undefined) ?? provider.models[0];
  if (!model?.durations) return null;
  return { rule: model.durations, label: model.label || provider.label };
}

/**
 * Where the end of a clip starting at `start` may snap while its right edge is dragged: the other clips'
 * edges as they stand, the playhead, and start + each length the model allows.
 */
export function trimCandidates(
  clips: readonly Pick<ClipLayout, 'shotId' | 'number' | 'startSeconds' | 'seconds'>[],
  shotId: string,
  start: number,
  playhead: number,
  lengths: readonly number[],
  modelLabel: string,
): SnapCandidate[] {
  const out: SnapCandidate[] = [];
  for (const c of clips) {
    if (c.shotId === shotId) continue;
    const end = c.startSeconds + c.seconds;
    if (c.startSeconds > start)
      out.push({ seconds: c.startSeconds, kind: 'edge', label: `Shot ${c.number} start` });
    if (end > start) out.push({ seconds: end, kind: 'edge', label: `Shot ${c.number} end` });
  }
  if (playhead > start) out.push({ seconds: playhead, kind: 'playhead', label: 'playhead' });
  for (const l of lengths) out.push({ seconds: start + l, kind: 'provider', label: `${modelLabel} length` });
  return out;
}

/**
 * Where the head of a clip may snap while its left edge is dragged. A shot has no media offset, so a
 * head trim is a ripple: the clip keeps its start and its length becomes end − cut (the shots after move
 * up or down by the change). The candidates are cut points: the clip's own start (no change), the
 * playhead, and end − each length the model allows.
 */
export function headTrimCandidates(
  clip: Pick<ClipLayout, 'number' | 'startSeconds' | 'seconds'>,
  playhead: number,
  lengths: readonly number[],
  modelLabel: string,
): SnapCandidate[] {
  const end = clip.startSeconds + clip.seconds;
  const out: SnapCandidate[] = [
    { seconds: clip.startSeconds, kind: 'edge', label: `Shot ${clip.number} start` },
  ];
  if (playhead < end) out.push({ seconds: playhead, kind: 'playhead', label: 'playhead' });
  for (const l of lengths) out.push({ seconds: end - l, kind: 'provider', label: `${modelLabel} length` });
  return out;
}

/** The length a head trim to `cut` (film seconds, already snapped) leaves: end − cut, clamped and framed. */
export function headTrimLength(
  clip: Pick<ClipLayout, 'startSeconds' | 'seconds'>,
  cut: number,
  fps: number,
): number {
  return clampLength(clip.startSeconds + clip.seconds - cut, fps);
}

/**
 * Why a split at `at` cannot be made, in words for the toolbar, or null when it can: no clip under the
 * playhead, the playhead on (or within a frame of) a cut, or a part that would be shorter than a shot may be.
 */
export function splitRefusal(
  clips: readonly Pick<ClipLayout, 'number' | 'startSeconds' | 'seconds'>[],
  at: number,
  fps: number,
): string | null {
  const clip = clipAt(clips, at);
  if (!clip) return 'Nothing to split: move the playhead onto a shot';
  // Under one frame from either edge is on the cut itself (a frame is the finest a split can be).
  const head = (at - clip.startSeconds) * fps;
  const tail = (clip.startSeconds + clip.seconds - at) * fps;
  if (head < 1 - 1e-6 || tail < 1 - 1e-6)
    return `Can’t split at a cut: move the playhead inside shot ${clip.number}`;
  if (!splitLengths(clip.startSeconds, clip.seconds, at, fps))
    return `Can’t split shot ${clip.number} there: each part must last at least ${MIN_SHOT_SECONDS} s`;
  return null;
}

/** A trimmed length: whole frames, within what a shot may last. */
export function clampLength(seconds: number, fps: number): number {
  const framed = snapToFrame(seconds, fps);
  const minFrames = Math.ceil(MIN_SHOT_SECONDS * fps) / fps;
  return Math.min(MAX_SHOT_SECONDS, Math.max(minFrames, framed));
}

/**
 * Splitting a clip at `at` (film seconds): the lengths either side in whole frames, or null when the
 * cut would leave either part shorter than a shot may be (or the playhead is not on the clip).
 */
export function splitLengths(
  start: number,
  seconds: number,
  at: number,
  fps: number,
): [number, number] | null {
  const totalFrames = Math.round(seconds * fps);
  const headFrames = Math.round((at - start) * fps);
  const tailFrames = totalFrames - headFrames;
  const minFrames = Math.ceil(MIN_SHOT_SECONDS * fps);
  if (headFrames < minFrames || tailFrames < minFrames) return null;
  return [headFrames / fps, tailFrames / fps];
}

/** The clip under the playhead: the one it is inside, or whose start it sits on. */
export function clipAt<C extends Pick<ClipLayout, 'startSeconds' | 'seconds'>>(
  clips: readonly C[],
  seconds: number,
): C | null {
  return clips.find((c) => seconds >= c.startSeconds && seconds < c.startSeconds + c.seconds) ?? null;
}

/** Where a set of dragged shots goes: before `beforeShotId` (in its scene), or at the end of `sceneId`. */
export interface DropTarget {
  sceneId: string;
  beforeShotId: string | null;
  /** Where the insertion marker is drawn, in content pixels. */
  x: number;
}

/**
 * A drag of `moving` shots released at content x `x`: in the scene under the pointer, before the first
 * clip (not moving) whose middle is right of the pointer, else at that scene's end. Null when it would
 * change nothing.
 */
export function dropTarget(
  clips: readonly Pick<ClipLayout, 'shotId' | 'x' | 'width'>[],
  scenes: readonly Pick<SceneLayout, 'sceneId' | 'x' | 'width'>[],
  sceneOf: (shotId: string) => string | undefined,
  moving: readonly string[],
  x: number,
): DropTarget | null {
  if (scenes.length === 0) return null;
  const sized = scenes.filter((s) => s.width > 0);
  const scene =
    sized.find((s) => x >= s.x && x < s.x + s.width) ??
    (x < (sized[0]?.x ?? 0) ? sized[0] : sized.at(-1)) ??
    scenes.at(-1)!;
  const movingSet = new Set(moving);
  const inScene = clips.filter((c) => sceneOf(c.shotId) === scene.sceneId);
  const before = inScene.find((c) => !movingSet.has(c.shotId) && c.x + c.width / 2 > x) ?? null;
  const target: DropTarget = {
    sceneId: scene.sceneId,
    beforeShotId: before?.shotId ?? null,
    x: before ? before.x : scene.x + scene.width,
  };
  // Dropping a contiguous block back where it is changes nothing.
  const order = clips.map((c) => c.shotId);
  const idx = moving.map((id) => order.indexOf(id)).sort((a, b) => a - b);
  const contiguous = idx.every((v, i) => i === 0 || v === idx[i - 1]! + 1);
  if (contiguous && idx.length > 0 && moving.every((id) => sceneOf(id) === scene.sceneId)) {
    const after = order[idx.at(-1)! + 1];
    const nextInScene = after !== undefined && sceneOf(after) === scene.sceneId ? after : null;
    if (nextInScene === target.beforeShotId) return null;
  }
  return target;
}

/** How far the clips after a trimmed one move while the trim runs (a ripple), in pixels. */
export function rippleOffset(oldSeconds: number, newSeconds: number, pixelsPerSecond: number): number {
  return (newSeconds - oldSeconds) * pixelsPerSecond;
}

export interface TouchPoint {
  x: number;
  y: number;
}

/**
 * One move of a two-finger pinch: the zoom factor (how much farther apart the fingers are than before)
 * and the x it zooms around (between them, in client pixels). Null when the fingers are (nearly) on one spot.
 */
export function pinchStep(
  before: readonly [TouchPoint, TouchPoint],
  after: readonly [TouchPoint, TouchPoint],
): { factor: number; centreX: number } | null {
  const d0 = Math.hypot(before[1].x - before[0].x, before[1].y - before[0].y);
  const d1 = Math.hypot(after[1].x - after[0].x, after[1].y - after[0].y);
  if (d0 < 1 || d1 < 1) return null;
  return { factor: d1 / d0, centreX: (after[0].x + after[1].x) / 2 };
}
