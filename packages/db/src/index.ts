export { AssetStore, sha256OfFile, writeAtomic } from './asset-store';
export { createDb, type Db } from './client';
export type {
  Asset,
  Character,
  CharacterReference,
  Environment,
  EnvironmentReference,
  Project,
  RenderJob,
  Scene,
  Shot,
  Take,
} from './generated/prisma/client';
export { Prisma } from './generated/prisma/client';
export { applyMigrations, MIGRATIONS_DIR } from './migrate';
