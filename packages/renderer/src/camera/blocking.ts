import { type CameraMove, createRandom, type ShotType } from '@ministudio/domain';
import type { CharacterLook } from '../figure/character-look';
import {
  type FigureLayout,
  type FigureParts,
  figureLayout,
  figureParts,
  type PoseMotion,
  requiredBox,
  union,
} from '../figure/figure-geometry';
import { choosePose, clausesFor, poseNote } from '../figure/pose-words';
import { cameraPath, type FrameViews, type Rect } from './framing';
import { focusFor, type Mark, type Reach, stageCast } from './staging';

// The shot's blocking, as pure numbers: who stands where, in what pose, and where the camera looks in
// every frame. The drawer draws exactly this, the sidecar records it, and the staging test checks it.

export interface BlockingInput {
  shotType: ShotType;
  camera: CameraMove;
  action: string;
  cast: { look: CharacterLook; posture: string }[];
  /** Whom a medium shot or a close-up is about (the first speaker on screen). */
  subject: string | null;
  width: number;
  height: number;
  fps: number;
  durationSeconds: number;
  seed: number;
}

export interface Blocking {
  frameCount: number;
  marks: Mark[];
  motions: PoseMotion[];
  /** Per-character idle phase, so two people do not breathe in step. */
  phases: number[];
  /** The camera per frame, before the background snaps pans to whole pixels. */
  views: FrameViews[];
  /** What the take's notes should say about poses the words did not give. */
  notes: string[];
  layoutAt(index: number, frame: number): FigureLayout;
  partsAt(index: number, frame: number): FigureParts;
}

/** Gestures go toward the group's middle; walks come from (and go to) the nearer side of the set. */
function motionFor(i: number, n: number, pose: PoseMotion['pose']): PoseMotion {
  const middle = (n - 1) / 2;
  const walking = pose.gesture === 'walking-in' || pose.gesture === 'walking-out';
  if (walking) {
    if (n === 1) return { pose, direction: pose.gesture === 'walking-in' ? -1 : 1 };
    return { pose, direction: i <= middle ? -1 : 1 };
  }
  return { pose, direction: i <= middle ? 1 : -1 };
}

const UNIT = (key: string): Mark => ({ key, x: 0, floorY: 0, height: 1 });

export function blockShot(input: BlockingInput): Blocking {
  const { width: W, height: H, fps } = input;
  const frameCount = Math.max(1, Math.round(input.durationSeconds * fps));
  const progressOf = (f: number) => (frameCount > 1 ? f / (frameCount - 1) : 0);
  const random = createRandom(input.seed);
  const phases = input.cast.map(() => random());
  const looks = input.cast.map((c) => c.look);

  const clauses = clausesFor(
    input.action,
    looks.map((l) => ({ key: l.key, name: l.name })),
    input.subject,
  );
  const notes: string[] = [];
  const motions = input.cast.map((c, i) => {
    const choice = choosePose(c.posture, clauses.get(c.look.key) ?? [], c.look.name);
    const note = poseNote(c.look.name, choice.notUnderstood);
    if (note) notes.push(note);
    return motionFor(i, input.cast.length, choice.pose);
  });

  const layout = (mark: Mark, i: number, f: number) =>
    figureLayout(mark, looks[i]!, motions[i]!, progressOf(f), f / fps, phases[i]!);

  // How far each figure reaches over the shot, at unit height: the geometry scales with the figure.
  const reaches: Reach[] = looks.map((look, i) => {
    const reach: Reach = { bodyLeft: 0, bodyRight: 0, faceLeft: 0, faceRight: 0 };
    const mark = UNIT(look.key);
    const step = Math.max(1, Math.floor(frameCount / 48));
    const samples = Array.from({ length: Math.ceil(frameCount / step) }, (_, k) => k * step);
    for (const f of [...samples, frameCount - 1]) {
      const p = figureParts(layout(mark, i, f), look, mark);
      reach.bodyLeft = Math.max(reach.bodyLeft, -p.figure.x);
      reach.bodyRight = Math.max(reach.bodyRight, p.figure.x + p.figure.w);
      reach.faceLeft = Math.max(reach.faceLeft, -p.face.x);
      reach.faceRight = Math.max(reach.faceRight, p.face.x + p.face.w);
    }
    return reach;
  });
  const marks = stageCast(
    looks.map((l, i) => ({ key: l.key, heightFactor: l.height, reach: reaches[i]! })),
    W,
    H,
    input.seed,
  );

  const parts: FigureParts[][] = marks.map((mark, i) =>
    Array.from({ length: frameCount }, (_, f) => figureParts(layout(mark, i, f), looks[i]!, mark)),
  );
  const required: Rect | null = parts.length
    ? union(parts.flatMap((frames) => frames.map((p) => requiredBox(p, input.shotType))))
    : null;
  const middle = Math.floor((frameCount - 1) / 2);
  const focus = focusFor(input.shotType, marks, input.subject, W, H, (mark) => {
    const i = marks.indexOf(mark);
    const head = parts[i]![middle]!.face;
    return { x: head.x + head.w / 2, y: head.y + head.h / 2 };
  });
  const views = cameraPath(input.shotType, input.camera, focus, required, W, H, frameCount);
  return {
    frameCount,
    marks,
    motions,
    phases,
    views,
    notes,
    layoutAt: (i, f) => layout(marks[i]!, i, f),
    partsAt: (i, f) => parts[i]![f]!,
  };
}
