import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { AssetStore, applyMigrations, COMMITTED_MIGRATIONS_DIR, createDb } from '@ministudio/db';
import type { ProviderRegistry } from '@ministudio/providers';
import { createLocalIO, type JobKind, type JobRecord, runJobKind } from '../../src/index';

/**
 * A studio data folder (migrated SQLite database, content-addressed store) with one project, and a way to
 * run one job in it as the embedded engine does: the job's own work folder and local IO, then the same
 * handler (runJobKind). No scheduler or queue: a benchmark of the jobs themselves.
 */
export async function createDataFolder(dataDir: string, providers: ProviderRegistry) {
  const file = path.join(dataDir, 'studio.db');
  applyMigrations(file, COMMITTED_MIGRATIONS_DIR);
  const db = createDb(file);
  const store = new AssetStore(dataDir);
  const projectId = randomUUID();
  await db.project.create({ data: { id: projectId, title: 'Benchmark' } });
  const workRoot = path.join(dataDir, 'tmp');

  /** Runs a job whose dependencies have finished; returns it finished, to be a later job's dependency. */
  async function runJob(kind: JobKind, payload: unknown, deps: JobRecord[] = []): Promise<JobRecord> {
    const now = new Date().toISOString();
    const job: JobRecord = {
      id: randomUUID(),
      projectId,
      shotId: null,
      takeId: null,
      kind,
      status: 'running',
      progress: 0,
      progressEstimated: false,
      attempts: 1,
      maxAttempts: 1,
      error: null,
      payload,
      result: null,
      dependsOn: deps.map((d) => d.id),
      runAfter: now,
      createdAt: now,
      startedAt: now,
      finishedAt: null,
    };
    const { io, dispose } = await createLocalIO(db, store, projectId, workRoot, job.id);
    try {
      const signal = new AbortController().signal;
      const context = { io, signal, onProgress: () => undefined, providers, deps, onWorker: false };
      const result = await runJobKind(job, context);
      return { ...job, status: 'succeeded', progress: 1, result, finishedAt: new Date().toISOString() };
    } finally {
      await dispose();
    }
  }

  return { runJob, close: () => db.$disconnect() };
}
