import { randomBytes } from 'node:crypto';
import { rename, rm } from 'node:fs/promises';
import path from 'node:path';

/**
 * A hidden sibling of `finalPath` keeping its extension, so ffmpeg still picks the right muxer and the
 * final rename stays on one filesystem (atomic).
 */
export function tempSibling(finalPath: string): string {
  const dir = path.dirname(finalPath);
  const ext = path.extname(finalPath);
  const base = path.basename(finalPath, ext);
  return path.join(dir, `.${base}.tmp-${randomBytes(5).toString('hex')}${ext}`);
}

export async function removeQuietly(file: string): Promise<void> {
  await rm(file, { force: true, recursive: true });
}

/** Runs `work` against a temporary sibling and renames it into place only when `work` succeeds. */
export async function writeAtomically<T>(
  finalPath: string,
  work: (tempPath: string) => Promise<T>,
): Promise<T> {
  const temp = tempSibling(finalPath);
  try {
    const result = await work(temp);
    await rename(temp, finalPath);
    return result;
  } catch (error) {
    await removeQuietly(temp);
    throw error;
  }
}
