import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AudioFitPolicy,
  buildMixGraph,
  conform,
  createHouseFormat,
  fitSpeech,
  mixClipAudio,
  planAudioFit,
} from '../src/index';
import { integratedLoudness, listDir, makeClip, makeDir, makeTone, removeDir, streamEnds } from './helpers';

const house = createHouseFormat(320, 180, 24, 'letterbox');
let dir: string;
let clip: string;
beforeAll(async () => {
  dir = await makeDir();
  const raw = await makeClip(path.join(dir, 'raw.mp4'), { seconds: 2 });
  clip = (await conform(raw, path.join(dir, 'clip.mp4'), house)).path;
});
afterAll(async () => {
  await removeDir(dir);
});

describe('planAudioFit', () => {
  it('auto pads speech that ends early (the journal case), keeping the picture', () => {
    const plan = planAudioFit(4, 3.5, 24, 'auto');
    expect(plan).toMatchObject({
      applied: 'pad-speech',
      targetFrames: 96,
      reencodeVideo: false,
      speechTempo: 1,
    });
  });
  it('auto stretches speech a little longer than the picture', () => {
    const plan = planAudioFit(4, 4.12, 24, 'auto');
    expect(plan.applied).toBe('stretch-speech');
    expect(plan.speechTempo).toBeCloseTo(1.03, 5);
    expect(plan.targetFrames).toBe(96);
  });
  it('auto holds the picture for much longer speech', () => {
    const plan = planAudioFit(4, 5, 24, 'auto');
    expect(plan).toMatchObject({ applied: 'extend-picture', targetFrames: 120, reencodeVideo: true });
    expect(plan.holdSeconds).toBeCloseTo(1, 6);
  });
  it('does nothing within half a frame', () => {
    expect(planAudioFit(4, 4.01, 24, 'trim-picture').applied).toBe('none');
  });
  it('trims the picture to the first frame after the speech', () => {
    expect(planAudioFit(4, 3.01, 24, 'trim-picture')).toMatchObject({
      applied: 'trim-picture',
      targetFrames: 73,
    });
  });
  it('stretches speech at most 10% and holds the picture for the rest', () => {
    const plan = planAudioFit(4, 5, 24, 'stretch-speech');
    expect(plan.speechTempo).toBeCloseTo(1.1, 6);
    expect(plan.targetFrames).toBe(Math.ceil((5 / 1.1) * 24));
    const slow = planAudioFit(4, 3, 24, 'stretch-speech');
    expect(slow.speechTempo).toBeCloseTo(0.9, 6);
    expect(slow.targetFrames).toBe(96);
  });
  it('falls back when a policy cannot apply, and says so', () => {
    expect(planAudioFit(4, 5, 24, 'pad-speech').applied).toBe('extend-picture');
    expect(planAudioFit(4, 3, 24, 'extend-picture').applied).toBe('pad-speech');
    expect(planAudioFit(4, 5, 24, 'trim-picture').applied).toBe('extend-picture');
  });
  it('rejects nonsense durations', () => {
    expect(() => planAudioFit(0, 1, 24, 'auto')).toThrow();
  });
});

describe('buildMixGraph', () => {
  it('ducks the clip audio and the music under the speech and normalises loudness', () => {
    const graph = buildMixGraph({
      speech: '[1:a]',
      clipAudio: '[0:a]',
      music: { label: '[2:a]', bed: { path: 'm.wav', gainDb: -12, fadeInSeconds: 1, fadeOutSeconds: 2 } },
      durationSeconds: 6,
      targetLufs: -16,
      output: '[out]',
    });
    expect(graph).toContain('asplit=3[speech][key_clip][key_music]');
    expect(graph).toContain('[bed_clip][key_clip]sidechaincompress');
    expect(graph).toContain('afade=t=in:st=0:d=1');
    expect(graph).toContain('afade=t=out:st=4:d=2');
    expect(graph).toContain('amix=inputs=3');
    expect(graph).toContain('loudnorm=I=-16');
    expect(graph.endsWith('atrim=0:6[out]')).toBe(true);
  });
  it('is silence when there is nothing to mix', () => {
    const graph = buildMixGraph({
      speech: null,
      clipAudio: null,
      music: null,
      durationSeconds: 2,
      targetLufs: -16,
      output: '[a]',
    });
    expect(graph).toBe('anullsrc=r=48000:cl=stereo,atrim=0:2[a]');
  });
});

describe('fitSpeech', () => {
  const cases: [AudioFitPolicy, number][] = [
    ['auto', 1.5],
    ['auto', 2.08],
    ['extend-picture', 2.6],
    ['trim-picture', 1.3],
    ['pad-speech', 1.2],
    ['stretch-speech', 2.15],
  ];
  for (const [policy, speechSeconds] of cases) {
    it(`${policy} with ${speechSeconds} s of speech on 2 s of picture ends audio and video within one frame`, async () => {
      const speech = await makeTone(path.join(dir, `speech-${policy}-${speechSeconds}.wav`), speechSeconds);
      const out = path.join(dir, `fit-${policy}-${speechSeconds}.mp4`);
      const result = await fitSpeech(clip, speech, out, {
        signal: null,
        onProgress: null,
        policy,
        keepClipAudio: true,
        music: null,
        targetLufs: null,
      });
      const ends = await streamEnds(out);
      expect(Math.abs(ends.video - ends.audio)).toBeLessThan(1 / 24);
      expect(Math.abs(ends.video - result.plan.targetSeconds)).toBeLessThan(1 / 48);
      expect(ends.video + 1 / 24).toBeGreaterThanOrEqual(speechSeconds / result.plan.speechTempo);
    });
  }

  it('leaves only finished files behind', async () => {
    expect((await listDir(dir)).filter((f) => f.startsWith('.'))).toEqual([]);
  });
});

describe('mixClipAudio', () => {
  it('mixes speech and a music bed to -16 LUFS, keeping the picture and its length', async () => {
    const raw = await makeClip(path.join(dir, 'raw4.mp4'), { seconds: 4 });
    const clip4 = (await conform(raw, path.join(dir, 'clip4.mp4'), house)).path;
    const speech = await makeTone(path.join(dir, 'speech4.wav'), 4, 500);
    const music = await makeTone(path.join(dir, 'music.wav'), 10, 200);
    const out = path.join(dir, 'mixed.mp4');
    await mixClipAudio(clip4, out, {
      signal: null,
      onProgress: null,
      speech,
      keepClipAudio: true,
      music: { path: music, gainDb: -10, fadeInSeconds: 0.5, fadeOutSeconds: 1 },
      targetLufs: null,
    });
    const loudness = await integratedLoudness(out);
    expect(Math.abs(loudness + 16)).toBeLessThan(1.5);
    const ends = await streamEnds(out);
    expect(Math.abs(ends.video - 4)).toBeLessThan(1 / 48);
    expect(Math.abs(ends.audio - ends.video)).toBeLessThan(1 / 24);
  });
});
