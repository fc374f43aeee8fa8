import { createHash, randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

export const MIGRATIONS_DIR = path.resolve(import.meta.dirname, '../../../prisma/migrations');

export interface MigrationResult {
  applied: string[];
}

/**
 * Applies committed Prisma migrations that the database has not seen yet.
 *
 * Why not `prisma migrate deploy`: spawning the CLI costs seconds at every start and every test
 * database. This writes the same `_prisma_migrations` bookkeeping (name, sha256 checksum) so the
 * Prisma CLI (`migrate status`, `migrate dev`) agrees with what ran here.
 */
export function applyMigrations(databaseFile: string, migrationsDir = MIGRATIONS_DIR): MigrationResult {
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
    const names = readdirSync(migrationsDir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
    const applied: string[] = [];
    for (const name of names) {
      if (done.has(name)) continue;
      const sql = readFileSync(path.join(migrationsDir, name, 'migration.sql'), 'utf8');
      const checksum = createHash('sha256').update(sql).digest('hex');
      // One transaction per migration: a crash midway leaves the database as it was before it.
      db.transaction(() => {
        db.exec(sql);
        db.prepare(
          `INSERT INTO _prisma_migrations (id, checksum, finished_at, migration_name, applied_steps_count)
           VALUES (?, ?, current_timestamp, ?, 1)`,
        ).run(randomUUID(), checksum, name);
      })();
      applied.push(name);
    }
    return { applied };
  } finally {
    db.close();
  }
}
