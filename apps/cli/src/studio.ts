import { mkdirSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { AssetStore, applyMigrations, COMMITTED_MIGRATIONS_DIR, createDb, type Db } from '@ministudio/db';
import { writeFileAtomic } from '@ministudio/files';
import { createRenderRuntime, type PipelineLog, type RenderRuntime } from '@ministudio/pipeline';
import { createProviderRegistry, type ProviderRegistry } from '@ministudio/providers';

// The studio without its HTTP server: the same database (packages/db, migrated at open), content store,
// provider registry and render runtime (embedded queue and worker pool) that apps/api composes in its db
// and render plugins, opened on a data folder of the command line's own.

export interface HeadlessStudio {
  dataDir: string;
  db: Db;
  store: AssetStore;
  providers: ProviderRegistry;
  runtime: RenderRuntime;
  close(): Promise<void>;
}

export async function openStudio(options: {
  dataDir: string;
  concurrency: number;
  env: NodeJS.ProcessEnv;
  log: PipelineLog;
}): Promise<HeadlessStudio> {
  const { dataDir } = options;
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, 'ministudio.db');
  // A data folder migrated by a newer studio is refused here, before anything reads it.
  applyMigrations(file, COMMITTED_MIGRATIONS_DIR);
  const db = createDb(file);
  const store = new AssetStore(dataDir);
  const providers = createProviderRegistry({ env: options.env, dataDir, fetch: null, log: () => {} });
  const runtime = createRenderRuntime({
    db,
    store,
    dataDir,
    providers,
    concurrency: options.concurrency,
    scheduler: { retry: { baseSeconds: 2, maxSeconds: 300 } },
    engine: null,
    providerKeysOnWorkers: false,
    log: options.log,
  });
  // Requeues whatever an interrupted run left running, so the next render resumes it.
  await runtime.start();
  let closed = false;
  return {
    dataDir,
    db,
    store,
    providers,
    runtime,
    async close() {
      if (closed) return;
      closed = true;
      // Running jobs go back to the queue (not failed): the next run picks them up.
      await runtime.stop();
      await db.$disconnect();
    },
  };
}

/** Which project of the data folder holds which production (by title), kept beside the database. */
const INDEX_FILE = 'cli-projects.json';

export async function projectFor(dataDir: string, title: string): Promise<string | null> {
  const index = await readIndex(dataDir);
  return index[title] ?? null;
}

export async function rememberProject(dataDir: string, title: string, projectId: string): Promise<void> {
  const index = await readIndex(dataDir);
  index[title] = projectId;
  await writeFileAtomic(path.join(dataDir, INDEX_FILE), `${JSON.stringify(index, null, 2)}\n`);
}

async function readIndex(dataDir: string): Promise<Record<string, string>> {
  try {
    return JSON.parse(await readFile(path.join(dataDir, INDEX_FILE), 'utf8')) as Record<string, string>;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    // A damaged index only costs a re-render: start a new one rather than refuse to work.
    await writeFile(
      path.join(dataDir, `${INDEX_FILE}.damaged`),
      await readFile(path.join(dataDir, INDEX_FILE)),
    );
    return {};
  }
}
