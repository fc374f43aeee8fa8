import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { RegionBox, TakeRegions } from '@ministudio/domain';

// The calibration suite's synthetic "animatic": a room (wall, floor, window, lamp, plant, a set of shelves) and
// a character (hair, skin, outfit), drawn by ffmpeg's drawbox at 640×360 and scaled to 320×180, with tone
// bursts where the cue list says speech starts. Every perturbation is one parameter of this description, and
// the sidecar (TakeRegions) is computed from the same numbers, so the truth of each clip is known exactly.

const run = promisify(execFile);
export const W = 640;
export const H = 360;
export const FPS = 24;
export const SECONDS = 1.5;
export const FRAMES = Math.round(FPS * SECONDS);
export const CUES = [0.35, 0.95];

export interface Scene {
  outfit: string;
  /** Where the shelves are, as x of their box in fractions of the wide frame. */
  shelvesX: number;
  /** Luma flicker: amplitude in Y' code values (limited range; one is 255/219 ≈ 1.16 RGB luma levels), 0 = none. */
  flicker: number;
  /** Speech heard this many seconds after its cue (negative = before). */
  audioOffset: number;
  /** The part of the wide frame the camera sees: [x, y, w, h] fractions (a medium is a centred crop). */
  view: RegionBox;
  crf: number;
}

export const BASE: Scene = {
  outfit: '#3c5aa0',
  shelvesX: 0.62,
  flicker: 0,
  audioOffset: 0,
  view: [0, 0, 1, 1],
  crf: 16,
};

interface Piece {
  box: RegionBox;
  colour: string;
}

function shelves(x: number): Piece[] {
  const box: RegionBox = [x, 0.14, 0.15, 0.52];
  const pieces: Piece[] = [{ box, colour: '#5a3620' }];
  for (let i = 0; i < 4; i++) {
    pieces.push({ box: [x + 0.008, 0.2 + i * 0.12, 0.134, 0.018], colour: '#a07850' });
    pieces.push({
      box: [x + 0.02 + (i % 2) * 0.05, 0.14 + i * 0.12, 0.03, 0.06],
      colour: i % 2 ? '#b03030' : '#e0d0a0',
    });
  }
  return pieces;
}

const CHARACTER = {
  figure: [0.36, 0.2, 0.17, 0.6] as RegionBox,
  head: [0.405, 0.2, 0.08, 0.15] as RegionBox,
  hair: [0.405, 0.2, 0.08, 0.05] as RegionBox,
  skin: [0.415, 0.25, 0.06, 0.1] as RegionBox,
  outfit: [0.37, 0.35, 0.15, 0.33] as RegionBox,
};

function pieces(scene: Scene): Piece[] {
  return [
    { box: [0, 0.72, 1, 0.28], colour: '#50402c' },
    { box: [0.06, 0.1, 0.2, 0.32], colour: '#c8dcf0' },
    { box: [0.15, 0.1, 0.012, 0.32], colour: '#6e6458' },
    { box: [0.84, 0.08, 0.08, 0.12], colour: '#e6c83c' },
    { box: [0.27, 0.52, 0.06, 0.2], colour: '#287858' },
    { box: [0.1, 0.78, 0.3, 0.05], colour: '#7a5a3a' },
    ...shelves(scene.shelvesX),
    { box: CHARACTER.outfit, colour: scene.outfit },
    { box: CHARACTER.head, colour: '#5a3a20' },
    { box: CHARACTER.skin, colour: '#e0b090' },
  ];
}

/** A box of the wide frame as the camera with `view` sees it. */
export function inView(box: RegionBox, view: RegionBox): RegionBox {
  return [(box[0] - view[0]) / view[2], (box[1] - view[1]) / view[3], box[2] / view[2], box[3] / view[3]];
}

export function regionsOf(scene: Scene): TakeRegions {
  const track = (box: RegionBox) => Array.from({ length: FRAMES }, () => inView(box, scene.view));
  return {
    version: 1,
    width: 320,
    height: 180,
    fps: FPS,
    frameCount: FRAMES,
    characters: [
      {
        key: 'emma',
        name: 'Emma',
        parts: {
          figure: track(CHARACTER.figure),
          head: track(CHARACTER.head),
          hair: track(CHARACTER.hair),
          skin: track(CHARACTER.skin),
          outfit: track(CHARACTER.outfit),
        },
      },
    ],
    elements: [
      { id: 'shelves', kind: 'shelves', label: 'bookshelves', boxes: track(shelves(scene.shelvesX)[0]!.box) },
      { id: 'window', kind: 'window', label: 'window', boxes: track([0.06, 0.1, 0.2, 0.32]) },
    ],
    speech: CUES.map((start) => ({ characterKey: 'emma', startSeconds: start, endSeconds: start + 0.25 })),
  };
}

function px(v: number, size: number): number {
  return Math.round(v * size);
}

export async function renderScene(scene: Scene, output: string): Promise<void> {
  const boxes = pieces(scene)
    .map(
      (p) =>
        `drawbox=x=${px(p.box[0], W)}:y=${px(p.box[1], H)}:w=${px(p.box[2], W)}:h=${px(p.box[3], H)}:color=0x${p.colour.slice(1)}@1:t=fill`,
    )
    .join(',');
  const [vx, vy, vw, vh] = scene.view;
  const crop = `crop=${px(vw, W)}:${px(vh, H)}:${px(vx, W)}:${px(vy, H)}`;
  // ±amplitude on Y' with a fixed pseudo-random sign pattern (+ − − + −), whole code values so nothing rounds away.
  const k = Math.round(scene.flicker);
  const flicker =
    k > 0
      ? `,geq=lum='clip(lum(X\\,Y)+if(lt(mod(N*7\\,5)\\,2)\\,${k}\\,-${k})\\,0\\,255)':cb='cb(X\\,Y)':cr='cr(X\\,Y)'`
      : '';
  const video = `color=c=0x7a6e64:s=${W}x${H}:r=${FPS}:d=${SECONDS},${boxes},${crop},scale=320:180:flags=area,format=yuv420p${flicker}`;
  const bursts = CUES.map(
    (c) => `between(t\\,${c + scene.audioOffset}\\,${c + scene.audioOffset + 0.25})`,
  ).join('+');
  const audio = `aevalsrc=0.4*sin(2*PI*300*t)*(${bursts}):s=48000:d=${SECONDS}`;
  await run('ffmpeg', [
    '-v',
    'error',
    '-y',
    '-f',
    'lavfi',
    '-i',
    video,
    '-f',
    'lavfi',
    '-i',
    audio,
    '-c:v',
    'libx264',
    '-preset',
    'veryfast',
    '-crf',
    String(scene.crf),
    '-pix_fmt',
    'yuv420p',
    '-c:a',
    'aac',
    '-b:a',
    '96k',
    '-shortest',
    output,
  ]);
}

export async function reencode(input: string, crf: number, output: string): Promise<void> {
  await run('ffmpeg', [
    '-v',
    'error',
    '-y',
    '-i',
    input,
    '-c:v',
    'libx264',
    '-crf',
    String(crf),
    '-c:a',
    'copy',
    output,
  ]);
}
