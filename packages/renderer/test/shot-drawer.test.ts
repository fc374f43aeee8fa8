import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CAMERA_MOVES, SHOT_TYPES, type ShotContext } from '@ministudio/domain';
import { decodePcm16Wav } from '@ministudio/media';
import { type Canvas, createCanvas } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import {
  createEspeakSpeechProvider,
  createShotDrawer,
  loudnessEnvelope,
  MOUTH_INTERIOR,
  PlateCache,
  plateInputFor,
  renderPlatePng,
} from '../src/index';
import { contextBytes, jobContext, lastAlgorithm, sha256, tempDir } from './helpers/fixtures';
import { countColour, differencesOutside, figureBoxes, plateThrough } from './helpers/frames';

const W = 320;
const H = 180;
const FPS = 12;

function drawer(
  shot: ShotContext,
  plate: Canvas,
  overrides: Partial<Parameters<typeof createShotDrawer>[0]> = {},
) {
  return createShotDrawer({
    shot,
    width: W,
    height: H,
    fps: FPS,
    durationSeconds: 2,
    seed: 99,
    plate,
    envelopes: shot.speech.map(() => null),
    captions: false,
    ...overrides,
  });
}

function solidPlate(colour: string) {
  const canvas = createCanvas(W, H);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = colour;
  ctx.fillRect(0, 0, W, H);
  return canvas;
}

describe('shot drawer', () => {
  it('draws byte-identical frames for the same inputs and seed, different ones for another seed', async () => {
    const shot = contextBytes()[2]!;
    const { plate } = await new PlateCache(2).plateFor(shot, W, H);
    const hashes = (seed: number) => {
      const d = drawer(shot, plate, { seed, captions: true });
      return Array.from({ length: d.frameCount }, (_, f) => {
        d.draw(f);
        return sha256(d.canvas.data());
      });
    };
    const a = hashes(5);
    expect(hashes(5)).toEqual(a);
    expect(hashes(6)).not.toEqual(a);
    expect(new Set(a).size).toBeGreaterThan(1);
  });

  it('composites every shot of one environment over the same plate pixels', async () => {
    const shots = contextBytes();
    const cache = new PlateCache(2);
    const keys = new Set<string>();
    const pngs = new Set<string>();
    for (const shot of shots) {
      const { key, plate } = await cache.plateFor(shot, W, H);
      keys.add(key);
      pngs.add(sha256(renderPlatePng(plateInputFor(shot, W, H)).png));
      // The same framing with other clothes and other expressions: the set must not move. (The action
      // is kept: it chooses the poses, and poses take part in the framing.)
      const recast: ShotContext = {
        ...shot,
        characters: shot.characters.map((c) => ({
          ...c,
          state: { ...c.state, expression: 'angry', clothing: 'a red raincoat' },
        })),
      };
      const d = drawer(shot, plate);
      const other = drawer(recast, (await cache.plateFor(recast, W, H)).plate);
      for (const frame of [0, Math.floor(d.frameCount / 2), d.frameCount - 1]) {
        const info = d.draw(frame);
        const a = d.canvas.data();
        const otherInfo = other.draw(frame);
        const boxes = [...figureBoxes(info), ...figureBoxes(otherInfo)];
        expect(
          differencesOutside(a, other.canvas.data(), W, H, boxes, 2),
          `${shot.shotKey} frame ${frame}`,
        ).toBe(0);
        // And what lies outside the people is the plate itself, seen through the camera. Skia's scaled draw
        // rounds differently at different offsets (a few levels on a few pixels), so this one is near.
        const expected = plateThrough(plate, info.views.background, W, H);
        const boxesHere = figureBoxes(info);
        expect(differencesOutside(a, expected, W, H, boxesHere, 2, 12), shot.shotKey).toBe(0);
        expect(differencesOutside(a, expected, W, H, boxesHere, 2, 1), shot.shotKey).toBeLessThan(
          W * H * 0.02,
        );
      }
    }
    expect(keys.size).toBe(1);
    expect(pngs.size).toBe(1);
  });

  it('frames every shot type and moves for every camera move', async () => {
    const base = contextBytes()[2]!;
    const { plate } = await new PlateCache(1).plateFor(base, W, H);
    const firstFrames = new Set<string>();
    for (const shotType of SHOT_TYPES) {
      for (const camera of CAMERA_MOVES) {
        const d = drawer({ ...base, shotType, camera }, plate);
        const first = d.draw(0);
        const a = d.canvas.data();
        const last = d.draw(d.frameCount - 1);
        const b = d.canvas.data();
        const backgroundMoved = JSON.stringify(first.views) !== JSON.stringify(last.views);
        expect(backgroundMoved, `${shotType} ${camera}`).toBe(camera !== 'static');
        if (camera !== 'static') expect(sha256(a)).not.toBe(sha256(b));
        if (camera === 'static') firstFrames.add(sha256(a));
      }
    }
    // Each shot type frames the set differently.
    expect(firstFrames.size).toBe(SHOT_TYPES.length);
  });

  it('opens the speaker’s mouth with the loudness of the speech', async () => {
    const dir = tempDir();
    const line = 'It is all connected. Every idea, right where I need it.';
    const speech = await createEspeakSpeechProvider().synthesize(
      { text: line, voice: { provider: 'espeak', voiceId: 'en-us+f3', rate: 1, pitch: 2 } },
      jobContext(dir),
    );
    const wav = decodePcm16Wav(readFileSync(speech.path))!;
    const envelope = loudnessEnvelope(wav.samples, wav.sampleRate, FPS);
    const base = contextBytes()[4]!; // Emma close-up
    const start = 1;
    const shot: ShotContext = {
      ...base,
      characters: base.characters.map((c) => ({ ...c, state: { ...c.state, expression: 'neutral' } })),
      speech: [
        {
          character: 'emma',
          text: line,
          path: speech.path,
          startSeconds: start,
          durationSeconds: speech.durationSeconds,
        },
      ],
    };
    const { plate } = await new PlateCache(1).plateFor(shot, W, H);
    const d = drawer(shot, plate, { envelopes: [envelope], durationSeconds: start + speech.durationSeconds });
    const loud: number[] = [];
    const silent: number[] = [];
    for (let f = 0; f < d.frameCount; f++) {
      const info = d.draw(f);
      const open = info.figures[0]!.mouthOpen;
      const pixels = countColour(d.canvas.data(), MOUTH_INTERIOR);
      if (f < start * FPS) silent.push(pixels);
      else if (open > 0.7) loud.push(pixels);
    }
    expect(loud.length).toBeGreaterThan(3);
    expect(Math.max(...silent)).toBe(0);
    expect(Math.min(...loud)).toBeGreaterThan(20);
  });

  it('draws a hologram translucent: the set shows through it', () => {
    const aria = lastAlgorithm().find((s) => s.characters.some((c) => c.key === 'aria'))!;
    const shot: ShotContext = {
      ...aria,
      shotType: 'medium',
      camera: 'static',
      characters: aria.characters.filter((c) => c.key === 'aria'),
    };
    const solid: ShotContext = {
      ...shot,
      characters: shot.characters.map((c) => ({
        ...c,
        identity: c.identity.filter((p) => p.key !== 'form'),
      })),
    };
    const torso = (s: ShotContext, colour: string) => {
      const d = drawer(s, solidPlate(colour));
      const info = d.draw(0);
      const box = info.figures[0]!.box;
      const x = Math.round(box.x + box.w / 2);
      const y = Math.round(box.y + box.h * 0.45);
      const i = (y * W + x) * 4;
      return [...d.canvas.data().subarray(i, i + 3)].join(',');
    };
    expect(torso(shot, '#000000')).not.toBe(torso(shot, '#ffffff'));
    expect(torso(solid, '#000000')).toBe(torso(solid, '#ffffff'));
    // Its halo, wider than its body, still lies inside the reported box.
    const d = drawer(shot, solidPlate('#000000'));
    const info = d.draw(0);
    const black = Buffer.alloc(W * H * 4);
    for (let i = 3; i < black.length; i += 4) black[i] = 255;
    expect(differencesOutside(d.canvas.data(), black, W, H, figureBoxes(info), 2)).toBe(0);
  });

  it('composites over an uploaded plate instead of drawing one', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'plate.png');
    writeFileSync(file, solidPlate('#204080').toBuffer('image/png'));
    const base = contextBytes()[2]!;
    const shot: ShotContext = {
      ...base,
      environment: { ...base.environment!, plate: { path: file, mime: 'image/png', sha256: 'a'.repeat(64) } },
    };
    const { plate } = await new PlateCache(1).plateFor(shot, W, H);
    const d = drawer(shot, plate);
    const info = d.draw(0);
    const data = d.canvas.data();
    const expected = Buffer.alloc(W * H * 4);
    for (let i = 0; i < expected.length; i += 4) expected.set([0x20, 0x40, 0x80, 255], i);
    expect(differencesOutside(data, expected, W, H, figureBoxes(info), 2)).toBe(0);
  });

  it('reports unknown colour words as warnings', async () => {
    const base = contextBytes()[1]!;
    const shot: ShotContext = {
      ...base,
      characters: base.characters.map((c) => ({
        ...c,
        state: { ...c.state, clothing: 'a snorgish poncho' },
      })),
    };
    const d = drawer(shot, solidPlate('#808080'));
    expect(d.warnings).toEqual([
      'Emma\'s outfit: no known colour in "a snorgish poncho"; drawn in a stand-in colour',
    ]);
  });
});
