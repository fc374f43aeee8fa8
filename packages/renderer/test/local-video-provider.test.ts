import { execFileSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { deriveShotSeed, ProviderError } from '@ministudio/domain';
import { probe } from '@ministudio/media';
import { createCanvas } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { ANIMATIC_MODEL, createEspeakSpeechProvider, createLocalVideoProvider } from '../src/index';
import { contextBytes, decodedFramesHash, jobContext, request, tempDir } from './helpers/fixtures';

// Whole sample shots with their speech placed are rendered through the shipped planner and the pipeline's
// placement in packages/pipeline/test/local-render.test.ts; these take the planned shots as data.
const provider = createLocalVideoProvider();
const speech = createEspeakSpeechProvider();

// Rendering and decoding real clips on a shared two-core machine: more than vitest's default 5 s.
describe('local video provider', { timeout: 60_000 }, () => {
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

  it('derives the seed from the scene seed and the shot key when the request has none', async () => {
    const shot = contextBytes()[0]!;
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
    const base = contextBytes()[4]!;
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

  it('leaves nothing behind when cancelled mid-render', async () => {
    const dir = tempDir();
    const controller = new AbortController();
    const context = jobContext(dir, controller.signal);
    context.onProgress = (f) => {
      if (f > 0.3) controller.abort();
    };
    const error = await provider
      .generate(request(contextBytes()[0]!, { durationSeconds: 6 }), context)
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
    const shot = contextBytes()[0]!;
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

  it('rejects what it cannot render with typed errors', async () => {
    const shot = contextBytes()[0]!;
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
