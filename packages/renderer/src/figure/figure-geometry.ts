import { easeInOutCubic } from '../camera/framing';
import type { Mark } from '../camera/staging';
import type { CharacterLook } from './character-look';
import type { Pose } from './pose-words';

// Where every part of a figure is, as pure numbers in plate pixels. The drawer draws from this layout
// and the shot's sidecar, the staging and the camera all read their boxes from it: one source of truth
// for where a character is, so "fully in frame" is tested on the same geometry that is drawn.

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface Point {
  x: number;
  y: number;
}

/** A limb as a thick polyline (shoulder, elbow, hand or hip, knee, foot). */
export interface Limb {
  points: Point[];
  width: number;
}

export interface FigureLayout {
  /** Where the hips are centred (walking moves it, sway nudges it). */
  x: number;
  feet: number;
  hipY: number;
  /** Hips to shoulders; the shoulders sit `lean` to the side of the hips. */
  shoulderY: number;
  lean: number;
  torsoW: number;
  legs: [Limb, Limb];
  feetBoxes: [Box, Box];
  arms: [Limb, Limb];
  hands: [Point, Point];
  handR: number;
  head: { x: number; y: number; rx: number; ry: number };
  /** -1..1: how far the face has turned to the side (0: to camera). */
  turn: number;
  /** What a seated figure sits on, drawn behind it. */
  seat: Box | null;
  /** The keyboard a typing figure types on, drawn in front of its hands. */
  keyboard: Box | null;
}

/** The parts the sidecar and the tests know, in plate pixels; null for a part the figure does not have. */
export interface FigureParts {
  figure: Box;
  head: Box;
  face: Box;
  hair: Box | null;
  outfit: Box;
  skin: Box;
  /** Shoulders to hips: what "the torso is in frame" means. */
  torso: Box;
}

export interface PoseMotion {
  pose: Pose;
  /** Which way gestures go (points, leans, turns) and walks come from or go to: -1 left, 1 right. */
  direction: -1 | 1;
}

const clamp01 = (v: number) => Math.max(0, Math.min(1, v));
/** A gesture's share of the shot: it starts at `from`, completes at `to` and holds. */
const phase = (p: number, from: number, to: number) => easeInOutCubic(clamp01((p - from) / (to - from)));

/** How far a walk travels, in standing heights: enough to read as a walk, short enough to stay in frame. */
export const WALK_DISTANCE = 0.45;

/**
 * The figure's layout at a point of the shot. `progress` 0..1 spreads the gesture over the shot; `time`
 * (seconds) and `phase` drive breathing, sway and typing, which are not tied to the shot's length.
 */
export function figureLayout(
  mark: Mark,
  look: CharacterLook,
  motion: PoseMotion,
  progress: number,
  time: number,
  idlePhase: number,
): FigureLayout {
  const h = mark.height;
  const { pose, direction: dir } = motion;
  const breathe = Math.sin((time / 3.6 + idlePhase) * Math.PI * 2) * h * 0.004;
  const sway = Math.sin((time / 5.3 + idlePhase) * Math.PI * 2) * h * 0.005;
  const feet = mark.floorY;

  // Walking: in from the side over the first 70% of the shot, or out to it over the last 70%.
  let walk = 0;
  let walking = 0;
  if (pose.gesture === 'walking-in') {
    const k = phase(progress, 0, 0.7);
    walk = dir * WALK_DISTANCE * h * (1 - k);
    walking = progress < 0.7 ? 1 : 0;
  } else if (pose.gesture === 'walking-out') {
    const k = phase(progress, 0.3, 1);
    walk = dir * WALK_DISTANCE * h * k;
    walking = progress > 0.3 ? 1 : 0;
  }
  const x = mark.x + sway + walk;
  const sitting = pose.base === 'sitting';
  const hipY = sitting ? feet - h * 0.27 : feet - h * 0.46;
  // A lean the action asks for happens early in the shot; a leaning posture is there from the start.
  const leanK = pose.base !== 'leaning' ? 0 : pose.baseFromAction ? phase(progress, 0, 0.35) : 1;
  const lean = dir * h * 0.06 * leanK;
  // Leaning over something hunches the shoulders down a little.
  const shoulderY = hipY - h * 0.32 + breathe + h * 0.03 * leanK;
  const turn = pose.gesture === 'turning' ? dir * 0.85 * phase(progress, 0.15, 0.75) : 0;
  const torsoW = h * 0.26 * look.width * (1 - 0.18 * Math.abs(turn));
  const sx = x + lean;

  const legW = h * 0.075 * look.width;
  const stride = walking ? Math.sin(time * Math.PI * 2 * 1.6) * h * 0.05 : 0;
  const legs: [Limb, Limb] = [-1, 1].map((side) => {
    const hipX = x + side * legW * 0.65;
    if (sitting) {
      // Thighs come toward the camera (foreshortened), shins drop to the floor.
      const knee = { x: hipX + side * legW * 0.35, y: hipY + h * 0.07 };
      return {
        points: [{ x: hipX, y: hipY + h * 0.01 }, knee, { x: knee.x, y: feet - h * 0.03 }],
        width: legW,
      };
    }
    const footX = hipX + side * stride;
    return {
      points: [
        { x: hipX, y: hipY + h * 0.01 },
        { x: (hipX + footX) / 2, y: (hipY + feet) / 2 },
        { x: footX, y: feet - h * 0.03 },
      ],
      width: legW,
    };
  }) as [Limb, Limb];
  const feetBoxes = legs.map((leg, i) => {
    const foot = leg.points[2]!;
    const side = i === 0 ? -1 : 1;
    return { x: foot.x - legW * 0.6 + side * legW * 0.1, y: feet - h * 0.035, w: legW * 1.2, h: h * 0.035 };
  }) as [Box, Box];

  const armW = h * 0.06 * look.width;
  const armLen = h * 0.3;
  const shoulders = [-1, 1].map((side) => ({
    x: sx + side * (torsoW / 2 + armW * 0.2),
    y: shoulderY + h * 0.03,
  }));
  const typing = pose.gesture === 'typing';
  const pointing = pose.gesture === 'pointing' ? phase(progress, 0.05, 0.35) : 0;
  const hands: Point[] = [];
  const arms = shoulders.map((s, i) => {
    const side = i === 0 ? -1 : 1;
    let elbow: Point;
    let hand: Point;
    if (typing) {
      // Forearms forward to a keyboard at the waist; fingers tap in turn.
      const tap = Math.sin(time * Math.PI * 2 * 5 + i * Math.PI) * h * 0.008;
      elbow = { x: s.x + side * armW * 0.5, y: s.y + armLen * 0.5 };
      hand = { x: sx + side * torsoW * 0.22, y: hipY - h * 0.05 + tap };
    } else if (pointing > 0 && side === dir) {
      // The arm on the side of the gesture swings up from the hip to point level with the shoulder.
      const angle = (Math.PI / 2) * (1 - pointing) - 0.12 * pointing;
      hand = { x: s.x + side * armLen * Math.cos(angle), y: s.y + armLen * Math.sin(angle) };
      elbow = { x: (s.x + hand.x) / 2, y: (s.y + hand.y) / 2 };
    } else {
      elbow = { x: s.x + side * armW * 0.35, y: s.y + armLen * 0.5 };
      hand = { x: s.x + side * armW * 0.45, y: s.y + armLen };
    }
    hands.push(hand);
    return { points: [s, elbow, hand], width: armW };
  }) as [Limb, Limb];

  const head = { x: sx + lean * 0.3, y: shoulderY - h * 0.08 + breathe * 0.2, rx: h * 0.085, ry: h * 0.1 };
  const seat = sitting
    ? { x: x - h * 0.18, y: hipY + h * 0.015, w: h * 0.36, h: feet - hipY - h * 0.015 }
    : null;
  const keyboard = typing ? { x: sx - torsoW * 0.5, y: hipY - h * 0.035, w: torsoW, h: h * 0.035 } : null;
  return {
    x,
    feet,
    hipY,
    shoulderY,
    lean,
    torsoW,
    legs,
    feetBoxes,
    arms,
    hands: hands as [Point, Point],
    handR: armW * 0.55,
    head,
    turn,
    seat,
    keyboard,
  };
}

export function union(boxes: (Box | null | undefined)[]): Box {
  // A plain loop: this runs for every part of every figure in every frame.
  let x0 = Number.POSITIVE_INFINITY;
  let y0 = Number.POSITIVE_INFINITY;
  let x1 = Number.NEGATIVE_INFINITY;
  let y1 = Number.NEGATIVE_INFINITY;
  for (const b of boxes) {
    if (!b) continue;
    if (b.x < x0) x0 = b.x;
    if (b.y < y0) y0 = b.y;
    if (b.x + b.w > x1) x1 = b.x + b.w;
    if (b.y + b.h > y1) y1 = b.y + b.h;
  }
  return { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
}

export function grow(box: Box, by: number): Box {
  return { x: box.x - by, y: box.y - by, w: box.w + 2 * by, h: box.h + 2 * by };
}

function limbBox(limb: Limb): Box {
  const r = limb.width / 2;
  return grow(union(limb.points.map((p) => ({ x: p.x, y: p.y, w: 0, h: 0 }))), r);
}

/** The hair's own box by style (the same shapes drawHairBack / drawHairFront draw). */
export function hairBox(look: CharacterLook, head: FigureLayout['head']): Box | null {
  const { x, y, rx, ry } = head;
  const front = { x: x - rx * 1.04, y: y - ry * 1.1, w: rx * 2.08, h: ry * 0.62 };
  switch (look.hairStyle) {
    case 'none':
    case 'bald':
      return null;
    case 'long':
      return union([front, { x: x - rx * 1.15, y: y - ry * 0.6, w: rx * 2.3, h: ry * 2.3 }]);
    case 'bob':
      return union([front, { x: x - rx * 1.18, y: y - ry * 0.7, w: rx * 2.36, h: ry * 1.55 }]);
    case 'ponytail':
      return union([front, { x: x + rx * 0.62, y: y - ry * 0.6, w: rx * 0.86, h: ry * 1.6 }]);
    default:
      return front;
  }
}

/** Every part's box from a layout. `figure` holds everything drawn for the character, halo and seat included. */
export function figureParts(layout: FigureLayout, look: CharacterLook, mark: Mark): FigureParts {
  const { head, shoulderY, hipY, torsoW } = layout;
  const h = mark.height;
  const sx = layout.x + layout.lean;
  const face = { x: head.x - head.rx, y: head.y - head.ry, w: head.rx * 2, h: head.ry * 2 };
  const hair = hairBox(look, head);
  const headBox = union([face, hair]);
  const torso = union([
    { x: sx - torsoW / 2, y: shoulderY, w: torsoW, h: 0 },
    { x: layout.x - torsoW * 0.42, y: hipY + h * 0.02, w: torsoW * 0.84, h: 0 },
  ]);
  const outfit = union([torso, limbBox(layout.arms[0]), limbBox(layout.arms[1])]);
  // The face's bare skin: below the fringe, inside the cheeks, down to the chin.
  const skin = { x: head.x - head.rx * 0.75, y: head.y - head.ry * 0.4, w: head.rx * 1.5, h: head.ry * 1.4 };
  const handBoxes = layout.hands.map((p) => grow({ x: p.x, y: p.y, w: 0, h: 0 }, layout.handR));
  const drawn = union([
    headBox,
    outfit,
    ...layout.legs.map(limbBox),
    ...layout.feetBoxes,
    ...handBoxes,
    layout.seat,
    layout.keyboard,
    // The neck.
    { x: head.x - head.rx * 0.35, y: head.y + head.ry * 0.7, w: head.rx * 0.7, h: head.ry * 0.6 },
  ]);
  // A hologram's halo is wider than its body and centred on it.
  const halo = look.hologram
    ? { x: layout.x - h * 0.55, y: layout.feet - h * 1.08, w: h * 1.1, h: h * 1.08 }
    : null;
  // Outlines and antialiasing spill a little past the shapes.
  const figure = grow(union([drawn, halo]), h * 0.012);
  return { figure, head: headBox, face, hair, outfit, skin, torso };
}

export type ShotKind = 'extreme-wide' | 'wide' | 'medium' | 'close-up' | 'extreme-close-up';

/**
 * What must be inside the frame for a figure to count as "in shot": head and upper body (torso and arms,
 * a pointing hand included) in wide and medium shots; head and shoulders in a close-up (a close-up
 * showing the waist is a medium shot); the face in an extreme close-up.
 */
export function requiredBox(parts: FigureParts, shotType: ShotKind): Box {
  if (shotType === 'extreme-close-up') return parts.face;
  if (shotType === 'close-up') {
    const t = parts.torso;
    return union([parts.head, { x: parts.outfit.x, y: t.y, w: parts.outfit.w, h: t.h * 0.3 }]);
  }
  return union([parts.head, parts.torso, parts.outfit]);
}
