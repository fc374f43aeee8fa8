import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isJpeg, readJobPreview, removeJobPreview, writeJobPreview } from '../src/io/job-preview';

const JPEG_START = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]);

describe('job previews on disk', () => {
  it('replaces, reads and removes a job preview without leaving temp files', async () => {
    const dir = path.join(mkdtempSync(path.join(tmpdir(), 'preview-')), 'previews');
    expect(await readJobPreview(dir, 'job-1')).toBeNull();
    await writeJobPreview(dir, 'job-1', JPEG_START);
    await writeJobPreview(dir, 'job-1', Buffer.concat([JPEG_START, Buffer.from([9])]));
    expect((await readJobPreview(dir, 'job-1'))?.at(-1)).toBe(9);
    expect(readdirSync(dir)).toEqual(['job-1.jpg']);
    await removeJobPreview(dir, 'job-1');
    expect(await readJobPreview(dir, 'job-1')).toBeNull();
  });

  it('tells a JPEG by its first marker', () => {
    expect(isJpeg(JPEG_START)).toBe(true);
    expect(isJpeg(Buffer.from('\x89PNG'))).toBe(false);
    expect(isJpeg(Buffer.from([0xff, 0xd8]))).toBe(false);
  });
});
