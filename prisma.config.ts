// Prisma CLI configuration (migrate dev / diff / status). The studio itself never runs the CLI:
// it applies committed migrations at start (packages/db/src/migrate.ts).
import path from 'node:path';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import type { SqlDriverAdapter } from '@prisma/driver-adapter-utils';
import { defineConfig } from 'prisma/config';

const dataDir = process.env.MINISTUDIO_DATA ?? path.join(import.meta.dirname, 'data');

// Prisma's wasm schema engine replays whole multi-statement migration files through executeRaw,
// which better-sqlite3's prepare() rejects; route parameterless raw calls to executeScript instead.
function scriptAware(adapter: SqlDriverAdapter): SqlDriverAdapter {
  const executeRaw = adapter.executeRaw.bind(adapter);
  adapter.executeRaw = async (query) => {
    if (query.args.length === 0 && query.sql.includes(';')) {
      await adapter.executeScript(query.sql);
      return 0;
    }
    return executeRaw(query);
  };
  return adapter;
}

class MigratingSQLite extends PrismaBetterSQLite3 {
  override async connect() {
    return scriptAware(await super.connect());
  }
  override async connectToShadowDb() {
    return scriptAware(await super.connectToShadowDb());
  }
}

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  adapter: async () => new MigratingSQLite({ url: path.join(dataDir, 'ministudio.db') }),
});
