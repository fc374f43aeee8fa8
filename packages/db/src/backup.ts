import { copyFile, mkdir, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { isTempPath, tempPathFor, writeFileAtomic } from '@ministudio/files';
import Database from 'better-sqlite3';
import { AssetStore } from './asset-store';

// Backups of a running studio. The database is copied with SQLite's online backup API (a consistent
// snapshot while the studio keeps writing), then the media the snapshot refers to are copied by content
// hash, skipping those the backup folder already holds: the second backup of a studio copies only what
// is new. The manifest is written last, so a folder without one is an unfinished backup.
// Provider keys (providers.json) are not copied: a backup folder is easy to hand around, keys are not.
// Besides the database and media, the folders of KEPT_FOLDERS hold decisions people made that live on disk
// (drift findings dismissed as intended); caches that can be rebuilt from the takes are left out.

const KEPT_FOLDERS = ['drift/dismissals'];

export const DATABASE_FILE = 'ministudio.db';
export const BACKUP_MANIFEST = 'ministudio-backup.json';

export interface BackupManifest {
  format: 'ministudio/backup';
  version: 1;
  createdAt: string;
  database: string;
  /** Content hashes of every media file the database refers to. */
  media: string[];
  /** Other files kept (paths relative to the data folder, from KEPT_FOLDERS). */
  files?: string[];
}

export interface BackupProgress {
  phase: 'database' | 'media';
  done: number;
  total: number;
}

export interface BackupResult {
  copiedMedia: number;
  reusedMedia: number;
  copiedBytes: number;
  /** Referred to by the snapshot but gone from the store (deleted in between): not in the backup. */
  missingMedia: string[];
}

export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupError';
  }
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

/** Copies a file to a temporary name beside the target, then renames it into place. */
async function copyAtomic(from: string, to: string): Promise<void> {
  await mkdir(path.dirname(to), { recursive: true });
  const temp = tempPathFor(to);
  try {
    await copyFile(from, temp);
    await rename(temp, to);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

function referencedMedia(databaseFile: string): string[] {
  const db = new Database(databaseFile, { readonly: true, fileMustExist: true });
  try {
    const rows = db.prepare('SELECT DISTINCT sha256 FROM "Asset"').all() as { sha256: string }[];
    return rows.map((r) => r.sha256).sort();
  } finally {
    db.close();
  }
}

async function copyMedia(
  hashes: string[],
  from: AssetStore,
  to: AssetStore,
  onProgress: ((p: BackupProgress) => void) | null,
): Promise<BackupResult> {
  const result: BackupResult = { copiedMedia: 0, reusedMedia: 0, copiedBytes: 0, missingMedia: [] };
  for (const [index, hash] of hashes.entries()) {
    const target = to.pathOf(hash);
    if (await exists(target)) {
      result.reusedMedia++;
    } else {
      const source = from.pathOf(hash);
      if (await exists(source)) {
        await copyAtomic(source, target);
        result.copiedMedia++;
        result.copiedBytes += (await stat(target)).size;
      } else {
        result.missingMedia.push(hash);
      }
    }
    onProgress?.({ phase: 'media', done: index + 1, total: hashes.length });
  }
  return result;
}

/** Backs up the studio in `dataDir` into `targetDir` (made if missing; an earlier backup there is updated). */
export async function backupStudio(
  dataDir: string,
  targetDir: string,
  onProgress: ((p: BackupProgress) => void) | null = null,
): Promise<BackupResult> {
  const source = path.join(dataDir, DATABASE_FILE);
  if (!(await exists(source))) throw new BackupError(`No studio database at ${source}.`);
  await mkdir(targetDir, { recursive: true });
  await sweepTemporaryFiles(targetDir);
  const target = path.join(targetDir, DATABASE_FILE);
  const temp = tempPathFor(target);
  onProgress?.({ phase: 'database', done: 0, total: 1 });
  const db = new Database(source, { readonly: true, fileMustExist: true });
  try {
    await db.backup(temp);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  } finally {
    db.close();
  }
  await rename(temp, target);
  onProgress?.({ phase: 'database', done: 1, total: 1 });
  const media = referencedMedia(target);
  const result = await copyMedia(media, new AssetStore(dataDir), new AssetStore(targetDir), onProgress);
  const files = await copyKeptFiles(dataDir, targetDir);
  const manifest: BackupManifest = {
    format: 'ministudio/backup',
    version: 1,
    createdAt: new Date().toISOString(),
    database: DATABASE_FILE,
    media: media.filter((h) => !result.missingMedia.includes(h)),
    files,
  };
  await writeFileAtomic(path.join(targetDir, BACKUP_MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
  return result;
}

async function readManifest(backupDir: string): Promise<BackupManifest> {
  const file = path.join(backupDir, BACKUP_MANIFEST);
  let parsed: Partial<BackupManifest>;
  try {
    parsed = JSON.parse(await readFile(file, 'utf8')) as Partial<BackupManifest>;
  } catch {
    throw new BackupError(
      `${backupDir} is not a finished MiniStudio backup (no readable ${BACKUP_MANIFEST}).`,
    );
  }
  if (parsed.format !== 'ministudio/backup' || parsed.version !== 1 || !Array.isArray(parsed.media)) {
    throw new BackupError(`${file} is not a MiniStudio backup manifest this version can read.`);
  }
  return parsed as BackupManifest;
}

/** Restores a backup into `dataDir`, which must not hold a studio yet (start the studio on it after). */
export async function restoreStudio(
  backupDir: string,
  dataDir: string,
  onProgress: ((p: BackupProgress) => void) | null = null,
): Promise<BackupResult> {
  const manifest = await readManifest(backupDir);
  const target = path.join(dataDir, DATABASE_FILE);
  if (await exists(target)) {
    throw new BackupError(`${dataDir} already holds a studio: restore into an empty folder.`);
  }
  await mkdir(dataDir, { recursive: true });
  const result = await copyMedia(
    manifest.media,
    new AssetStore(backupDir),
    new AssetStore(dataDir),
    onProgress,
  );
  if (result.missingMedia.length) {
    throw new BackupError(
      `The backup is incomplete: ${result.missingMedia.length} media file(s) listed in its manifest are missing.`,
    );
  }
  for (const file of manifest.files ?? [])
    await copyAtomic(path.join(backupDir, file), path.join(dataDir, file));
  // The database last: until it is in place, the folder is not a studio and a retry starts over cleanly.
  onProgress?.({ phase: 'database', done: 0, total: 1 });
  await copyAtomic(path.join(backupDir, manifest.database), target);
  onProgress?.({ phase: 'database', done: 1, total: 1 });
  return result;
}

/** Copies the files of KEPT_FOLDERS; answers their paths relative to the data folder. */
async function copyKeptFiles(dataDir: string, targetDir: string): Promise<string[]> {
  const copied: string[] = [];
  for (const folder of KEPT_FOLDERS) {
    const entries = await readdir(path.join(dataDir, folder), { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      if (!entry.isFile() || isTempPath(entry.name)) continue;
      const relative = path.join(folder, entry.name);
      await copyAtomic(path.join(dataDir, relative), path.join(targetDir, relative));
      copied.push(relative);
    }
  }
  return copied;
}

/** Removes temporary files a killed backup left in its folder; their final names were never written. */
async function sweepTemporaryFiles(dir: string): Promise<void> {
  for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) await sweepTemporaryFiles(full);
    else if (isTempPath(entry.name)) await rm(full, { force: true });
  }
}
