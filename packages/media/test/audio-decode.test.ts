import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decodeAudioMono } from '../src/index';
import { makeClip, makeDir, makeTone, removeDir } from './helpers';

let dir: string;
beforeEach(async () => {
  dir = await makeDir();
});
afterEach(async () => {
  await removeDir(dir);
});

describe('decodeAudioMono', () => {
  it('decodes a wav to mono floats at the asked rate', async () => {
    const tone = await makeTone(path.join(dir, 'tone.wav'), 1, 250);
    const samples = await decodeAudioMono(tone, 8000);
    expect(samples).toBeInstanceOf(Float32Array);
    expect(Math.abs(samples.length - 8000)).toBeLessThan(80);
    const peak = samples.reduce((m, s) => Math.max(m, Math.abs(s)), 0);
    // lavfi's sine is at 1/8 full scale.
    expect(peak).toBeGreaterThan(0.1);
    expect(peak).toBeLessThan(0.2);
  });

  it('decodes the audio of an mp4', async () => {
    const clip = await makeClip(path.join(dir, 'clip.mp4'), { seconds: 1 });
    const samples = await decodeAudioMono(clip, 16000);
    expect(Math.abs(samples.length - 16000)).toBeLessThan(1200);
  });

  it('a clip without audio is a typed error', async () => {
    const clip = await makeClip(path.join(dir, 'silent.mp4'), { seconds: 1, audio: false });
    await expect(decodeAudioMono(clip, 8000)).rejects.toMatchObject({ code: 'no_audio_stream' });
  });
});
