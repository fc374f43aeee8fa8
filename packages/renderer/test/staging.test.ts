import { CAMERA_MOVES, SHOT_TYPES, type ShotContext } from '@ministudio/domain';
import { createCanvas } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import type { Box } from '../src/index';
import {
  characterLook,
  createShotDrawer,
  PlateCache,
  requiredBox,
  SAFE_MARGIN,
  styleTreatment,
} from '../src/index';
import { contextBytes, lastAlgorithm } from './helpers/fixtures';

// Every cast member fully in frame, whatever the shot type, camera move and number of people: checked on
// the boxes the drawer draws from (one source of truth), for every frame, then on real pixels.

const FPS = 12;
const SECONDS = 2;

// Four different people from the samples: a woman in blue, a tall man, a woman with a ponytail, a hologram.
const emma = contextBytes()[2]!.characters.find((c) => c.key === 'emma')!;
const david = contextBytes()[2]!.characters.find((c) => c.key === 'david')!;
const sarah = lastAlgorithm()[7]!.characters.find((c) => c.key === 'sarah')!;
const aria = lastAlgorithm()[7]!.characters.find((c) => c.key === 'aria')!;
const PEOPLE = [emma, david, sarah, aria];

// Actions that put the widest poses on screen together: walking in from the side, pointing, leaning,
// sitting, typing, turning, walking out; and one where everybody just stands.
const ACTIONS = [
  'Emma walks in, David points at the door, Sarah leans on the rail and ARIA turns away.',
  'Emma sits on a bollard; David types at the console; Sarah walks out while ARIA points at her.',
  'They wait.',
];

function shotWith(
  n: number,
  shotType: ShotContext['shotType'],
  camera: ShotContext['camera'],
  action: string,
): ShotContext {
  const base = contextBytes()[2]!;
  const cast = PEOPLE.slice(0, n).map((c) => ({ ...c, state: { ...c.state, posture: '' } }));
  return {
    ...base,
    shotType,
    camera,
    action,
    characters: cast,
    // The last person speaks, so medium shots and close-ups are about the one at the edge.
    dialogue: [{ character: cast[n - 1]!.key, text: 'Here.' }],
    speech: [],
  };
}

const inside = (b: Box, x0: number, y0: number, x1: number, y1: number, tolerance: number) =>
  b.x >= x0 - tolerance &&
  b.y >= y0 - tolerance &&
  b.x + b.w <= x1 + tolerance &&
  b.y + b.h <= y1 + tolerance;

const overlaps = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

// Thousands of shots' worth of geometry on a shared two-core machine: more than vitest's default 5 s.
describe('staging: every cast member in frame', { timeout: 120_000 }, () => {
  const sizes = [
    { W: 320, H: 180 },
    { W: 180, H: 320 },
    { W: 240, H: 240 },
  ];

  for (const { W, H } of sizes) {
    it(`${W}x${H}: every shot type × camera move × 1–4 people keeps heads and bodies in the safe area, no face covered`, async () => {
      const plate = createCanvas(W, H);
      let checked = 0;
      const failures: string[] = [];
      for (const shotType of SHOT_TYPES) {
        for (const camera of CAMERA_MOVES) {
          for (let n = 1; n <= 4; n++) {
            for (const action of ACTIONS) {
              const shot = shotWith(n, shotType, camera, action);
              const d = createShotDrawer({
                shot,
                width: W,
                height: H,
                fps: FPS,
                durationSeconds: SECONDS,
                seed: 11 + n,
                plate,
                envelopes: [],
                captions: false,
              });
              for (let f = 0; f < d.frameCount; f++) {
                const figures = d.figuresAt(f);
                expect(figures.length).toBe(n);
                for (const fig of figures) {
                  const need = requiredBox(fig.parts, shotType);
                  // One pixel of slack: the background snaps pans to whole pixels and the people with it.
                  const ok = inside(
                    need,
                    W * SAFE_MARGIN,
                    H * SAFE_MARGIN,
                    W * (1 - SAFE_MARGIN),
                    H * (1 - SAFE_MARGIN),
                    1,
                  );
                  if (!ok)
                    failures.push(`${shotType} ${camera} n=${n} "${action.slice(0, 12)}" f${f} ${fig.key}`);
                  for (const other of figures) {
                    if (other !== fig && overlaps(fig.box, other.parts.face))
                      failures.push(
                        `${shotType} ${camera} n=${n} f${f}: ${fig.key} covers ${other.key}'s face`,
                      );
                  }
                  checked++;
                }
              }
            }
          }
        }
      }
      expect(failures.slice(0, 10)).toEqual([]);
      // Every figure of every frame of every combination was looked at: 1+2+3+4 people per shot.
      expect(checked).toBe(SHOT_TYPES.length * CAMERA_MOVES.length * 10 * ACTIONS.length * FPS * SECONDS);
    });
  }

  it('two people at a pan in a medium shot: both fully in, the pan still moves the set', () => {
    const W = 320;
    const H = 180;
    const shot = shotWith(2, 'medium', 'pan-right', 'They wait.');
    const d = createShotDrawer({
      shot,
      width: W,
      height: H,
      fps: FPS,
      durationSeconds: SECONDS,
      seed: 3,
      plate: createCanvas(W, H),
      envelopes: [],
      captions: false,
    });
    const first = d.figuresAt(0);
    const last = d.figuresAt(d.frameCount - 1);
    for (const fig of [...first, ...last]) {
      // Whole torsos, not slivers.
      expect(fig.parts.torso.x).toBeGreaterThanOrEqual(W * SAFE_MARGIN - 1);
      expect(fig.parts.torso.x + fig.parts.torso.w).toBeLessThanOrEqual(W * (1 - SAFE_MARGIN) + 1);
    }
    expect(last[0]!.box.x).toBeLessThan(first[0]!.box.x - 5);
  });

  it('two people sitting, the second one speaking: both in a medium shot and a close-up', () => {
    const W = 320;
    const H = 180;
    for (const shotType of ['medium', 'close-up', 'wide'] as const) {
      const shot = shotWith(2, shotType, 'static', 'Emma sits beside David, and David sits with her.');
      const d = createShotDrawer({
        shot,
        width: W,
        height: H,
        fps: FPS,
        durationSeconds: SECONDS,
        seed: 8,
        plate: createCanvas(W, H),
        envelopes: [],
        captions: false,
      });
      for (const fig of d.figuresAt(0)) {
        const need = requiredBox(fig.parts, shotType);
        expect(need.x, `${shotType} ${fig.key}`).toBeGreaterThanOrEqual(W * SAFE_MARGIN - 1);
        expect(need.x + need.w, `${shotType} ${fig.key}`).toBeLessThanOrEqual(W * (1 - SAFE_MARGIN) + 1);
        expect(need.y, `${shotType} ${fig.key}`).toBeGreaterThanOrEqual(H * SAFE_MARGIN - 1);
      }
    }
  });

  it('on real pixels: each person’s outfit colour is drawn inside their outfit box, their face inside the frame', async () => {
    const W = 320;
    const H = 180;
    const cache = new PlateCache(1);
    for (const [shotType, camera] of [
      ['medium', 'pan-left'],
      ['wide', 'tilt-up'],
      ['close-up', 'zoom-in'],
    ] as const) {
      // Three people, none of them a hologram, so every outfit is an opaque colour of its own.
      const shot = { ...shotWith(3, shotType, camera, 'They wait.') };
      const { plate } = await cache.plateFor(shot, W, H);
      const d = createShotDrawer({
        shot,
        width: W,
        height: H,
        fps: FPS,
        durationSeconds: SECONDS,
        seed: 5,
        plate,
        envelopes: [],
        captions: false,
      });
      const grade = styleTreatment(shot.style).grade;
      for (const f of [0, d.frameCount - 1]) {
        const info = d.draw(f);
        const data = d.canvas.data();
        shot.characters.forEach((c, i) => {
          const outfit = grade(characterLook(c).look.outfit);
          const box = info.figures[i]!.parts.outfit;
          let inBox = 0;
          for (let y = 0; y < H; y++) {
            for (let x = 0; x < W; x++) {
              const k = (y * W + x) * 4;
              const same =
                Math.abs(data[k]! - Math.round(outfit.r)) <= 1 &&
                Math.abs(data[k + 1]! - Math.round(outfit.g)) <= 1 &&
                Math.abs(data[k + 2]! - Math.round(outfit.b)) <= 1;
              if (same && x >= box.x && x < box.x + box.w && y >= box.y && y < box.y + box.h) inBox++;
            }
          }
          // A solid patch of the outfit, inside its box (as much of it as is in frame), in every checked frame.
          const w = Math.min(W, box.x + box.w) - Math.max(0, box.x);
          const h = Math.min(H, box.y + box.h) - Math.max(0, box.y);
          expect(inBox, `${shotType} ${camera} f${f} ${c.key}`).toBeGreaterThan(w * h * 0.15);
        });
      }
    }
  });
});
