export { AssetStore, sha256OfFile } from './asset-store';
export {
  BACKUP_MANIFEST,
  BackupError,
  type BackupManifest,
  type BackupProgress,
  type BackupResult,
  backupStudio,
  DATABASE_FILE,
  restoreStudio,
} from './backup';
export { createDb, type Db } from './client';
export { COMMITTED_MIGRATIONS_DIR } from './committed-migrations';
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
export {
  applyMigrations,
  MigrationFailedError,
  type MigrationResult,
  UnknownMigrationsError,
} from './migrate';
