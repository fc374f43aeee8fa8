import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classifyProbeFailure, MediaError, parseRate, probe, probeVideo, toFailureCode } from '../src/index';
import { ffmpeg, listDir, makeClip, makeDir, makeTone, makeVfrClip, removeDir } from './helpers';

let dir: string;
beforeAll(async () => {
  dir = await makeDir();
});
afterAll(async () => {
  await removeDir(dir);
});

describe('pure helpers', () => {
  it('parses frame rates', () => {
    expect(parseRate('24/1')).toBe(24);
    expect(parseRate('30000/1001')).toBeCloseTo(29.97, 2);
    expect(parseRate('0/0')).toBe(0);
    expect(parseRate(undefined)).toBe(0);
  });
  it('classifies ffprobe complaints', () => {
    expect(classifyProbeFailure('[mov] moov atom not found\nInvalid data found')).toBe('truncated');
    expect(classifyProbeFailure('x.mp4: Invalid data found when processing input')).toBe('not_media');
  });
  it('maps media errors to domain failure codes', () => {
    expect(toFailureCode(new MediaError('truncated', 'x'))).toBe('media_invalid');
    expect(toFailureCode(new MediaError('cancelled', 'x'))).toBe('cancelled');
    expect(toFailureCode(new Error('x'))).toBe('internal');
  });
});

describe('probe', () => {
  it('describes a clip: container, streams, duration, rate, size, codecs, audio layout', async () => {
    const clip = await makeClip(path.join(dir, 'ok.mp4'), { seconds: 1 });
    const info = await probe(clip);
    expect(info.container).toContain('mp4');
    expect(info.durationSeconds).toBeGreaterThan(0.9);
    expect(info.video).toMatchObject({
      codec: 'h264',
      width: 320,
      height: 180,
      fps: 24,
      variableFrameRate: false,
    });
    expect(info.audio).toMatchObject({ codec: 'aac', sampleRate: 44100, channels: 1, channelLayout: 'mono' });
    expect(info.streams.map((s) => s.kind)).toEqual(['video', 'audio']);
  });

  it('a missing file is not_found', async () => {
    await expect(probe(path.join(dir, 'nope.mp4'))).rejects.toMatchObject({ code: 'not_found' });
  });

  it('a zero-byte file is empty_file', async () => {
    const file = path.join(dir, 'empty.mp4');
    await writeFile(file, '');
    await expect(probe(file)).rejects.toMatchObject({ code: 'empty_file' });
  });

  it('a text file named .mp4 is not_media', async () => {
    const file = path.join(dir, 'text.mp4');
    await writeFile(file, 'this is not a video, just some words\n'.repeat(20));
    await expect(probe(file)).rejects.toMatchObject({ code: 'not_media' });
  });

  it('a truncated mp4 is truncated, with the index at the end or at the front', async () => {
    const plain = path.join(dir, 'plain.mp4');
    await ffmpeg([
      '-f',
      'lavfi',
      '-i',
      'testsrc2=s=320x180:r=24:d=2',
      '-c:v',
      'libx264',
      '-preset',
      'ultrafast',
      plain,
    ]);
    const front = path.join(dir, 'front.mp4');
    await ffmpeg(['-i', plain, '-c', 'copy', '-movflags', '+faststart', front]);
    for (const source of [plain, front]) {
      const bytes = await readFile(source);
      const cut = path.join(dir, `cut-${path.basename(source)}`);
      await writeFile(cut, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
      await expect(probe(cut)).rejects.toMatchObject({ code: 'truncated' });
    }
  });

  it('an audio-only file probes, and probeVideo says no_video_stream', async () => {
    const tone = await makeTone(path.join(dir, 'tone.m4a'), 1);
    const info = await probe(tone);
    expect(info.video).toBeNull();
    expect(info.audio?.codec).toBe('aac');
    await expect(probeVideo(tone)).rejects.toMatchObject({ code: 'no_video_stream' });
  });

  it('flags a variable frame rate source', async () => {
    const vfr = await makeVfrClip(path.join(dir, 'vfr.mp4'));
    const info = await probe(vfr);
    expect(info.video?.variableFrameRate).toBe(true);
  });

  it('leaves the folder as it was', async () => {
    expect((await listDir(dir)).filter((f) => f.startsWith('.'))).toEqual([]);
  });
});
