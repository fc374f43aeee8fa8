import { randomBytes } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** A hidden temp name beside the target, so the rename is atomic on the same filesystem. */
export function tempPathFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.part`);
}

/** Writes the whole buffer or nothing: a crash leaves at most a hidden .part file that we remove. */
export async function writeFileAtomic(target: string, data: Uint8Array): Promise<void> {
  const temp = tempPathFor(target);
  try {
    await writeFile(temp, data);
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
