import { createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unzipToFolder } from '../src/unzip';
import { REPO } from './helpers';

// Zips made by the writer the studio's edit export uses (yazl, streamed with data descriptors).
const yazl = createRequire(path.join(REPO, 'apps/api/package.json'))('yazl') as {
  ZipFile: new () => {
    addBuffer(data: Buffer, name: string, options?: { compress?: boolean }): void;
    end(): void;
    outputStream: NodeJS.ReadableStream;
  };
};

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'ministudio-cli-unzip-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function makeZip(name: string, entries: [string, Buffer, boolean][]): Promise<string> {
  const zip = new yazl.ZipFile();
  for (const [entry, data, compress] of entries) zip.addBuffer(data, entry, { compress });
  zip.end();
  const file = path.join(dir, name);
  await pipeline(zip.outputStream, createWriteStream(file));
  return file;
}

describe('unzipToFolder', () => {
  it('unpacks stored and deflated entries exactly, without the top folder', async () => {
    // Stored bytes that contain zip signatures: a streaming reader would cut the entry there.
    const clip = Buffer.concat([
      Buffer.from('PK\x07\x08PK\x03\x04', 'binary'),
      Buffer.alloc(100_000, 7),
      Buffer.from('PK\x01\x02', 'binary'),
    ]);
    const text = Buffer.from('1\n00:00:00,000 --> 00:00:01,000\nHello.\n'.repeat(50));
    const file = await makeZip('edit.zip', [
      ['Film/Film.otio', Buffer.from('{"OTIO_SCHEMA":"Timeline.1"}'), true],
      ['Film/subtitles.srt', text, true],
      ['Film/clips/0001-a.mp4', clip, false],
      ['Film/empty.txt', Buffer.alloc(0), false],
    ]);
    const out = path.join(dir, 'out');
    const names = await unzipToFolder(file, out, 1);
    expect(names).toEqual(['Film.otio', 'clips/0001-a.mp4', 'empty.txt', 'subtitles.srt']);
    expect(await readFile(path.join(out, 'clips/0001-a.mp4'))).toEqual(clip);
    expect(await readFile(path.join(out, 'subtitles.srt'))).toEqual(text);
    expect((await stat(path.join(out, 'empty.txt'))).size).toBe(0);
  }, 30_000);

  it('refuses an entry that points outside the folder, and a file that is not a zip', async () => {
    // yazl will not write "..", so the name is patched in afterwards (same length, both headers).
    const made = await makeZip('evil.zip', [['Film/aa/aa/escape.txt', Buffer.from('x'), false]]);
    const bytes = (await readFile(made)).toString('binary').replaceAll('Film/aa/aa/', 'Film/../../');
    const evil = path.join(dir, 'evil-patched.zip');
    await writeFile(evil, Buffer.from(bytes, 'binary'));
    await expect(unzipToFolder(evil, path.join(dir, 'evil-out'), 1)).rejects.toThrow(/unsafe path/);
    await expect(stat(path.join(dir, 'escape.txt'))).rejects.toThrow();
    const notZip = path.join(dir, 'edit.otio');
    await writeFile(notZip, '{}');
    await expect(unzipToFolder(notZip, path.join(dir, 'x'), 1)).rejects.toThrow(/not a zip file/);
  }, 30_000);
});
