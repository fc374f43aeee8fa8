import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

const TEMP_MARK = '.tmp-';
const TEMP_NAME = /^\..*\.tmp-[0-9a-f]{10}(\.[^.]+)?$/;

/**
 * A hidden sibling of `target` that keeps its extension: ffmpeg still picks the muxer from the name, and the
 * final rename stays on one filesystem, so it is atomic.
 */
export function tempPathFor(target: string): string {
  const ext = path.extname(target);
  const base = path.basename(target, ext);
  return path.join(path.dirname(target), `.${base}${TEMP_MARK}${randomBytes(5).toString('hex')}${ext}`);
}

/** Whether a file name (or path) is one `tempPathFor` makes: what a crash sweep may delete. */
export function isTempPath(file: string): boolean {
  return TEMP_NAME.test(path.basename(file));
}

/** Removes a file or folder; one that is not there is not an error. */
export async function removeQuietly(file: string): Promise<void> {
  await rm(file, { force: true, recursive: true });
}

/**
 * For producers that learn the final name only from what they wrote (a download's extension comes from its
 * bytes): `draft` names the temporary file, `work` fills it and says where it goes. The folder is created when
 * missing. On success the file is renamed there; on any failure (of `work` or of the rename) the temporary file
 * is removed.
 */
export async function writeNamedAtomically<T>(
  draft: string,
  work: (tempPath: string) => Promise<{ target: string; result: T }>,
): Promise<T> {
  const temp = tempPathFor(draft);
  await mkdir(path.dirname(temp), { recursive: true });
  try {
    const { target, result } = await work(temp);
    await rename(temp, target);
    return result;
  } catch (error) {
    await removeQuietly(temp);
    throw error;
  }
}

/**
 * Runs `work` against a temporary sibling of `target` (writing it by path, by stream or with a child process)
 * and renames it into place only when `work` succeeds: readers see the whole file or none.
 */
export function writeAtomically<T>(target: string, work: (tempPath: string) => Promise<T>): Promise<T> {
  return writeNamedAtomically(target, async (temp) => ({ target, result: await work(temp) }));
}

/** Writes the whole of `data` to `target` or nothing. */
export async function writeFileAtomic(target: string, data: Uint8Array | string): Promise<void> {
  await writeAtomically(target, (temp) => writeFile(temp, data));
}
