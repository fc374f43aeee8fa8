import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { AccountError, createAccountsRepository, isRole, type Role } from '@ministudio/accounts';
import {
  applyMigrations,
  BackupError,
  type BackupProgress,
  backupStudio,
  COMMITTED_MIGRATIONS_DIR,
  createDb,
  DATABASE_FILE,
  restoreStudio,
} from '@ministudio/db';
import { CliError, type Output } from '../output';

// Work on a studio's data folder itself (not through its HTTP API): making accounts before the studio
// may listen beyond loopback, and backups. Both are safe while the studio runs: SQLite serialises the
// account write, and a backup reads through SQLite's online backup API.

/** Reads the password from MINISTUDIO_PASSWORD or from stdin (never from the command line: shell history). */
async function readPassword(env: NodeJS.ProcessEnv): Promise<string> {
  const fromEnv = env.MINISTUDIO_PASSWORD;
  if (fromEnv) return fromEnv;
  if (process.stdin.isTTY) {
    throw new CliError(
      'Give the password on stdin (e.g. `read -s PW; printf %s "$PW" | ministudio user add …`) or in MINISTUDIO_PASSWORD.',
      {},
      2,
    );
  }
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

export async function addUser(
  options: { dataDir: string; name: string; role: Role; env: NodeJS.ProcessEnv },
  out: Output,
): Promise<void> {
  if (!isRole(options.role))
    throw new CliError(`--role must be owner, editor or viewer, not "${options.role}"`, {}, 2);
  const password = await readPassword(options.env);
  const file = path.join(options.dataDir, DATABASE_FILE);
  // A fresh folder becomes a studio's: the owner can be made before the studio first starts.
  mkdirSync(options.dataDir, { recursive: true });
  applyMigrations(file, COMMITTED_MIGRATIONS_DIR);
  const db = createDb(file);
  try {
    const accounts = createAccountsRepository(db);
    const first = (await accounts.countUsers()) === 0;
    if (first && options.role !== 'owner') {
      throw new CliError('The first account must be an owner: ministudio user add --owner NAME', {}, 2);
    }
    const user = await accounts.createUser({ name: options.name, password, role: options.role });
    out.result(`made ${user.role} "${user.name}" in ${options.dataDir}`, {
      ...user,
      dataDir: options.dataDir,
    });
  } catch (error) {
    if (error instanceof AccountError) throw new CliError(error.message, { code: error.code });
    throw error;
  } finally {
    await db.$disconnect();
  }
}

function progressLine(out: Output) {
  let lastShown = 0;
  return (p: BackupProgress) => {
    if (p.phase === 'database') {
      if (p.done === 0) out.progress('database: copying (online backup)');
      return;
    }
    const percent = p.total ? Math.floor((p.done / p.total) * 100) : 100;
    if (percent >= lastShown + 10 || p.done === p.total) {
      lastShown = percent;
      out.progress(`media: ${p.done}/${p.total} files (${percent}%)`);
    }
  };
}

export async function backup(options: { dataDir: string; target: string }, out: Output): Promise<void> {
  try {
    const result = await backupStudio(options.dataDir, options.target, progressLine(out));
    const missing = result.missingMedia.length
      ? `; ${result.missingMedia.length} file(s) were deleted by the studio while copying and are not in it`
      : '';
    out.result(
      `backed up ${options.dataDir} to ${options.target}: ${result.copiedMedia} media files copied, ${result.reusedMedia} already there${missing}. Provider keys (providers.json) are not included.`,
      { ...result, dataDir: options.dataDir, target: options.target },
    );
  } catch (error) {
    if (error instanceof BackupError) throw new CliError(error.message, { code: 'backup_failed' });
    throw error;
  }
}

export async function restore(options: { source: string; dataDir: string }, out: Output): Promise<void> {
  try {
    const result = await restoreStudio(options.source, options.dataDir, progressLine(out));
    out.result(
      `restored ${options.source} into ${options.dataDir} (${result.copiedMedia} media files). Start the studio with MINISTUDIO_DATA=${options.dataDir}.`,
      { ...result, source: options.source, dataDir: options.dataDir },
    );
  } catch (error) {
    if (error instanceof BackupError) throw new CliError(error.message, { code: 'restore_failed' });
    throw error;
  }
}
