import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { isTempPath, writeFileAtomic } from '@ministudio/files';

/**
 * Files stored by content hash under `<dataDir>/media/ab/abcdef...`. The same bytes are stored once,
 * whichever projects use them. Every write goes to a temporary name and is renamed into place, so a
 * crash never leaves a half file under a hash name.
 */
export class AssetStore {
  readonly root: string;
  constructor(dataDir: string) {
    this.root = path.join(dataDir, 'media');
  }

  relativePath(sha256: string): string {
    return path.join(sha256.slice(0, 2), sha256);
  }

  pathOf(sha256: string): string {
    return path.join(this.root, this.relativePath(sha256));
  }

  async put(bytes: Buffer): Promise<{ sha256: string; bytes: number }> {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const target = this.pathOf(sha256);
    if (!(await exists(target))) {
      await writeFileAtomic(target, bytes);
    }
    return { sha256, bytes: bytes.length };
  }

  /** Moves a finished file (on the same disk, e.g. a job's work folder) into the store. */
  async adopt(file: string): Promise<{ sha256: string; bytes: number }> {
    const sha256 = await sha256OfFile(file);
    const { size } = await stat(file);
    const target = this.pathOf(sha256);
    if (await exists(target)) {
      await rm(file, { force: true });
    } else {
      await mkdir(path.dirname(target), { recursive: true });
      await rename(file, target);
    }
    return { sha256, bytes: size };
  }

  /** Removes temporary files left by a crash in the middle of a write. */
  async sweepTemporaryFiles(): Promise<number> {
    let removed = 0;
    let folders: string[];
    try {
      folders = await readdir(this.root);
    } catch {
      return 0;
    }
    for (const folder of folders) {
      const dir = path.join(this.root, folder);
      const entries = await readdir(dir).catch(() => [] as string[]);
      for (const entry of entries) {
        // `.tmp` endings are the temporary names this store used before @ministudio/files.
        if (isTempPath(entry) || entry.endsWith('.tmp')) {
          await rm(path.join(dir, entry), { force: true });
          removed++;
        }
      }
    }
    return removed;
  }

  async remove(sha256: string): Promise<void> {
    await rm(this.pathOf(sha256), { force: true });
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}

export async function sha256OfFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
