import { createHash, randomBytes } from 'node:crypto';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';

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
      await writeAtomic(target, bytes);
    }
    return { sha256, bytes: bytes.length };
  }

  async remove(sha256: string): Promise<void> {
    await rm(this.pathOf(sha256), { force: true });
  }
}

export async function writeAtomic(target: string, bytes: Buffer | string): Promise<void> {
  await mkdir(path.dirname(target), { recursive: true });
  const temp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await writeFile(temp, bytes);
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
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
