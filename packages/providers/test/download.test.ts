import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ProviderError } from '@ministudio/domain';
import { describe, expect, it } from 'vitest';
import { mp4BoxesComplete } from '../src/files/mp4-boxes';
import { ProviderHttp } from '../src/http/client';
import { downloadResult } from '../src/http/download';
import { fixtures } from './fakes/fixtures';
import { startFake } from './fakes/harness';
import { testJob } from './fakes/request';

const http = new ProviderHttp(
  'Test',
  { fetch: globalThis.fetch, log: () => {}, requestTimeoutMs: 3000 },
  () => [],
);

/** Chunked responses (no Content-Length): the cases where only the stream or the file can tell. */
async function download(send: (res: import('node:http').ServerResponse) => void) {
  const fake = await startFake((_req, res) => send(res));
  const job = testJob();
  try {
    const result = await downloadResult(
      http,
      `${fake.url}/r.mp4`,
      {},
      { workDir: job.ctx.workDir, baseName: 'r', kind: 'video', signal: job.ctx.signal },
    ).catch((e: unknown) => e);
    return { result, files: readdirSync(job.ctx.workDir) };
  } finally {
    await fake.close();
  }
}

describe('downloadResult without Content-Length', () => {
  const mp4 = () => fixtures().mp4;

  it('keeps a whole chunked download', async () => {
    const { result, files } = await download((res) => {
      res.writeHead(200, { 'content-type': 'video/mp4' });
      res.write(mp4().subarray(0, 1000));
      res.end(mp4().subarray(1000));
    });
    expect(result).toMatchObject({ mime: 'video/mp4', bytes: mp4().length });
    expect(files).toEqual(['r.mp4']);
  });

  it('detects a connection dropped mid-chunk', async () => {
    const { result, files } = await download((res) => {
      res.writeHead(200, { 'content-type': 'video/mp4' });
      res.write(mp4().subarray(0, 2000), () => res.destroy());
    });
    expect((result as ProviderError).code).toBe('provider_unavailable');
    expect(files).toEqual([]);
  });

  it('detects a response that ends cleanly but short (faststart moov intact)', async () => {
    const { result, files } = await download((res) => {
      res.writeHead(200, { 'content-type': 'video/mp4' });
      res.end(mp4().subarray(0, Math.floor(mp4().length * 0.8)));
    });
    expect((result as ProviderError).code).toBe('provider_unavailable');
    expect((result as ProviderError).message).toMatch(/cut short/);
    expect(files).toEqual([]);
  });

  it('reads mp4 box sizes', async () => {
    const dir = fixtures().dir;
    expect(await mp4BoxesComplete(join(dir, 'clip.mp4'))).toBe(true);
    writeFileSync(join(dir, 'half.mp4'), mp4().subarray(0, mp4().length - 10));
    expect(await mp4BoxesComplete(join(dir, 'half.mp4'))).toBe(false);
  });
});
