import path from 'node:path';

/**
 * The studio's migrations: `prisma/migrations` at the repository root, beside `prisma/schema.prisma`,
 * where `prisma migrate dev` writes them (the folder prisma.config.ts names). They belong to the
 * repository, not to this package, which only runs them: whoever opens the studio's database hands
 * this folder to `applyMigrations` (apps/api's db plugin, test helpers).
 */
export const COMMITTED_MIGRATIONS_DIR = path.resolve(import.meta.dirname, '../../../prisma/migrations');
