import { readdirSync } from 'node:fs';
import { SAMPLE_PRODUCTIONS, type ShotContext } from '@ministudio/domain';
import { probe } from '@ministudio/media';
import { ANIMATIC_MODEL, createLocalVideoProvider } from '@ministudio/renderer';
import { describe, expect, it } from 'vitest';
// The renderer's own helpers for driving its provider (one home for them); the renderer never imports us.
import { decodedFramesHash, jobContext, request, tempDir } from '../../renderer/test/helpers/fixtures';
import { plannedShots, withPlacedSpeech } from './sample-shots';

// The animatic provider rendering the ContextBytes sample's shots as a picture job hands them over: planned
// by planShot, their lines spoken by espeak-ng and placed by the pipeline's placeSpeech. Sizes and lengths
// are kept small so the suite stays quick.
const provider = createLocalVideoProvider();
const planned = (index: number) => plannedShots(SAMPLE_PRODUCTIONS[0]!)[index]!;

// Rendering and decoding real clips on a shared two-core machine: more than vitest's default 5 s.
describe('the local provider rendering planned sample shots', { timeout: 60_000 }, () => {
  it('renders a clip that probes with the expected duration, size, frame rate and audio', async () => {
    const dir = tempDir();
    const { shot } = await withPlacedSpeech(planned(1), jobContext(dir));
    expect(shot.speech.length).toBeGreaterThan(0);
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
    const { shot } = await withPlacedSpeech(planned(2), jobContext(dir));
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

  it('notes speech that runs past the shot and unknown colour words', async () => {
    const dir = tempDir();
    const { shot } = await withPlacedSpeech(planned(1), jobContext(dir));
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

  it('renders a bare stage: no environment, no cast, narration only', async () => {
    const dir = tempDir();
    const { shot } = await withPlacedSpeech(planned(0), jobContext(dir));
    expect(shot.speech.map((line) => line.character)).toEqual([null]);
    const bare: ShotContext = {
      ...shot,
      environment: null,
      characters: [],
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
});
