import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildConformJob,
  conform,
  createHouseFormat,
  fitFilter,
  jobToArgs,
  keyframesEverySecond,
  type MediaInfo,
  streamsMatchHouse,
  type VideoStreamInfo,
} from '../src/index';
import {
  ffmpeg,
  ffprobeErrors,
  ffprobeJson,
  keyframeTimes,
  listDir,
  makeClip,
  makeDir,
  makeTone,
  makeVfrClip,
  removeDir,
} from './helpers';

const house = createHouseFormat(320, 180, 24, 'letterbox');
let dir: string;
beforeAll(async () => {
  dir = await makeDir();
});
afterAll(async () => {
  await removeDir(dir);
});

function fakeInfo(over: Partial<VideoStreamInfo>, audio: boolean): MediaInfo & { video: VideoStreamInfo } {
  return {
    path: '/in.mov',
    container: 'mov',
    durationSeconds: 2,
    sizeBytes: 1,
    bitRate: null,
    streams: [],
    chapters: [],
    audio: audio
      ? { index: 1, codec: 'aac', sampleRate: 44100, channels: 1, channelLayout: 'mono', durationSeconds: 2 }
      : null,
    video: {
      index: 0,
      codec: 'h264',
      profile: null,
      width: 1920,
      height: 1080,
      pixelFormat: 'yuv420p',
      fps: 30,
      averageFps: 30,
      variableFrameRate: false,
      durationSeconds: 2,
      frameCount: 60,
      hasBFrames: false,
      ...over,
    },
  };
}

describe('house format and conform builders', () => {
  it('rejects odd sizes and fractional rates for the house format', () => {
    expect(() => createHouseFormat(1279, 720, 24, 'crop')).toThrow(/even/);
    expect(() => createHouseFormat(1280, 720, 23.976, 'crop')).toThrow(/whole/);
  });

  it('letterboxes or crops, never stretches', () => {
    expect(fitFilter(house)).toContain('force_original_aspect_ratio=decrease');
    expect(fitFilter(house)).toContain('pad=320:180');
    const crop = createHouseFormat(320, 180, 24, 'crop');
    expect(fitFilter(crop)).toContain('force_original_aspect_ratio=increase');
    expect(fitFilter(crop)).toContain('crop=320:180');
  });

  it('builds one command: house codecs, whole frames, keyframe per second, audio cut to the picture', () => {
    const args = jobToArgs(
      buildConformJob(fakeInfo({ durationSeconds: 2.01 }, true), house, '/o.mp4', {
        preset: 'veryfast',
        crf: 20,
      }),
    );
    const text = args.join(' ');
    expect(text).toContain(
      '-c:v libx264 -profile:v high -pix_fmt yuv420p -preset veryfast -crf 20 -g 24 -keyint_min 24',
    );
    expect(text).toContain('trim=end_frame=48');
    expect(text).toContain('atrim=0:2[a]');
    expect(text).toContain('-c:a aac -b:a 160k -ar 48000 -ac 2');
    expect(args.slice(-3)).toEqual(['-movflags', '+faststart', '/o.mp4']);
    expect(text).not.toContain('anullsrc');
  });

  it('adds a silent track when the source has none', () => {
    const args = jobToArgs(
      buildConformJob(fakeInfo({}, false), house, '/o.mp4', { preset: 'veryfast', crf: 20 }),
    );
    expect(args).toContain('anullsrc=r=48000:cl=stereo');
  });
});

async function expectHouse(file: string, frames: number): Promise<void> {
  const json = await ffprobeJson(file);
  const v = json.streams.find((s) => s.codec_type === 'video');
  const a = json.streams.find((s) => s.codec_type === 'audio');
  expect(v).toMatchObject({
    codec_name: 'h264',
    profile: 'High',
    pix_fmt: 'yuv420p',
    width: 320,
    height: 180,
    r_frame_rate: '24/1',
  });
  expect(Number(v?.nb_frames)).toBe(frames);
  expect(a).toMatchObject({ codec_name: 'aac', sample_rate: '48000', channels: 2 });
  expect(Math.abs(Number(a?.duration) - frames / 24)).toBeLessThan(1 / 24);
  expect(await ffprobeErrors(file)).toBe('');
}

describe('conform', () => {
  it('conforms a wider 30 fps clip, with progress rising from 0 to 1', async () => {
    const source = await makeClip(path.join(dir, 'wide.mp4'), {
      width: 400,
      height: 150,
      fps: 30,
      seconds: 2,
    });
    const progress: number[] = [];
    const out = path.join(dir, 'wide-conformed.mp4');
    const result = await conform(source, out, house, {
      signal: null,
      onProgress: (p) => progress.push(p),
      preset: null,
      crf: null,
    });
    expect(result).toEqual({ path: out, frames: 48, durationSeconds: 2, copied: false });
    await expectHouse(out, 48);
    expect(await keyframeTimes(out)).toEqual([0, 1]);
    expect(progress[0]).toBe(0);
    expect(progress.at(-1)).toBe(1);
    for (let i = 1; i < progress.length; i++) expect(progress[i]).toBeGreaterThan(progress[i - 1]!);
  });

  it('conforms an odd-sized clip without audio (silent stereo added)', async () => {
    const source = await makeClip(path.join(dir, 'odd.mp4'), {
      width: 1279,
      height: 721,
      seconds: 1,
      audio: false,
    });
    const out = path.join(dir, 'odd-conformed.mp4');
    await conform(source, out, createHouseFormat(320, 180, 24, 'crop'));
    await expectHouse(out, 24);
  });

  it('conforms a variable frame rate source to a constant rate', async () => {
    const source = await makeVfrClip(path.join(dir, 'vfr.mp4'));
    const out = path.join(dir, 'vfr-conformed.mp4');
    const result = await conform(source, out, house);
    // 48 frames over about 3 s; mp4 may count the last frame short, so 71 or 72 frames at 24 fps.
    expect([71, 72]).toContain(result.frames);
    await expectHouse(out, result.frames);
  });

  it('refuses bad inputs with typed errors and leaves no file', async () => {
    const before = await listDir(dir);
    const empty = path.join(dir, 'zero.mp4');
    await writeFile(empty, '');
    const tone = await makeTone(path.join(dir, 'speech.wav'), 1);
    await expect(conform(empty, path.join(dir, 'x.mp4'), house)).rejects.toMatchObject({
      code: 'empty_file',
    });
    await expect(conform(tone, path.join(dir, 'y.mp4'), house)).rejects.toMatchObject({
      code: 'no_video_stream',
    });
    expect(await listDir(dir)).toEqual([...before, 'speech.wav', 'zero.mp4'].sort());
  });

  it('cancelling mid-conform kills ffmpeg and leaves no output or temp file', async () => {
    const sub = path.join(dir, 'cancel');
    await ffmpeg([
      '-f',
      'lavfi',
      '-i',
      'testsrc2=s=1280x720:r=30:d=6',
      '-c:v',
      'libx264',
      '-preset',
      'ultrafast',
      path.join(dir, 'long.mp4'),
    ]);
    await import('node:fs/promises').then((fs) => fs.mkdir(sub));
    const controller = new AbortController();
    const out = path.join(sub, 'out.mp4');
    const started = conform(path.join(dir, 'long.mp4'), out, createHouseFormat(1280, 720, 24, 'letterbox'), {
      signal: controller.signal,
      onProgress: (p) => {
        if (p > 0.05) controller.abort();
      },
      preset: 'medium',
      crf: null,
    });
    await expect(started).rejects.toMatchObject({ code: 'cancelled' });
    expect(await listDir(sub)).toEqual([]);
  });
});

describe('a clip already in the house format', () => {
  it('is copied, not encoded again, and stays in the house format', async () => {
    const source = await makeClip(path.join(dir, 'for-house.mp4'), { seconds: 2 });
    const first = await conform(source, path.join(dir, 'house-1.mp4'), house);
    expect(first.copied).toBe(false);
    const second = await conform(first.path, path.join(dir, 'house-2.mp4'), house);
    expect(second.copied).toBe(true);
    expect(second.frames).toBe(first.frames);
    expect(await keyframeTimes(second.path)).toEqual(await keyframeTimes(first.path));
    expect(await ffprobeErrors(second.path)).toBe('');
    const other = await conform(
      first.path,
      path.join(dir, 'house-3.mp4'),
      createHouseFormat(160, 90, 24, 'letterbox'),
    );
    expect(other.copied).toBe(false);
  });

  it('is recognised only with every house property', async () => {
    const base = fakeInfo(
      { width: 320, height: 180, fps: 24, averageFps: 24, profile: 'High', durationSeconds: 2 },
      true,
    );
    const ok = { ...base, audio: { ...base.audio!, sampleRate: 48000, channels: 2, durationSeconds: 2 } };
    expect(streamsMatchHouse(ok, house)).toBe(true);
    expect(streamsMatchHouse({ ...ok, video: { ...ok.video, hasBFrames: true } }, house)).toBe(false);
    expect(streamsMatchHouse({ ...ok, video: { ...ok.video, fps: 25 } }, house)).toBe(false);
    expect(streamsMatchHouse({ ...ok, audio: null }, house)).toBe(false);
    expect(streamsMatchHouse({ ...ok, audio: { ...ok.audio, durationSeconds: 1.5 } }, house)).toBe(false);
    expect(keyframesEverySecond([0, 1], 2, 24)).toBe(true);
    expect(keyframesEverySecond([0], 2, 24)).toBe(false);
    expect(keyframesEverySecond([0, 1.5], 2, 24)).toBe(false);
  });
});
