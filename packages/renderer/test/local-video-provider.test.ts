import { execFileSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { deriveShotSeed, ProviderError, type ShotContext } from '@ministudio/domain';
import { probe } from '@ministudio/media';
import { createCanvas } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import {
  ANIMATIC_MODEL,
  createEspeakSpeechProvider,
  createLocalVideoProvider,
  placeLines,
} from '../src/index';
import { contextBytes, decodedFramesHash, jobContext, request, tempDir } from './helpers/fixtures';

const provider = createLocalVideoProvider();
const speech = createEspeakSpeechProvider();

async function withSpeech(index: number, dir: string): Promise<{ shot: ShotContext; end: number }> {
  const s = contextBytes()[index]!;
  const { placed, endSeconds } = await placeLines(s.lines, speech, jobContext(dir), 0.3, 0.3);
  return { shot: { ...s.shot, speech: placed }, end: endSeconds };
}

describe('local video provider', () => {
  it('declares one animatic model with its capabilities', () => {
    expect(provider.id).toBe('local');
    expect(provider.configured()).toBe(true);
    const [model] = provider.models();
    expect(model).toMatchObject({
      model: ANIMATIC_MODEL,
      durations: { kind: 'range', min: 0.5, max: 120 },
      sizes: null,
      aspectRatios: ['16:9', '9:16', '1:1'],
      seed: true,
      firstFrame: false,
      referenceImages: { max: 1, kinds: ['environment'] },
    });
  });

  it('renders a clip that probes with the expected duration, size, frame rate and audio', async () => {
    const dir = tempDir();
    const { shot } = await withSpeech(1, dir);
    const context = jobContext(dir);
    const result = await provider.generate(request(shot, { durationSeconds: 3.5, fps: 24 }), context);
    expect(result.path.startsWith(dir)).toBe(true);
    expect(result.seedApplied).toBe(true);
    expect(result.model).toBe(ANIMATIC_MODEL);
    const info = await probe(result.path);
    expect(info.video).toMatchObject({ width: 320, height: 180, fps: 24 });
    expect(info.video!.frameCount).toBe(84);
    expect(info.durationSeconds).toBeCloseTo(3.5, 1);
    expect(info.audio).not.toBeNull();
    expect(context.progress.at(-1)).toBe(1);
    expect(context.progress).toEqual([...context.progress].sort((a, b) => a - b));
    expect(readdirSync(dir).filter((f) => f.startsWith('.'))).toEqual([]);
  });

  it('renders the same inputs and seed to byte-identical decoded frames', async () => {
    const dir = tempDir();
    const { shot } = await withSpeech(2, dir);
    const a = await provider.generate(
      request(shot, { durationSeconds: 2, seed: 1234 }),
      jobContext(tempDir()),
    );
    const b = await createLocalVideoProvider().generate(
      request(shot, { durationSeconds: 2, seed: 1234 }),
      jobContext(tempDir()),
    );
    const c = await provider.generate(
      request(shot, { durationSeconds: 2, seed: 4321 }),
      jobContext(tempDir()),
    );
    expect(decodedFramesHash(a.path)).toBe(decodedFramesHash(b.path));
    expect(decodedFramesHash(a.path)).not.toBe(decodedFramesHash(c.path));
  });

  it('derives the seed from the scene seed and the shot key when the request has none', async () => {
    const shot = contextBytes()[0]!.shot;
    const a = await provider.generate(request(shot, { durationSeconds: 0.5 }), jobContext(tempDir()));
    const b = await provider.generate(
      request({ ...shot, sceneSeed: 1 }, { durationSeconds: 0.5 }),
      jobContext(tempDir()),
    );
    const seedOf = (file: string) => Number(/-(\d+)-\d+x\d+-\d+\.mp4$/.exec(file)![1]);
    expect(seedOf(a.path)).toBe(deriveShotSeed(shot.sceneSeed, shot.shotKey));
    expect(seedOf(b.path)).toBe(deriveShotSeed(1, shot.shotKey));
    expect(decodedFramesHash(a.path)).not.toBe(decodedFramesHash(b.path));
  });

  it('renders a 20-second line whole, and a shot with no speech with a silent track', async () => {
    const dir = tempDir();
    const text =
      'Every story begins with a little context, and this one begins in an attic full of notes, where Emma ' +
      'has kept every idea she ever had on scraps of paper, in boxes, in books, in drawers that no longer close, ' +
      'waiting for the day they would finally talk to each other.';
    const line = await speech.synthesize(
      { text, voice: { provider: 'espeak', voiceId: 'en-us', rate: 0.9, pitch: 0 } },
      jobContext(dir),
    );
    expect(line.durationSeconds).toBeGreaterThan(15);
    const base = contextBytes()[4]!.shot;
    const duration = Math.ceil(line.durationSeconds + 0.5);
    const long = await provider.generate(
      request(
        {
          ...base,
          speech: [
            {
              character: 'emma',
              text,
              path: line.path,
              startSeconds: 0.25,
              durationSeconds: line.durationSeconds,
            },
          ],
        },
        { durationSeconds: duration, width: 160, height: 90, fps: 12 },
      ),
      jobContext(dir),
    );
    const longInfo = await probe(long.path);
    expect(longInfo.durationSeconds).toBeCloseTo(duration, 1);
    expect(longInfo.audio!.durationSeconds!).toBeCloseTo(duration, 1);
    expect(long.notes).toEqual([]);

    const quiet = await provider.generate(
      request({ ...base, speech: [] }, { durationSeconds: 1 }),
      jobContext(dir),
    );
    const quietInfo = await probe(quiet.path);
    expect(quietInfo.audio).not.toBeNull();
    expect(quietInfo.durationSeconds).toBeCloseTo(1, 1);
  });

  it('notes speech that runs past the shot and unknown colour words', async () => {
    const dir = tempDir();
    const { shot } = await withSpeech(1, dir);
    const odd: ShotContext = {
      ...shot,
      characters: shot.characters.map((c) => ({
        ...c,
        identity: c.identity.map((p) => (p.key === 'eyes' ? { ...p, value: 'flibbertigibbet' } : p)),
      })),
    };
    const result = await provider.generate(request(odd, { durationSeconds: 1 }), jobContext(dir));
    expect(result.notes.some((n) => n.includes('after the shot'))).toBe(true);
    expect(result.notes.some((n) => n.includes('flibbertigibbet'))).toBe(true);
  });

  it('leaves nothing behind when cancelled mid-render', async () => {
    const dir = tempDir();
    const controller = new AbortController();
    const context = jobContext(dir, controller.signal);
    context.onProgress = (f) => {
      if (f > 0.3) controller.abort();
    };
    const error = await provider
      .generate(request(contextBytes()[0]!.shot, { durationSeconds: 6 }), context)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect((error as ProviderError).code).toBe('cancelled');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('uses an environment reference image as the plate', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'set.png');
    const canvas = createCanvas(64, 36);
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#c03020';
    ctx.fillRect(0, 0, 64, 36);
    writeFileSync(file, canvas.toBuffer('image/png'));
    const shot = contextBytes()[0]!.shot;
    const image = { path: file, mime: 'image/png', sha256: 'b'.repeat(64) };
    const result = await provider.generate(
      request(shot, {
        durationSeconds: 0.5,
        references: [{ kind: 'environment', owner: shot.environment!.key, image }],
      }),
      jobContext(dir),
    );
    // Top-left corner, far from the people and the caption: the reference's red, give or take H.264.
    const pixel = execFileSync('ffmpeg', [
      '-v',
      'error',
      '-i',
      result.path,
      '-frames:v',
      '1',
      '-vf',
      'crop=4:4:0:0',
      '-f',
      'rawvideo',
      '-pix_fmt',
      'rgb24',
      '-',
    ]);
    expect(Math.abs(pixel[0]! - 0xc0)).toBeLessThan(12);
    expect(Math.abs(pixel[1]! - 0x30)).toBeLessThan(12);
    expect(Math.abs(pixel[2]! - 0x20)).toBeLessThan(12);
  });

  it('renders a bare stage: no environment, no cast, narration only', async () => {
    const dir = tempDir();
    const s = contextBytes()[0]!;
    const { placed } = await placeLines(s.lines, speech, jobContext(dir), 0.1, 0.3);
    const bare: ShotContext = {
      ...s.shot,
      environment: null,
      characters: [],
      speech: placed,
      style: 'a hand-drawn look',
    };
    const result = await provider.generate(
      request(bare, { durationSeconds: 3, width: 180, height: 320 }),
      jobContext(dir),
    );
    const info = await probe(result.path);
    expect(info.video).toMatchObject({ width: 180, height: 320 });
    expect(info.audio).not.toBeNull();
  });

  it('rejects what it cannot render with typed errors', async () => {
    const shot = contextBytes()[0]!.shot;
    const code = (p: Promise<unknown>) =>
      p.then(
        () => 'ok',
        (e: ProviderError) => e.code,
      );
    expect(await code(provider.generate(request(shot, { model: 'veo' }), jobContext(tempDir())))).toBe(
      'provider_rejected_input',
    );
    expect(
      await code(provider.generate(request(shot, { durationSeconds: 0.2 }), jobContext(tempDir()))),
    ).toBe('provider_rejected_input');
    expect(await code(provider.generate(request(shot, { width: 321 }), jobContext(tempDir())))).toBe(
      'provider_rejected_input',
    );
  });
});
