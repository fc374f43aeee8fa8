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
 * How far a figure reaches to each side of its mark over the whole shot, in standing heights: its drawn
 * body (arms, a pointing hand, a walk) and its face. Measured from the figure's geometry by the caller.
 */
export interface Reach {
  bodyLeft: number;
  bodyRight: number;
  faceLeft: number;
  faceRight: number;
}

/** A standing figure's reach: what the staging assumes when the caller knows nothing of the pose. */
export const STANDING_REACH: Reach = { bodyLeft: 0.25, bodyRight: 0.25, faceLeft: 0.085, faceRight: 0.085 };

/** The cast never spreads wider than this share of the set, so a wide shot can hold everyone. */
export const CAST_SPAN = 0.8;
const STANDING_HEIGHT = 0.56;

/**
 * Lines the cast up across the set in cast order, each next one far enough that no body reaches the
 * neighbour's face in any frame (reaches measured over the whole shot), the group centred with a small
 * seeded offset. A cast too wide for the set is scaled down as a whole, so everyone stays on the plate.
 */
export function stageCast(
  cast: { key: string; heightFactor: number; reach?: Reach }[],
  width: number,
  height: number,
  seed: number,
): Mark[] {
  const random = createRandom(seed ^ 0x5eed);
  const heights = cast.map((m) => height * STANDING_HEIGHT * m.heightFactor);
  const reach = cast.map((m) => m.reach ?? STANDING_REACH);
  const gaps: number[] = [];
  for (let i = 0; i + 1 < cast.length; i++) {
    const a = reach[i]!;
    const b = reach[i + 1]!;
    const ha = heights[i]!;
    const hb = heights[i + 1]!;
    const clear = Math.max(a.bodyRight * ha + b.faceLeft * hb, a.faceRight * ha + b.bodyLeft * hb);
    // Breathing room between people, a little different per shot.
    gaps.push(clear + (0.05 + random() * 0.05) * Math.max(ha, hb));
  }
  const left = cast.length ? reach[0]!.bodyLeft * heights[0]! : 0;
  const right = cast.length ? reach[cast.length - 1]!.bodyRight * heights[cast.length - 1]! : 0;
  const span = left + gaps.reduce((s, g) => s + g, 0) + right;
  const scale = Math.min(1, (width * CAST_SPAN) / Math.max(1e-9, span));
  const jitter = (random() - 0.5) * 2 * Math.max(0, (width * CAST_SPAN - span * scale) / 2) * 0.3;
  let x = width / 2 - (span * scale) / 2 + left * scale + jitter;
  return cast.map((member, i) => {
    if (i > 0) x += gaps[i - 1]! * scale;
    return { key: member.key, x, floorY: height * 0.93, height: heights[i]! * scale };
  });
}

/** The head centre of a standing figure, as the figure geometry lays it out. */
export function headCentre(mark: Mark): Point {
  return { x: mark.x, y: mark.floorY - mark.height * 0.86 };
}

/**
 * What the camera centres on: the whole group for wide shots, the subject's body for a medium shot,
 * the face for close-ups and the eyes and mouth for an extreme close-up. `headOf` gives a figure's head
 * centre as posed (a seated figure's head is lower); a standing figure's by default.
 */
export function focusFor(
  shotType: ShotType,
  marks: Mark[],
  subject: string | null,
  width: number,
  height: number,
  headOf: (mark: Mark) => Point = headCentre,
): Point {
  const target = marks.find((m) => m.key === subject) ?? marks[0] ?? null;
  if (!target || shotType === 'extreme-wide' || shotType === 'wide') {
    const xs = marks.map((m) => m.x);
    const x = xs.length ? (Math.min(...xs) + Math.max(...xs)) / 2 : width / 2;
    return { x, y: shotType === 'wide' && target ? target.floorY - target.height * 0.5 : height / 2 };
  }
  const head = headOf(target);
  if (shotType === 'medium') return { x: head.x, y: head.y + target.height * 0.18 };
  if (shotType === 'close-up') return { x: head.x, y: head.y + target.height * 0.04 };
  return { x: head.x, y: head.y + target.height * 0.015 };
}
