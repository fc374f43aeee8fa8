import type { ClipLayout } from '../timeline/timeline-layout';

// The whole-film player's arithmetic, pure so it is tested without a DOM: which shot plays at a time, where
// the next cut is, shuttle speeds, in/out marks and the loop between them, frame steps. Shot start times and
// lengths come from the timeline's own layout (layoutTimeline), so player and timeline never disagree.

export interface FilmShot {
  shotId: string;
  /** The shot's number in the film, counted across scenes. */
  number: number;
  start: number;
  seconds: number;
  /** The chosen take's video; null: the shot plays as its storyboard card. */
  videoUrl: string | null;
  posterUrl: string | null;
  /** The shot's speech on its own timeline, played under its card while it has no take; null: silent. */
  speechUrl: string | null;
}

export interface ShotMedia {
  videoUrl: string | null;
  posterUrl: string | null;
}

/** The timeline's clips with each shot's chosen take, by shot id. */
export function filmShots(
  clips: readonly Pick<ClipLayout, 'shotId' | 'number' | 'startSeconds' | 'seconds'>[],
  media: ReadonlyMap<string, ShotMedia>,
  speech: ReadonlyMap<string, string> = new Map(),
): FilmShot[] {
  return clips.map((c) => ({
    shotId: c.shotId,
    number: c.number,
    start: c.startSeconds,
    seconds: c.seconds,
    videoUrl: media.get(c.shotId)?.videoUrl ?? null,
    posterUrl: media.get(c.shotId)?.posterUrl ?? null,
    speechUrl: speech.get(c.shotId) ?? null,
  }));
}

/**
 * The address of a shot's speech preview, or null for a shot with nothing to say. The server caches by
 * content but the address names the shot, so it carries a digest of what is spoken and by which voices:
 * a changed line or voice is a new address, which the player loads instead of the old sound.
 */
export function speechPreviewUrl(
  shotId: string,
  lines: readonly { text: string; voice: unknown }[],
): string | null {
  const spoken = lines.filter((l) => l.text.trim());
  if (spoken.length === 0) return null;
  return `/api/shots/${encodeURIComponent(shotId)}/speech-preview?v=${digest(JSON.stringify(spoken))}`;
}

/** FNV-1a, 32 bits, in base 36: a short cache-buster, not a security measure. */
function digest(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(36);
}

export function filmSeconds(shots: readonly FilmShot[]): number {
  const last = shots.at(-1);
  return last ? last.start + last.seconds : 0;
}

/**
 * The shot playing at `t` and how far into it: a cut belongs to the shot it starts; at or past the end the
 * last shot's last instant. Null for a film without shots.
 */
export function locate(shots: readonly FilmShot[], t: number): { index: number; offset: number } | null {
  if (shots.length === 0) return null;
  let lo = 0;
  let hi = shots.length - 1;
  // Binary search for the last shot starting at or before t.
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (shots[mid]!.start <= t) lo = mid;
    else hi = mid - 1;
  }
  const shot = shots[lo]!;
  return { index: lo, offset: Math.min(Math.max(0, t - shot.start), shot.seconds) };
}

/** The first cut after `t` (the film's end counts as one), or null past the end. */
export function nextCut(shots: readonly FilmShot[], t: number): number | null {
  for (const s of shots) if (s.start > t) return s.start;
  const end = filmSeconds(shots);
  return end > t ? end : null;
}

export const MAX_SHUTTLE = 4;

/**
 * J/K/L: L plays forward, again 2×, then 4×; J the same backward; K stops. Pressing the other direction
 * while moving starts over at 1× that way, as in an NLE.
 */
export function shuttle(rate: number, key: 'j' | 'k' | 'l'): number {
  if (key === 'k') return 0;
  const sign = key === 'l' ? 1 : -1;
  if (Math.sign(rate) !== sign) return sign;
  return sign * Math.min(MAX_SHUTTLE, Math.abs(rate) * 2);
}

export interface Marks {
  in: number | null;
  out: number | null;
}

export const NO_MARKS: Marks = { in: null, out: null };

/** Sets the in or out mark at `t`; a mark that would cross the other one clears the other. */
export function setMark(marks: Marks, which: 'in' | 'out', t: number): Marks {
  if (which === 'in') return { in: t, out: marks.out !== null && marks.out <= t ? null : marks.out };
  return { out: t, in: marks.in !== null && marks.in >= t ? null : marks.in };
}

/** The stretch playback keeps to: in to out, missing marks standing for the film's ends. */
export function playRange(marks: Marks, total: number): { start: number; end: number } {
  const start = Math.min(Math.max(0, marks.in ?? 0), total);
  const end = Math.max(start, Math.min(total, marks.out ?? total));
  return { start, end };
}

export const hasMarks = (marks: Marks) => marks.in !== null || marks.out !== null;

/**
 * One clock tick of `dt` seconds at `rate`. With marks set, the range loops (either way); without, playback
 * stops at the film's ends. Answers the new time and whether playback stops there.
 */
export function advance(
  t: number,
  dt: number,
  rate: number,
  marks: Marks,
  total: number,
): { t: number; stop: boolean } {
  const loop = hasMarks(marks);
  const { start, end } = playRange(marks, total);
  const next = t + dt * rate;
  if (rate > 0 && next >= end)
    return loop && end > start ? { t: start, stop: false } : { t: end, stop: true };
  if (rate < 0 && next <= start)
    return loop && end > start ? { t: end, stop: false } : { t: start, stop: true };
  return { t: next, stop: false };
}

/** Where play starts from `t`: inside the marked range, or its start (at the very end: the beginning). */
export function playFrom(t: number, marks: Marks, total: number): number {
  const { start, end } = playRange(marks, total);
  if (hasMarks(marks)) return t < start || t >= end ? start : t;
  return t >= total ? 0 : t;
}

/** `delta` frames from `t`, on a frame boundary, kept inside the film. */
export function frameStep(t: number, fps: number, delta: number, total: number): number {
  const frame = Math.round(t * fps) + delta;
  const lastFrame = Math.floor(total * fps + 1e-6);
  return Math.min(Math.max(0, frame), lastFrame) / fps;
}
