import { createRandom, type ShotType } from '@ministudio/domain';
import type { Point } from './framing';

/** Where a character stands in the set, in plate pixels. */
export interface Mark {
  key: string;
  x: number;
  /** Feet. */
  floorY: number;
  /** Full standing height. */
  height: number;
}

/**
 * Spreads the cast across the set in cast order, with a small seeded offset, so the same shot
 * always stages the same way.
 */
export function stageCast(
  cast: { key: string; heightFactor: number }[],
  width: number,
  height: number,
  seed: number,
): Mark[] {
  const random = createRandom(seed ^ 0x5eed);
  const n = cast.length;
  const spacing = Math.min(0.24, 0.64 / Math.max(1, n));
  return cast.map((member, i) => ({
    key: member.key,
    x: width * (0.5 + (i - (n - 1) / 2) * spacing + (random() - 0.5) * 0.03),
    floorY: height * 0.93,
    height: height * 0.56 * member.heightFactor,
  }));
}

/** The head centre of a standing figure, as the figure drawer lays it out. */
export function headCentre(mark: Mark): Point {
  return { x: mark.x, y: mark.floorY - mark.height * 0.86 };
}

/**
 * What the camera centres on: the whole group for wide shots, the subject's body for a medium shot,
 * the face for close-ups and the eyes and mouth for an extreme close-up.
 */
export function focusFor(
  shotType: ShotType,
  marks: Mark[],
  subject: string | null,
  width: number,
  height: number,
): Point {
  const target = marks.find((m) => m.key === subject) ?? marks[0] ?? null;
  if (!target || shotType === 'extreme-wide' || shotType === 'wide') {
    const xs = marks.map((m) => m.x);
    const x = xs.length ? (Math.min(...xs) + Math.max(...xs)) / 2 : width / 2;
    return { x, y: shotType === 'wide' && target ? target.floorY - target.height * 0.5 : height / 2 };
  }
  const head = headCentre(target);
  if (shotType === 'medium') return { x: target.x, y: target.floorY - target.height * 0.68 };
  if (shotType === 'close-up') return { x: head.x, y: head.y + target.height * 0.04 };
  return { x: head.x, y: head.y + target.height * 0.015 };
}
