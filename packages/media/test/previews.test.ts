import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildFilmstripJob,
  createHouseFormat,
  decodeFrames,
  jobToArgs,
  makeFilmstrip,
  makePoster,
  makeProxy,
  makeWaveformPeaks,
  peaksFromSamples,
  stillToVideo,
} from '../src/index';
import { ffmpeg, ffprobeJson, keyframeTimes, listDir, makeClip, makeDir, removeDir } from './helpers';

let dir: string;
let clip: string;
beforeAll(async () => {
  dir = await makeDir();
  clip = await makeClip(path.join(dir, 'clip.mp4'), { width: 640, height: 360, seconds: 2 });
});
afterAll(async () => {
  await removeDir(dir);
});

describe('pure preview builders', () => {
  it('takes the peak of each 1/100 s window', () => {
    const samples = new Float32Array(200);
    samples[5] = -0.5;
    samples[150] = 0.25;
    expect(peaksFromSamples(samples, 1000, 100)).toEqual([
      0.5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0.25, 0, 0, 0, 0,
    ]);
  });
  it('tiles a row per shot and stacks the rows', () => {
    const args = jobToArgs(
      buildFilmstripJob(
        [
          { path: 'a.mp4', durationSeconds: 4 },
          { path: 'b.mp4', durationSeconds: 2 },
        ],
        { thumbsPerShot: 4, thumbWidth: 80, thumbHeight: 45 },
        'strip.jpg',
      ),
    ).join(' ');
    expect(args).toContain('[0:v:0]fps=1.000000:start_time=0.5');
    expect(args).toContain('tile=4x1[row1]');
    expect(args).toContain('vstack=inputs=2[out]');
  });
});

describe('previews', () => {
  it('makes a 540p proxy with a keyframe every 12 frames and the index at the front', async () => {
    const out = path.join(dir, 'proxy.mp4');
    await makeProxy(clip, out);
    const json = await ffprobeJson(out);
    expect(json.streams.find((s) => s.codec_type === 'video')).toMatchObject({ height: 540, width: 960 });
    expect(await keyframeTimes(out)).toEqual([0, 0.5, 1, 1.5]);
    const head = (await readFile(out)).subarray(0, 64).toString('latin1');
    expect(head.indexOf('moov')).toBeGreaterThan(-1);
  });

  it('makes a poster frame and a filmstrip sprite', async () => {
    const poster = await makePoster(clip, path.join(dir, 'poster.jpg'), null, 320);
    expect(poster.atSeconds).toBeCloseTo(2 / 3, 2);
    const posterInfo = await ffprobeJson(poster.path);
    expect(posterInfo.streams[0]).toMatchObject({ width: 320, height: 180 });
    const other = await makeClip(path.join(dir, 'other.mp4'), { seconds: 1 });
    const strip = await makeFilmstrip([clip, other], path.join(dir, 'strip.png'), {
      thumbsPerShot: 5,
      thumbWidth: 64,
      thumbHeight: 36,
    });
    const stripInfo = await ffprobeJson(strip.path);
    expect(stripInfo.streams[0]).toMatchObject({ width: 320, height: 72 });
  });

  it('writes 100 waveform peaks per second as JSON', async () => {
    const out = path.join(dir, 'peaks.json');
    const result = await makeWaveformPeaks(clip, out);
    const json = JSON.parse(await readFile(out, 'utf8')) as { peaksPerSecond: number; peaks: number[] };
    expect(json.peaksPerSecond).toBe(100);
    expect(Math.abs(json.peaks.length - 200)).toBeLessThanOrEqual(5);
    expect(json.peaks).toEqual(result.peaks);
    expect(Math.max(...json.peaks)).toBeGreaterThan(0.1);
  });

  it('streams raw RGB frames at a chosen size and rate', async () => {
    const frames: Buffer[] = [];
    for await (const frame of decodeFrames(clip, { width: 32, height: 18, fps: 10, signal: null }))
      frames.push(frame);
    expect(frames).toHaveLength(20);
    for (const frame of frames) expect(frame.length).toBe(32 * 18 * 3);
    // testsrc2 moves: consecutive frames differ.
    expect(frames[0]!.equals(frames[10]!)).toBe(false);
  });

  it('stops ffmpeg when the consumer breaks out early', async () => {
    let count = 0;
    for await (const _ of decodeFrames(clip, { width: 32, height: 18, fps: 24, signal: null })) {
      count += 1;
      if (count === 3) break;
    }
    expect(count).toBe(3);
  });

  it('turns a still into a clip with a push-in', async () => {
    const card = path.join(dir, 'card.png');
    await ffmpeg(['-f', 'lavfi', '-i', 'testsrc2=s=400x300:d=1', '-frames:v', '1', card]);
    const house = createHouseFormat(320, 180, 24, 'crop');
    const out = path.join(dir, 'still.mp4');
    const result = await stillToVideo(card, out, house, {
      seconds: 1.5,
      pushIn: 1.15,
      signal: null,
      onProgress: null,
    });
    expect(result.frames).toBe(36);
    const json = await ffprobeJson(out);
    const v = json.streams.find((s) => s.codec_type === 'video');
    expect(v).toMatchObject({ width: 320, height: 180, nb_frames: '36', profile: 'High' });
    expect(json.streams.find((s) => s.codec_type === 'audio')).toMatchObject({
      codec_name: 'aac',
      channels: 2,
    });
    // The push-in changes the picture over time: first and last frames differ.
    const frames: Buffer[] = [];
    for await (const f of decodeFrames(out, { width: 32, height: 18, fps: 24, signal: null })) frames.push(f);
    expect(frames[0]!.equals(frames.at(-1)!)).toBe(false);
  });

  it('leaves no temporary files', async () => {
    expect((await listDir(dir)).filter((f) => f.startsWith('.'))).toEqual([]);
  });
});
