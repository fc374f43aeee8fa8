import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { removeQuietly, writeFileAtomic } from '@ministudio/files';

// A running picture job's latest frame, as a small JPEG, lives at one path per job under the data folder
// (written by the embedded engine, or by the studio for a remote worker) until the job ends.

export const PREVIEW_MAX_BYTES = 512 * 1024;

export function previewDirOf(dataDir: string): string {
  return path.join(dataDir, 'previews');
}

function previewPathOf(previewDir: string, jobId: string): string {
  return path.join(previewDir, `${jobId}.jpg`);
}

/** JPEG files start with the SOI marker followed by another marker. */
export function isJpeg(bytes: Uint8Array): boolean {
  return bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
}

export async function writeJobPreview(previewDir: string, jobId: string, jpeg: Uint8Array): Promise<void> {
  await writeFileAtomic(previewPathOf(previewDir, jobId), jpeg);
}

export async function readJobPreview(previewDir: string, jobId: string): Promise<Buffer | null> {
  try {
    return await readFile(previewPathOf(previewDir, jobId));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

export async function removeJobPreview(previewDir: string, jobId: string): Promise<void> {
  await removeQuietly(previewPathOf(previewDir, jobId));
}
