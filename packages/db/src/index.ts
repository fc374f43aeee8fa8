export { createDb, type Db } from './client';
export { applyMigrations, MIGRATIONS_DIR } from './migrate';
export type * from './generated/prisma/models';
export { Prisma } from './generated/prisma/client';
