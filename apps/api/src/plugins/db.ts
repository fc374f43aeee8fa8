import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { AssetStore, applyMigrations, COMMITTED_MIGRATIONS_DIR, createDb, type Db } from '@ministudio/db';
import { SAMPLE_PRODUCTIONS } from '@ministudio/domain';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { importProduction } from '../services/production-io';

declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
    assets: AssetStore;
    dataDir: string;
  }
}

export interface DbPluginOptions {
  dataDir: string;
  seedSamples: boolean;
}

export default fp(
  async function dbPlugin(app: FastifyInstance, options: DbPluginOptions) {
    mkdirSync(options.dataDir, { recursive: true });
    const file = path.join(options.dataDir, 'ministudio.db');
    // A database from a newer studio is refused here (UnknownMigrationsError), before anything reads it.
    const { applied } = applyMigrations(file, COMMITTED_MIGRATIONS_DIR);
    if (applied.length) app.log.info({ applied }, 'database migrations applied');
    const db = createDb(file);
    const store = new AssetStore(options.dataDir);
    app.decorate('db', db);
    app.decorate('assets', store);
    app.decorate('dataDir', options.dataDir);
    app.addHook('onClose', async () => {
      await db.$disconnect();
    });
    // A fresh database (its first migration just ran) gets the journal's two productions.
    const fresh = applied.length > 0 && applied[0] === (await firstMigration(db));
    if (fresh && options.seedSamples) {
      for (const sample of SAMPLE_PRODUCTIONS) await importProduction(db, store, sample);
      app.log.info('sample projects seeded');
    }
  },
  { name: 'db' },
);

async function firstMigration(db: Db): Promise<string | undefined> {
  const rows = await db.$queryRawUnsafe<{ migration_name: string }[]>(
    'SELECT migration_name FROM _prisma_migrations ORDER BY migration_name LIMIT 1',
  );
  return rows[0]?.migration_name;
}
