import { mkdirSync } from 'node:fs';
import { readFile, realpath } from 'node:fs/promises';
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

/**
 * Which project of the data folder holds which production file, kept beside the database. Keyed by the
 * file's real path: two files with one title are two projects, and a renamed title keeps its project.
 * Indexes written before (a title → project map) are kept under `byTitle`; an entry there is adopted
 * once, by the first file with that title and no entry of its own, then moves to the file's path.
 */
const INDEX_FILE = 'cli-projects.json';

export interface ProductionFile {
  file: string;
  title: string;
}

interface ProjectIndex {
  version: 2;
  productions: Record<string, string>;
  byTitle: Record<string, string>;
}

/** The key of a production file: its absolute path with links resolved (the same file by any route). */
export async function productionKey(file: string): Promise<string> {
  const absolute = path.resolve(file);
  return realpath(absolute).catch(() => absolute);
}

export async function projectFor(dataDir: string, production: ProductionFile): Promise<string | null> {
  const index = await readIndex(dataDir);
  return index.productions[await productionKey(production.file)] ?? index.byTitle[production.title] ?? null;
}

export async function rememberProject(
  dataDir: string,
  production: ProductionFile,
  projectId: string,
): Promise<void> {
  const index = await readIndex(dataDir);
  index.productions[await productionKey(production.file)] = projectId;
  // Adopted: no other file may take the same project by its title.
  if (index.byTitle[production.title] === projectId) delete index.byTitle[production.title];
  await writeFileAtomic(path.join(dataDir, INDEX_FILE), `${JSON.stringify(index, null, 2)}\n`);
}

async function readIndex(dataDir: string): Promise<ProjectIndex> {
  const file = path.join(dataDir, INDEX_FILE);
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return emptyIndex();
    // A damaged index only costs a re-render: start a new one rather than refuse to work.
    await writeFileAtomic(`${file}.damaged`, await readFile(file));
    return emptyIndex();
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return emptyIndex();
  const record = parsed as Record<string, unknown>;
  if (record.version === 2) {
    return {
      version: 2,
      productions: strings(record.productions),
      byTitle: strings(record.byTitle),
    };
  }
  return { version: 2, productions: {}, byTitle: strings(record) };
}

function emptyIndex(): ProjectIndex {
  return { version: 2, productions: {}, byTitle: {} };
}

function strings(value: unknown): Record<string, string> {
  if (!value || typeof value !== 'object') return {};
  return Object.fromEntries(
    Object.entries(value).filter((e): e is [string, string] => typeof e[1] === 'string'),
  );
}
