import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createDb } from '../src/client';
import { COMMITTED_MIGRATIONS_DIR } from '../src/committed-migrations';
import { applyMigrations, MigrationFailedError, UnknownMigrationsError } from '../src/migrate';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function tempFolder(): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'ministudio-db-migrate-'));
  folders.push(folder);
  return folder;
}

/** A migrations folder as Prisma lays it out: `<name>/migration.sql`. */
function migrationsFolder(migrations: Record<string, string>): string {
  const dir = path.join(tempFolder(), 'migrations');
  for (const [name, sql] of Object.entries(migrations)) writeMigration(dir, name, sql);
  return dir;
}

function writeMigration(dir: string, name: string, sql: string): void {
  mkdirSync(path.join(dir, name), { recursive: true });
  writeFileSync(path.join(dir, name, 'migration.sql'), sql);
}

function query<T>(file: string, sql: string): T[] {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare(sql).all() as T[];
  } finally {
    db.close();
  }
}

const recorded = (file: string) =>
  query<{ migration_name: string }>(
    file,
    'SELECT migration_name FROM _prisma_migrations ORDER BY migration_name',
  ).map((row) => row.migration_name);

const tables = (file: string) =>
  query<{ name: string }>(file, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").map(
    (row) => row.name,
  );

describe('applyMigrations', () => {
  it('applies the committed migrations once: a second run applies nothing and the data stays', async () => {
    const file = path.join(tempFolder(), 'studio.db');
    const committed = readdirSync(COMMITTED_MIGRATIONS_DIR, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
    expect(committed.length).toBeGreaterThan(0);

    expect(applyMigrations(file, COMMITTED_MIGRATIONS_DIR).applied).toEqual(committed);
    const db = createDb(file);
    await db.project.create({ data: { id: 'p1', title: 'Kept across starts' } });
    await db.$disconnect();

    expect(applyMigrations(file, COMMITTED_MIGRATIONS_DIR).applied).toEqual([]);
    expect(recorded(file)).toEqual(committed);
    const again = createDb(file);
    expect(await again.project.findMany({ select: { id: true, title: true } })).toEqual([
      { id: 'p1', title: 'Kept across starts' },
    ]);
    await again.$disconnect();
    // The checksum is Prisma's (sha256 of the file), so `prisma migrate status` agrees with this runner.
    const checksums = query<{ migration_name: string; checksum: string }>(
      file,
      'SELECT migration_name, checksum FROM _prisma_migrations',
    );
    for (const { migration_name, checksum } of checksums) {
      const sql = readFileSync(path.join(COMMITTED_MIGRATIONS_DIR, migration_name, 'migration.sql'));
      expect(checksum).toBe(createHash('sha256').update(sql).digest('hex'));
    }
  });

  it('refuses a database a newer studio migrated, naming the migration it does not know, and changes nothing', () => {
    const older = migrationsFolder({
      '20260101000000_init': 'CREATE TABLE "Film" ("id" TEXT PRIMARY KEY NOT NULL, "title" TEXT NOT NULL);',
    });
    const newer = path.join(tempFolder(), 'newer');
    cpSync(older, newer, { recursive: true });
    writeMigration(
      newer,
      '20270101000000_film_rating',
      'ALTER TABLE "Film" ADD COLUMN "rating" INTEGER NOT NULL DEFAULT 0;',
    );
    const file = path.join(tempFolder(), 'studio.db');
    expect(applyMigrations(file, newer).applied).toEqual([
      '20260101000000_init',
      '20270101000000_film_rating',
    ]);
    new Database(file).exec(`INSERT INTO "Film" ("id", "title", "rating") VALUES ('f1', 'Rated', 5)`);

    // The older studio's client would write rows without the newer columns' meaning: it must not open it.
    // An older studio that also has a migration of its own not yet applied must not apply it either.
    writeMigration(older, '20260601000000_older_only', 'CREATE TABLE "OlderOnly" ("id" TEXT PRIMARY KEY);');
    let refusal: unknown;
    try {
      applyMigrations(file, older);
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(UnknownMigrationsError);
    expect((refusal as UnknownMigrationsError).unknown).toEqual(['20270101000000_film_rating']);
    expect((refusal as Error).message).toContain('20270101000000_film_rating');
    expect((refusal as Error).message).toContain('newer MiniStudio');
    expect(recorded(file)).toEqual(['20260101000000_init', '20270101000000_film_rating']);
    expect(tables(file)).not.toContain('OlderOnly');
    expect(query(file, 'SELECT * FROM "Film"')).toEqual([{ id: 'f1', title: 'Rated', rating: 5 }]);
  });

  it('rolls back a migration that fails midway and does not record it; once fixed, it applies', () => {
    const dir = migrationsFolder({
      '20260101000000_first': 'CREATE TABLE "First" ("id" TEXT PRIMARY KEY);',
      // The first statement works, the second fails: neither may stay.
      '20260102000000_broken':
        'CREATE TABLE "Second" ("id" TEXT PRIMARY KEY);\nINSERT INTO "DoesNotExist" ("id") VALUES (\'x\');',
      '20260103000000_after': 'CREATE TABLE "Third" ("id" TEXT PRIMARY KEY);',
    });
    const file = path.join(tempFolder(), 'studio.db');
    let failure: unknown;
    try {
      applyMigrations(file, dir);
    } catch (error) {
      failure = error;
    }
    expect(failure).toBeInstanceOf(MigrationFailedError);
    expect((failure as MigrationFailedError).migration).toBe('20260102000000_broken');
    expect((failure as Error).message).toContain('DoesNotExist');
    expect(recorded(file)).toEqual(['20260101000000_first']);
    expect(tables(file)).toContain('First');
    expect(tables(file)).not.toContain('Second');
    expect(tables(file)).not.toContain('Third');

    writeMigration(dir, '20260102000000_broken', 'CREATE TABLE "Second" ("id" TEXT PRIMARY KEY);');
    expect(applyMigrations(file, dir).applied).toEqual(['20260102000000_broken', '20260103000000_after']);
    expect(tables(file)).toEqual(expect.arrayContaining(['First', 'Second', 'Third']));
  });

  it('keeps the children of a table Prisma redefines (copy, drop, rename) instead of cascading the drop', () => {
    const dir = migrationsFolder({
      '20260101000000_init': `
CREATE TABLE "Project" ("id" TEXT PRIMARY KEY NOT NULL, "title" TEXT NOT NULL);
CREATE TABLE "Scene" (
  "id" TEXT PRIMARY KEY NOT NULL, "projectId" TEXT NOT NULL,
  CONSTRAINT "Scene_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project" ("id") ON DELETE CASCADE
);`,
    });
    const file = path.join(tempFolder(), 'studio.db');
    applyMigrations(file, dir);
    new Database(file).exec(
      `INSERT INTO "Project" VALUES ('p1', 'Film'); INSERT INTO "Scene" VALUES ('s1', 'p1');`,
    );
    // What `prisma migrate dev` writes for SQLite when a table must be rebuilt (its RedefineTables steps).
    // Its PRAGMA lines do nothing inside the runner's transaction; the runner has to switch the keys off.
    writeMigration(
      dir,
      '20260102000000_redefine_project',
      `
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Project" ("id" TEXT PRIMARY KEY NOT NULL, "title" TEXT NOT NULL, "fps" INTEGER NOT NULL DEFAULT 24);
INSERT INTO "new_Project" ("id", "title") SELECT "id", "title" FROM "Project";
DROP TABLE "Project";
ALTER TABLE "new_Project" RENAME TO "Project";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;`,
    );

    expect(applyMigrations(file, dir).applied).toEqual(['20260102000000_redefine_project']);
    expect(query(file, 'SELECT * FROM "Project"')).toEqual([{ id: 'p1', title: 'Film', fps: 24 }]);
    expect(query(file, 'SELECT * FROM "Scene"')).toEqual([{ id: 's1', projectId: 'p1' }]);
  });

  it('refuses a migration that leaves rows pointing nowhere, and keeps the rows it would have orphaned', () => {
    const init = `
CREATE TABLE "Project" ("id" TEXT PRIMARY KEY NOT NULL);
CREATE TABLE "Scene" (
  "id" TEXT PRIMARY KEY NOT NULL, "projectId" TEXT NOT NULL,
  CONSTRAINT "Scene_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project" ("id") ON DELETE CASCADE
);`;
    const dir = migrationsFolder({ '20260101000000_init': init });
    const file = path.join(tempFolder(), 'studio.db');
    applyMigrations(file, dir);
    new Database(file).exec(`INSERT INTO "Project" VALUES ('p1'); INSERT INTO "Scene" VALUES ('s1', 'p1');`);
    writeMigration(dir, '20260102000000_lose_projects', 'DELETE FROM "Project";');

    expect(() => applyMigrations(file, dir)).toThrow(/20260102000000_lose_projects.*foreign key/);
    expect(recorded(file)).toEqual(['20260101000000_init']);
    expect(query(file, 'SELECT * FROM "Project"')).toEqual([{ id: 'p1' }]);
  });

  it('says which folder is missing when there is no migrations folder', () => {
    const missing = path.join(tempFolder(), 'no-such-folder');
    expect(() => applyMigrations(path.join(tempFolder(), 'studio.db'), missing)).toThrow(missing);
  });
});
