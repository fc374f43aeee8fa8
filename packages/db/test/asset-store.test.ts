import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  watch,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AssetStore, sha256OfFile } from '../src/asset-store';
import { tornWriteBytes } from './torn-write-bytes';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function dataFolder(): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'ministudio-db-assets-'));
  folders.push(folder);
  return folder;
}

/** Every file under a folder, relative to it. */
function filesUnder(root: string): string[] {
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((entry) => statSync(path.join(root, entry)).isFile())
    .sort();
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/**
 * Starts a process that puts `bytes` (tornWriteBytes()) into a store on `dataDir` and SIGKILLs it as
 * soon as the first file of the write appears anywhere under the data folder, whatever its name.
 */
async function killMidPut(store: AssetStore, dataDir: string, bytes: Buffer): Promise<string> {
  // The address's folder exists beforehand, so the watch is on it before the write starts.
  mkdirSync(path.dirname(store.pathOf(sha256(bytes))), { recursive: true });
  let debris: string | null = null;
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(import.meta.dirname, 'put-until-killed.ts'), dataDir],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let output = '';
  child.stdout.on('data', (chunk) => {
    output += String(chunk);
  });
  const exited = new Promise<NodeJS.Signals | null>((resolve) =>
    child.once('exit', (_code, signal) => resolve(signal)),
  );
  const watcher = watch(dataDir, { recursive: true }, (_event, name) => {
    if (debris || !name) return;
    const full = path.join(dataDir, name);
    try {
      if (!statSync(full).isFile()) return;
    } catch {
      return; // gone already
    }
    debris = full;
    child.kill('SIGKILL');
  });
  try {
    const signal = await exited;
    expect(output, 'the put finished before it could be killed').not.toContain('finished');
    expect(signal).toBe('SIGKILL');
  } finally {
    watcher.close();
  }
  expect(debris, 'no file of the write appeared').not.toBeNull();
  return debris!;
}

describe('AssetStore', () => {
  it('stores bytes under their sha256, and the stored file hashes to it', async () => {
    const store = new AssetStore(dataFolder());
    const bytes = Buffer.from('a frame of the animatic');
    const stored = await store.put(bytes);
    expect(stored).toEqual({ sha256: sha256(bytes), bytes: bytes.length });
    const file = store.pathOf(stored.sha256);
    expect(file).toBe(path.join(store.root, stored.sha256.slice(0, 2), stored.sha256));
    expect(readFileSync(file)).toEqual(bytes);
    expect(await sha256OfFile(file)).toBe(stored.sha256);
  });

  it('stores the same bytes once: a second put writes nothing and returns the same address', async () => {
    const store = new AssetStore(dataFolder());
    const bytes = Buffer.from('the same take twice');
    const first = await store.put(bytes);
    const before = statSync(store.pathOf(first.sha256));
    const second = await store.put(Buffer.from(bytes));
    expect(second).toEqual(first);
    const after = statSync(store.pathOf(first.sha256));
    expect([after.ino, after.mtimeMs]).toEqual([before.ino, before.mtimeMs]);
    expect(filesUnder(store.root)).toEqual([store.relativePath(first.sha256)]);
  });

  it('adopts a finished file once: bytes already stored are kept and the duplicate is removed', async () => {
    const dataDir = dataFolder();
    const store = new AssetStore(dataDir);
    const bytes = Buffer.from('a rendered clip');
    const stored = await store.put(bytes);
    const duplicate = path.join(dataDir, 'work-copy.mp4');
    writeFileSync(duplicate, bytes);
    expect(await store.adopt(duplicate)).toEqual(stored);
    expect(existsSync(duplicate)).toBe(false);
    expect(filesUnder(store.root)).toEqual([store.relativePath(stored.sha256)]);
  });

  it('after a crash in the middle of a put, no half file sits at the address and the sweep removes the debris', async () => {
    const dataDir = dataFolder();
    const store = new AssetStore(dataDir);
    const kept = await store.put(Buffer.from('finished before the crash'));

    const bytes = tornWriteBytes();
    const address = sha256(bytes);
    const debris = await killMidPut(store, dataDir, bytes);
    expect(debris).not.toBe(store.pathOf(address));
    expect(existsSync(store.pathOf(address))).toBe(false);
    expect(statSync(debris).size).toBeLessThan(bytes.length);

    expect(await store.sweepTemporaryFiles()).toBeGreaterThanOrEqual(1);
    expect(existsSync(debris)).toBe(false);
    expect(filesUnder(store.root)).toEqual([store.relativePath(kept.sha256)]);
    expect(readFileSync(store.pathOf(kept.sha256), 'utf8')).toBe('finished before the crash');

    // The same bytes put again after the restart land whole under their address.
    expect((await store.put(bytes)).sha256).toBe(address);
    expect(statSync(store.pathOf(address)).size).toBe(bytes.length);
    expect(await sha256OfFile(store.pathOf(address))).toBe(address);
  }, 60_000);

  it('sweeps nothing from a store that was never written', async () => {
    expect(await new AssetStore(dataFolder()).sweepTemporaryFiles()).toBe(0);
  });
});
