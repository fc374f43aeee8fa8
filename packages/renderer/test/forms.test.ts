import type { ShotContext } from '@ministudio/domain';
import { createCanvas } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { characterLook, createShotDrawer, parseCss, styleTreatment } from '../src/index';
import { contextBytes } from './helpers/fixtures';

const W = 320;
const H = 180;
const plate = (() => {
  const canvas = createCanvas(W, H);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#00ff00';
  ctx.fillRect(0, 0, W, H);
  return canvas;
})();

/** One character alone in a wide shot; returns the frame's pixels. */
function frame(identity: { key: string; value: string }[]): Uint8Array {
  const base = contextBytes()[0]!;
  const shot: ShotContext = {
    ...base,
    shotType: 'wide',
    camera: 'static',
    action: '',
    dialogue: [],
    speech: [],
    characters: [
      { key: 'x', name: 'X', identity, state: { expression: 'neutral', posture: '', clothing: '' } },
    ],
  };
  const drawer = createShotDrawer({
    shot,
    width: W,
    height: H,
    fps: 12,
    durationSeconds: 1,
    seed: 3,
    plate,
    envelopes: [],
    captions: false,
  });
  drawer.draw(0);
  return new Uint8Array(drawer.canvas.data());
}

/** Pixels that are not the green plate: how much of the frame the figure covers. */
const covered = (px: Uint8Array) => {
  let n = 0;
  for (let i = 0; i < px.length; i += 4) if (!(px[i]! < 40 && px[i + 1]! > 215 && px[i + 2]! < 40)) n++;
  return n;
};
const STEEL = styleTreatment(contextBytes()[0]!.style).grade(parseCss('#9aa3ad')!);
/** Pixels within a small distance of the robot's graded steel. */
const steel = (px: Uint8Array) => {
  let n = 0;
  for (let i = 0; i < px.length; i += 4) {
    const d = Math.abs(px[i]! - STEEL.r) + Math.abs(px[i + 1]! - STEEL.g) + Math.abs(px[i + 2]! - STEEL.b);
    if (d < 30) n++;
  }
  return n;
};

describe('non-human forms are drawn as such', () => {
  it('draws a robot in metal, not as a person in clothes', () => {
    const person = frame([]);
    const robot = frame([{ key: 'form', value: 'robot' }]);
    expect(Buffer.from(robot).equals(Buffer.from(person))).toBe(false);
    // Brushed steel: head, torso and joints, where a person shows none.
    expect(steel(robot)).toBeGreaterThan(500);
    expect(steel(person)).toBeLessThan(steel(robot) / 5);
  });

  it('stages a cat, a dog and a bird at their own size, smaller than a person', () => {
    const person = covered(frame([]));
    for (const species of ['cat', 'dog', 'seagull']) {
      const animal = covered(frame([{ key: 'species', value: species }]));
      expect(animal).toBeGreaterThan(50);
      expect(animal).toBeLessThan(person * 0.6);
    }
    expect(
      characterLook({ key: 'c', name: 'C', identity: [{ key: 'species', value: 'cat' }], state: {} }).look
        .height,
    ).toBeLessThan(0.5);
  });

  it('draws a ghost and an alien differently from a person and from each other', () => {
    const frames = [[], [{ key: 'form', value: 'ghost' }], [{ key: 'form', value: 'alien' }]].map((id) =>
      Buffer.from(frame(id)).toString('base64'),
    );
    expect(new Set(frames).size).toBe(3);
  });
});
