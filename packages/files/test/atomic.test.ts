import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  isTempPath,
  tempPathFor,
  writeAtomically,
  writeFileAtomic,
  writeNamedAtomically,
} from '../src/index';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'ministudio-files-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const list = async () => (await readdir(dir)).sort();

describe('tempPathFor', () => {
  it('is a hidden sibling that keeps the extension (ffmpeg picks the muxer from it) and is recognised as temporary', () => {
    const target = path.join(dir, 'clip.final.mp4');
    const temp = tempPathFor(target);
    expect(path.dirname(temp)).toBe(dir);
    expect(path.basename(temp)).toMatch(/^\.clip\.final\.tmp-[0-9a-f]{10}\.mp4$/);
    expect(tempPathFor(target)).not.toBe(temp);
    expect(isTempPath(temp)).toBe(true);
    expect(isTempPath(tempPathFor(path.join(dir, 'abcdef0123')))).toBe(true);
    expect(isTempPath(target)).toBe(false);
    expect(isTempPath(path.join(dir, 'notes.tmp-later.txt'))).toBe(false);
  });
});

describe('writeAtomically', () => {
  it('leaves exactly the target on success', async () => {
    const target = path.join(dir, 'out.bin');
    const result = await writeAtomically(target, async (temp) => {
      await writeFile(temp, 'whole');
      return 42;
    });
    expect(result).toBe(42);
    expect(await list()).toEqual(['out.bin']);
    expect(await readFile(target, 'utf8')).toBe('whole');
  });

  it('leaves no temporary file and no target when the producer fails after writing', async () => {
    const target = path.join(dir, 'out.bin');
    const failure = writeAtomically(target, async (temp) => {
      await writeFile(temp, 'half');
      throw new Error('producer broke');
    });
    await expect(failure).rejects.toThrow('producer broke');
    expect(await list()).toEqual([]);
  });

  it('keeps the previous file when a rewrite fails', async () => {
    const target = path.join(dir, 'out.bin');
    await writeFileAtomic(target, 'old');
    await expect(
      writeAtomically(target, async (temp) => {
        await writeFile(temp, 'new but broken');
        throw new Error('no');
      }),
    ).rejects.toThrow('no');
    expect(await list()).toEqual(['out.bin']);
    expect(await readFile(target, 'utf8')).toBe('old');
  });

  it('removes the temporary file when the rename itself fails', async () => {
    // A folder already holds the target's name, so the rename cannot replace it.
    const target = path.join(dir, 'taken');
    await mkdir(path.join(target, 'inside'), { recursive: true });
    await expect(writeAtomically(target, (temp) => writeFile(temp, 'bytes'))).rejects.toMatchObject({
      code: 'EISDIR',
    });
    expect(await list()).toEqual(['taken']);
  });

  it('creates the target folder when it is missing', async () => {
    await writeFileAtomic(path.join(dir, 'new', 'deeper', 'out.txt'), 'here');
    expect(await readFile(path.join(dir, 'new', 'deeper', 'out.txt'), 'utf8')).toBe('here');
    expect(await readdir(path.join(dir, 'new', 'deeper'))).toEqual(['out.txt']);
  });
});

describe('writeNamedAtomically', () => {
  it('renames to the name the producer chose and leaves nothing else', async () => {
    const result = await writeNamedAtomically(path.join(dir, 'r.download'), async (temp) => {
      await writeFile(temp, 'RIFF');
      return { target: path.join(dir, 'r.wav'), result: 'wav' };
    });
    expect(result).toBe('wav');
    expect(await list()).toEqual(['r.wav']);
  });
});

describe('writeFileAtomic', () => {
  it('a concurrent reader sees no file or the whole file, never part of it', async () => {
    const target = path.join(dir, 'big.bin');
    const data = Buffer.alloc(64 * 1024 * 1024, 7);
    const seen = new Set<string>();
    let writing = true;
    const reader = (async () => {
      while (writing) {
        try {
          const { size } = await stat(target);
          seen.add(size === data.length ? 'whole' : `partial ${size}`);
        } catch {
          seen.add('absent');
        }
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    await writeFileAtomic(target, data);
    writing = false;
    await reader;
    // The write takes many event-loop turns, so the reader did look while it ran.
    expect(seen.has('absent')).toBe(true);
    expect([...seen].filter((s) => s.startsWith('partial'))).toEqual([]);
    expect((await stat(target)).size).toBe(data.length);
    expect(await list()).toEqual(['big.bin']);
  });
});
