import { createHash, randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

export interface MigrationResult {
  applied: string[];
}

/**
 * The database was migrated by a newer studio: it has migrations this one does not know. Opening it
 * anyway would read and write tables whose shape this studio's client does not expect.
 */
export class UnknownMigrationsError extends Error {
  readonly code = 'unknown_migrations';
  constructor(
    readonly databaseFile: string,
    readonly unknown: string[],
  ) {
    super(
      `${databaseFile} was migrated by a newer MiniStudio: it has ${unknown.length === 1 ? 'migration' : 'migrations'} ` +
        `${unknown.join(', ')}, which this version does not know. It was left untouched; open it with that ` +
        'newer version (or update this one).',
    );
    this.name = 'UnknownMigrationsError';
  }
}

export class MigrationFailedError extends Error {
  readonly code = 'migration_failed';
  constructor(
    readonly migration: string,
    cause: unknown,
  ) {
    super(
      `Migration ${migration} failed and was rolled back (nothing of it was applied): ${
        cause instanceof Error ? cause.message : String(cause)
      }`,
      { cause },
    );
    this.name = 'MigrationFailedError';
  }
}

/**
 * Applies the migrations in `migrationsDir` (one folder per migration, `<name>/migration.sql`, in
 * name order) that the database has not seen yet. The caller says where they are: the studio's own
 * are `COMMITTED_MIGRATIONS_DIR`.
 *
 * Why not `prisma migrate deploy`: spawning the CLI costs seconds at every start and every test
 * database. This writes the same `_prisma_migrations` bookkeeping (name, sha256 checksum) so the
 * Prisma CLI (`migrate status`, `migrate dev`) agrees with what ran here.
 *
 * Refuses (UnknownMigrationsError, before changing anything) a database that has a migration this
 * folder lacks: a newer studio made it. A migration that fails is rolled back whole and not recorded
 * (MigrationFailedError); the ones before it stay applied.
 */
export function applyMigrations(databaseFile: string, migrationsDir: string): MigrationResult {
  const names = migrationNames(migrationsDir);
  const db = new Database(databaseFile);
  try {
    db.pragma('journal_mode = WAL');
    db.exec(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
      "id" TEXT PRIMARY KEY NOT NULL,
      "checksum" TEXT NOT NULL,
      "finished_at" DATETIME,
      "migration_name" TEXT NOT NULL,
      "logs" TEXT,
      "rolled_back_at" DATETIME,
      "started_at" DATETIME NOT NULL DEFAULT current_timestamp,
      "applied_steps_count" INTEGER UNSIGNED NOT NULL DEFAULT 0
    )`);
    const done = new Set(
      db
        .prepare(
          'SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
        )
        .all()
        .map((row) => (row as { migration_name: string }).migration_name),
    );
    const known = new Set(names);
    const unknown = [...done].filter((name) => !known.has(name)).sort();
    if (unknown.length) throw new UnknownMigrationsError(databaseFile, unknown);

    const applied: string[] = [];
    for (const name of names) {
      if (done.has(name)) continue;
      applyOne(db, name, readFileSync(path.join(migrationsDir, name, 'migration.sql'), 'utf8'));
      applied.push(name);
    }
    return { applied };
  } finally {
    db.close();
  }
}

function migrationNames(migrationsDir: string): string[] {
  let entries: import('node:fs').Dirent[];
  try {
    entries = readdirSync(migrationsDir, { withFileTypes: true });
  } catch (error) {
    throw new Error(`No migrations folder at ${migrationsDir}`, { cause: error });
  }
  return entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

function applyOne(db: Database.Database, name: string, sql: string): void {
  const checksum = createHash('sha256').update(sql).digest('hex');
  // Prisma redefines a SQLite table by copying it and dropping the old one, between
  // `PRAGMA foreign_keys=OFF/ON`. Those pragmas do nothing inside a transaction, and with the keys on,
  // dropping a parent table deletes its children through ON DELETE CASCADE. So the keys are switched
  // off around the transaction, and checked (foreign_key_check) before it commits instead.
  db.pragma('foreign_keys = OFF');
  try {
    // One transaction per migration: a failure or a crash midway leaves the database as it was before it.
    db.transaction(() => {
      db.exec(sql);
      const broken = db.pragma('foreign_key_check') as { table: string; parent: string }[];
      if (broken.length) {
        const first = broken[0]!;
        throw new Error(
          `it leaves ${broken.length} row(s) whose foreign key points nowhere (first: ${first.table} -> ${first.parent})`,
        );
      }
      db.prepare(
        `INSERT INTO _prisma_migrations (id, checksum, finished_at, migration_name, applied_steps_count)
         VALUES (?, ?, current_timestamp, ?, 1)`,
      ).run(randomUUID(), checksum, name);
    })();
  } catch (error) {
    throw new MigrationFailedError(name, error);
  } finally {
    db.pragma('foreign_keys = ON');
  }
}
