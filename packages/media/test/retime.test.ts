import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildRetimeJob, conform, createHouseFormat, jobToArgs, probeVideo, retimeClip } from '../src/index';
import { ffprobeErrors, listDir, makeClip, makeDir, removeDir, streamEnds } from './helpers';

let dir: string;
let conformed: string;
beforeAll(async () => {
  dir = await makeDir();
  const source = await makeClip(path.join(dir, 'source.mp4'), { seconds: 2 });
  conformed = (
    await conform(source, path.join(dir, 'conformed.mp4'), createHouseFormat(320, 180, 24, 'letterbox'))
  ).path;
});
afterAll(async () => {
  await removeDir(dir);
});

describe('retime', () => {
  it('builds a trim for a shorter target and a held last frame for a longer one', async () => {
    const info = await probeVideo(conformed);
    const shorter = jobToArgs(buildRetimeJob(info, 1.25, '/out.mp4')).join(' ');
    expect(shorter).toContain('trim=end_frame=30');
    expect(shorter).not.toContain('tpad');
    const longer = jobToArgs(buildRetimeJob(info, 3, '/out.mp4')).join(' ');
    expect(longer).toContain('tpad=stop_mode=clone');
    expect(longer).toContain('trim=end_frame=72');
    expect(longer).toContain('atrim=0:3');
  });

  it('brings a clip to the exact length, picture and sound together, leaving no temporary file', async () => {
    for (const target of [1.25, 3.5]) {
      const out = path.join(dir, `retimed-${target}.mp4`);
      const result = await retimeClip(conformed, out, target, { signal: null, onProgress: null });
      expect(result.durationSeconds).toBeCloseTo(target, 5);
      const ends = await streamEnds(out);
      expect(Math.abs(ends.video - target)).toBeLessThan(1 / 24);
      expect(Math.abs(ends.audio - ends.video)).toBeLessThan(1 / 24);
      expect(await ffprobeErrors(out)).toBe('');
    }
    expect((await listDir(dir)).filter((f) => f.includes('tmp'))).toEqual([]);
  });
});
