import path from 'node:path';
import { parsePublicUrl } from './lib/host-policy';

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
  /** Jobs run at once by the embedded engine. */
  concurrency: number;
  /** Redis for the distributed engine (BullMQ and separate workers); null runs everything in this process. */
  redisUrl: string | null;
  /** Shared secret for remote workers; required when redisUrl is set. */
  workerToken: string | null;
  /** MINISTUDIO_PUBLIC_URL: the address people open the studio at; needed to listen beyond loopback. */
  publicUrl: URL | null;
  /** MINISTUDIO_ALLOWED_HOSTS: more host names to answer to (comma-separated), e.g. `studio` for workers. */
  allowedHosts: string[];
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
    concurrency: positiveInt(env.MINISTUDIO_CONCURRENCY, 2, 'MINISTUDIO_CONCURRENCY'),
    redisUrl: env.REDIS_URL?.trim() || null,
    workerToken: env.MINISTUDIO_WORKER_TOKEN?.trim() || null,
    publicUrl: parsePublicUrl(env.MINISTUDIO_PUBLIC_URL),
    allowedHosts: (env.MINISTUDIO_ALLOWED_HOSTS ?? '')
      .split(',')
      .map((h) => h.trim())
      .filter(Boolean),
  };
}

function positiveInt(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 64)
    throw new Error(`${name} must be a whole number from 1 to 64, got "${value}"`);
  return n;
}
