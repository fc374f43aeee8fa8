import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { applyMigrations, COMMITTED_MIGRATIONS_DIR, createDb, type Db } from '@ministudio/db';
import { afterAll, beforeAll } from 'vitest';

/** A migrated SQLite database in a temporary folder, with one project to hang jobs on. */
export function useDatabase(): { db: Db; dir: string; projectId: string } {
  const ctx = { projectId: 'p1' } as { db: Db; dir: string; projectId: string };
  beforeAll(async () => {
    ctx.dir = mkdtempSync(path.join(tmpdir(), 'ministudio-pipeline-'));
    const file = path.join(ctx.dir, 'test.db');
    applyMigrations(file, COMMITTED_MIGRATIONS_DIR);
    ctx.db = createDb(file);
    await ctx.db.project.create({ data: { id: ctx.projectId, title: 'Queue test' } });
  });
  afterAll(async () => {
    await ctx.db?.$disconnect();
    rmSync(ctx.dir, { recursive: true, force: true });
  });
  return ctx;
}

export async function until(
  check: () => Promise<boolean> | boolean,
  timeoutMs = 10_000,
  stepMs = 20,
): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, stepMs));
  }
  throw new Error('condition not met in time');
}
