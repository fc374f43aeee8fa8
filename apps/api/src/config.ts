import path from 'node:path';

export interface StudioConfig {
  host: string;
  port: number;
  /** Everything the studio stores: the SQLite file and the media folder. */
  dataDir: string;
  /** The built editor (apps/web/dist); null serves the API only. */
  webDir: string | null;
  /** Seed the journal's sample productions into a fresh database. */
  seedSamples: boolean;
  logLevel: string;
}

export const REPO_ROOT = path.resolve(import.meta.dirname, '../../..');

export function configFromEnv(env: NodeJS.ProcessEnv): StudioConfig {
  const port = Number(env.PORT ?? 5170);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be a port number, got "${env.PORT}"`);
  }
  return {
    host: env.HOST ?? '127.0.0.1',
    port,
    dataDir: path.resolve(env.MINISTUDIO_DATA ?? path.join(REPO_ROOT, 'data')),
    webDir:
      env.MINISTUDIO_WEB_DIR === ''
        ? null
        : path.resolve(env.MINISTUDIO_WEB_DIR ?? path.join(REPO_ROOT, 'apps/web/dist')),
    seedSamples: env.MINISTUDIO_SEED_SAMPLES !== '0',
    logLevel: env.LOG_LEVEL ?? 'info',
  };
}
