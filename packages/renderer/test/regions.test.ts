import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { FIGURE_PARTS, type RegionBox, type ShotContext, type TakeRegions } from '@ministudio/domain';
import { describe, expect, it } from 'vitest';
import {
  characterLook,
  createEspeakSpeechProvider,
  createLocalVideoProvider,
  layoutSetPieces,
  setPieceInputFor,
  styleTreatment,
} from '../src/index';
import { contextBytes, jobContext, lastAlgorithm, request, tempDir } from './helpers/fixtures';

// The sidecar written with every animatic take: checked against the pixels of the decoded clip, so
// drift review can trust that "the outfit box" holds the outfit.

const W = 320;
const H = 180;
const FPS = 12;

function decodeFrame(file: string, frame: number): Buffer {
  return execFileSync(
    'ffmpeg',
    [
      '-v',
      'error',
      '-i',
      file,
      '-vf',
      `select=eq(n\\,${frame})`,
      '-frames:v',
      '1',
      '-f',
      'rawvideo',
      '-pix_fmt',
      'rgb24',
      '-',
    ],
    { maxBuffer: 1 << 26 },
  );
}

function decodedFrameCount(file: string): number {
  const out = execFileSync('ffprobe', [
    '-v',
    'error',
    '-count_frames',
    '-select_streams',
    'v:0',
    '-show_entries',
    'stream=nb_read_frames',
    '-of',
    'csv=p=0',
    file,
  ]);
  return Number(out.toString().trim());
}

/** The share of a box's pixels (frame fractions) within `tolerance` of a colour, and the share outside the box. */
function colourShares(
  rgb: Buffer,
  box: RegionBox,
  colour: { r: number; g: number; b: number },
  tolerance: number,
): { inside: number; outside: number } {
  const [bx, by, bw, bh] = [box[0] * W, box[1] * H, box[2] * W, box[3] * H];
  let inHits = 0;
  let inAll = 0;
  let outHits = 0;
  let outAll = 0;
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      const i = (y * W + x) * 3;
      const near =
        Math.abs(rgb[i]! - colour.r) <= tolerance &&
        Math.abs(rgb[i + 1]! - colour.g) <= tolerance &&
        Math.abs(rgb[i + 2]! - colour.b) <= tolerance;
      const inside = x + 0.5 >= bx && x + 0.5 < bx + bw && y + 0.5 >= by && y + 0.5 < by + bh;
      if (inside) {
        inAll++;
        if (near) inHits++;
      } else {
        outAll++;
        if (near) outHits++;
      }
    }
  }
  return { inside: inHits / Math.max(1, inAll), outside: outHits / Math.max(1, outAll) };
}

describe('frame regions sidecar', { timeout: 120_000 }, () => {
  it('writes where each of three people and each set piece was drawn, and the boxes hold their pixels', async () => {
    const dir = tempDir();
    const base = contextBytes()[2]!;
    const sarah = lastAlgorithm()[7]!.characters.find((c) => c.key === 'sarah')!;
    const line = await createEspeakSpeechProvider().synthesize(
      { text: 'Over here.', voice: { provider: 'espeak', voiceId: 'en-us', rate: 1, pitch: 0 } },
      jobContext(dir),
    );
    const shot: ShotContext = {
      ...base,
      shotType: 'medium',
      camera: 'pan-right',
      action: 'Emma sits on a bollard while David points at the window; Sarah leans on the desk.',
      characters: [...base.characters, sarah],
      dialogue: [{ character: 'sarah', text: 'Over here.' }],
      speech: [
        {
          character: 'sarah',
          text: 'Over here.',
          path: line.path,
          startSeconds: 0.25,
          durationSeconds: line.durationSeconds,
        },
      ],
    };
    const duration = 2;
    const result = await provider().generate(
      request(shot, { durationSeconds: duration, width: W, height: H, fps: FPS }),
      jobContext(dir),
    );
    expect(result.regionsPath).toBeTruthy();
    expect(path.dirname(result.regionsPath!)).toBe(dir);
    const regions = JSON.parse(readFileSync(result.regionsPath!, 'utf8')) as TakeRegions;

    expect(regions).toMatchObject({ version: 1, width: W, height: H, fps: FPS, frameCount: duration * FPS });
    expect(decodedFrameCount(result.path)).toBe(regions.frameCount);
    expect(regions.characters.map((c) => c.key)).toEqual(['emma', 'david', 'sarah']);
    for (const c of regions.characters) {
      for (const part of FIGURE_PARTS) {
        const track = c.parts[part]!;
        expect(track, `${c.key} ${part}`).toHaveLength(regions.frameCount);
        // Everyone is in frame in every frame (the staging guarantees it); every box lies in the frame.
        for (const box of track) {
          expect(box, `${c.key} ${part}`).not.toBeNull();
          const [x, y, w, h] = box!;
          expect(x).toBeGreaterThanOrEqual(0);
          expect(y).toBeGreaterThanOrEqual(0);
          expect(x + w).toBeLessThanOrEqual(1 + 1e-9);
          expect(y + h).toBeLessThanOrEqual(1 + 1e-9);
        }
      }
    }
    expect(regions.speech).toEqual([
      {
        characterKey: 'sarah',
        startSeconds: 0.25,
        endSeconds: Math.min(duration, 0.25 + line.durationSeconds),
      },
    ]);
    // The set pieces of the atelier, through the pan: each keeps its id and moves left as the camera pans right.
    const pieces = layoutSetPieces(setPieceInputFor(shot));
    expect(pieces.length).toBeGreaterThan(0);
    expect(regions.elements.map((e) => e.id)).toEqual(pieces.map((p) => p.id));
    const seen = regions.elements.find((e) => e.boxes[0] && e.boxes[regions.frameCount - 1]);
    expect(seen).toBeTruthy();

    // On the decoded clip: each outfit's colour fills its outfit box (and is rare elsewhere), each face's
    // skin its skin box (the atelier's walls are close to skin, so only the inside is asserted for skin).
    const grade = styleTreatment(shot.style).grade;
    for (const frame of [0, Math.floor(regions.frameCount / 2), regions.frameCount - 1]) {
      const rgb = decodeFrame(result.path, frame);
      expect(rgb.length).toBe(W * H * 3);
      shot.characters.forEach((c, i) => {
        const look = characterLook(c).look;
        const round = (v: { r: number; g: number; b: number }) => ({
          r: Math.round(v.r),
          g: Math.round(v.g),
          b: Math.round(v.b),
        });
        const regionsOf = regions.characters[i]!;
        const outfit = colourShares(rgb, regionsOf.parts.outfit![frame]!, round(grade(look.outfit)), 14);
        expect(outfit.inside, `${c.key} outfit f${frame}`).toBeGreaterThan(0.25);
        expect(outfit.inside, `${c.key} outfit f${frame}`).toBeGreaterThan(outfit.outside * 4);
        const skin = colourShares(rgb, regionsOf.parts.skin![frame]!, round(grade(look.skin)), 14);
        expect(skin.inside, `${c.key} skin f${frame}`).toBeGreaterThan(0.3);
      });
    }
  });

  it('follows the pose: a walk moves the figure box, a seated figure’s head is lower', async () => {
    const base = contextBytes()[1]!; // Emma alone
    const render = async (action: string) => {
      const shot: ShotContext = {
        ...base,
        shotType: 'wide',
        camera: 'static',
        action,
        characters: base.characters.map((c) => ({ ...c, state: { ...c.state, posture: '' } })),
        speech: [],
      };
      const result = await provider().generate(
        request(shot, { durationSeconds: 1, width: W, height: H, fps: FPS }),
        jobContext(tempDir()),
      );
      return { result, regions: JSON.parse(readFileSync(result.regionsPath!, 'utf8')) as TakeRegions };
    };
    const walking = await render('Emma walks in.');
    const figure = walking.regions.characters[0]!.parts.figure!;
    const first = figure[0]!;
    const last = figure[figure.length - 1]!;
    // She comes in from the left and ends on her mark, to the right of where she started.
    expect(last[0] - first[0]).toBeGreaterThan(0.04);
    const standing = await render('Emma waits.');
    const sitting = await render('Emma sits down.');
    const headY = (r: TakeRegions) => r.characters[0]!.parts.head![0]![1];
    expect(headY(sitting.regions)).toBeGreaterThan(headY(standing.regions) + 0.03);
    expect(standing.result.notes.join(' ')).not.toContain('not understood');
    const unknown = await render('Emma juggles flaming torches.');
    expect(unknown.result.notes).toContain('Emma: “juggles” not understood as a pose; drawn standing.');
  });
});

function provider() {
  return createLocalVideoProvider();
}
