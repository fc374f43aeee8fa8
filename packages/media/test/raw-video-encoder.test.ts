import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  buildAudioMuxJob,
  createRawVideoEncoder,
  jobToArgs,
  MediaError,
  type RawVideoEncoderOptions,
  rawFrameBytes,
} from '../src/index';
import { ffprobeJson, keyframeTimes, listDir, makeDir, makeTone, removeDir } from './helpers';

let dir: string;
beforeEach(async () => {
  dir = await makeDir();
});
afterEach(async () => {
  await removeDir(dir);
});

function options(over: Partial<RawVideoEncoderOptions>): RawVideoEncoderOptions {
  return {
    width: 64,
    height: 36,
    fps: 12,
    pixelFormat: 'rgba',
    output: path.join(dir, 'out.mp4'),
    audio: null,
    preset: 'ultrafast',
    crf: null,
    keyframeIntervalFrames: null,
    frameCount: null,
    signal: null,
    ...over,
  };
}

function frame(width: number, height: number, bpp: number, value: number): Buffer {
  return Buffer.alloc(width * height * bpp, value);
}

describe('buildAudioMuxJob', () => {
  it('pads or cuts the audio to the picture and copies the video', () => {
    const args = jobToArgs(buildAudioMuxJob('/t/v.mp4', null, 2.5, '/t/o.mp4'));
    expect(args).toContain('anullsrc=r=48000:cl=stereo');
    expect(args.join(' ')).toContain('apad,atrim=0:2.5[a]');
    expect(args.join(' ')).toContain('-c:v copy');
    expect(args.slice(-3)).toEqual(['-movflags', '+faststart', '/t/o.mp4']);
  });
});

describe('createRawVideoEncoder', () => {
  it('encodes rgba frames to H.264 High yuv420p with a silent stereo track and a keyframe per second', async () => {
    // The default preset: ultrafast drops the features that make a stream High profile.
    const encoder = createRawVideoEncoder(options({ preset: null }));
    for (let i = 0; i < 30; i++) await encoder.write(frame(64, 36, 4, (i * 8) % 255));
    const result = await encoder.finish();
    expect(result.path).toBe(path.join(dir, 'out.mp4'));
    expect(await listDir(dir)).toEqual(['out.mp4']);
    const json = await ffprobeJson(result.path);
    const v = json.streams.find((s) => s.codec_type === 'video');
    const a = json.streams.find((s) => s.codec_type === 'audio');
    expect(v).toMatchObject({
      codec_name: 'h264',
      profile: 'High',
      pix_fmt: 'yuv420p',
      width: 64,
      height: 36,
    });
    expect(Number(v?.nb_frames)).toBe(30);
    expect(a).toMatchObject({ codec_name: 'aac', sample_rate: '48000', channels: 2 });
    expect(Math.abs(Number(a?.duration) - 2.5)).toBeLessThan(1 / 12);
    expect(await keyframeTimes(result.path)).toEqual([0, 1, 2]);
  });

  it('muxes a given audio file, cut to the picture, and honours the keyframe interval', async () => {
    const tone = await makeTone(path.join(dir, 'tone.wav'), 3);
    const out = path.join(dir, 'with-audio.mp4');
    const encoder = createRawVideoEncoder(
      options({ output: out, audio: tone, pixelFormat: 'rgb24', keyframeIntervalFrames: 6 }),
    );
    for (let i = 0; i < 24; i++) await encoder.write(frame(64, 36, 3, i * 10));
    await encoder.finish();
    const json = await ffprobeJson(out);
    const a = json.streams.find((s) => s.codec_type === 'audio');
    expect(Math.abs(Number(a?.duration) - 2)).toBeLessThan(1 / 12);
    expect(await keyframeTimes(out)).toEqual([0, 0.5, 1, 1.5]);
    expect(await listDir(dir)).toEqual(['tone.wav', 'with-audio.mp4']);
  });

  it('waits for ffmpeg when it falls behind (backpressure) and keeps every frame', async () => {
    const encoder = createRawVideoEncoder(options({ width: 640, height: 360, fps: 24, pixelFormat: 'bgra' }));
    const big = frame(640, 360, 4, 90);
    const writes: Promise<void>[] = [];
    for (let i = 0; i < 48; i++) writes.push(encoder.write(big));
    // Without awaiting, more than a couple of writes must be pending: they wait for ffmpeg.
    const states = await Promise.all(
      writes.map((w) => Promise.race([w.then(() => 'done'), Promise.resolve('pending')])),
    );
    expect(states.filter((s) => s === 'pending').length).toBeGreaterThan(0);
    await Promise.all(writes);
    await encoder.finish();
    const json = await ffprobeJson(path.join(dir, 'out.mp4'));
    expect(Number(json.streams.find((s) => s.codec_type === 'video')?.nb_frames)).toBe(48);
  });

  it('rejects a frame of the wrong size', async () => {
    const encoder = createRawVideoEncoder(options({}));
    await expect(encoder.write(Buffer.alloc(10))).rejects.toMatchObject({ code: 'invalid_argument' });
    await encoder.abort();
    expect(await listDir(dir)).toEqual([]);
  });

  it('aborting mid-encode kills ffmpeg and leaves no file', async () => {
    const controller = new AbortController();
    const encoder = createRawVideoEncoder(options({ width: 320, height: 180, signal: controller.signal }));
    for (let i = 0; i < 10; i++) await encoder.write(frame(320, 180, 4, i));
    controller.abort();
    await encoder.abort();
    await expect(encoder.write(frame(320, 180, 4, 1))).rejects.toMatchObject({ code: 'cancelled' });
    await expect(encoder.finish()).rejects.toBeInstanceOf(MediaError);
    expect(await listDir(dir)).toEqual([]);
  });

  it('finishing with no frames fails cleanly', async () => {
    const encoder = createRawVideoEncoder(options({}));
    await expect(encoder.finish()).rejects.toMatchObject({ code: 'invalid_argument' });
    expect(await listDir(dir)).toEqual([]);
  });

  it('a missing audio file fails at finish without leaving files', async () => {
    await writeFile(path.join(dir, 'keep.txt'), 'x');
    const encoder = createRawVideoEncoder(options({ audio: path.join(dir, 'missing.wav') }));
    await encoder.write(frame(64, 36, 4, 0));
    await expect(encoder.finish()).rejects.toMatchObject({ code: 'ffmpeg_failed' });
    expect(await listDir(dir)).toEqual(['keep.txt']);
  });

  it('computes raw frame sizes', () => {
    expect(rawFrameBytes(2, 2, 'rgb24')).toBe(12);
    expect(rawFrameBytes(2, 2, 'rgba')).toBe(16);
  });
});

describe('createRawVideoEncoder with a known frame count', () => {
  it('encodes picture and sound in one pass, ending together, with nothing left behind', async () => {
    const tone = await makeTone(path.join(dir, 'tone.wav'), 1);
    const encoder = createRawVideoEncoder(options({ preset: null, frameCount: 30, audio: tone }));
    for (let i = 0; i < 30; i++) await encoder.write(frame(64, 36, 4, (i * 8) % 255));
    const result = await encoder.finish();
    expect((await listDir(dir)).sort()).toEqual(['out.mp4', 'tone.wav']);
    const json = await ffprobeJson(result.path);
    const video = json.streams.find((s) => s.codec_type === 'video')!;
    const audio = json.streams.find((s) => s.codec_type === 'audio')!;
    expect(video.profile).toBe('High');
    expect(Number(video.nb_frames)).toBe(30);
    expect(Math.abs(Number(audio.duration) - 2.5)).toBeLessThan(1 / 12);
    expect(await keyframeTimes(result.path)).toEqual([0, 1, 2]);
  });

  it('refuses a finish with fewer frames than announced, leaving no file', async () => {
    const encoder = createRawVideoEncoder(options({ frameCount: 10 }));
    for (let i = 0; i < 4; i++) await encoder.write(frame(64, 36, 4, 0));
    await expect(encoder.finish()).rejects.toThrow(/10 frames were announced but 4 written/);
    expect(await listDir(dir)).toEqual([]);
  });
});
