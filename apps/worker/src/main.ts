import { tmpdir } from 'node:os';
import path from 'node:path';
import { startRemoteWorker } from '@ministudio/pipeline';
import { createProviderRegistry } from '@ministudio/providers';
import pino from 'pino';

// A render worker for a studio running with REDIS_URL. It needs no shared disk: inputs and outputs
// go through the studio's HTTP API. Provider keys are read from this machine's environment.

function required(name: string): string {
  const value = process.env[name]?.trim();
  if (!value) {
    console.error(`${name} is required (see README: "Scaling out with Redis").`);
    process.exit(2);
  }
  return value;
}

// JSON lines on stdout, like the studio's own log: every job start and end, and each unexpected error with
// its job, take, kind and stack.
const log = pino({ name: 'worker', level: process.env.LOG_LEVEL ?? 'info' });

const studioUrl = required('MINISTUDIO_URL');
const token = required('MINISTUDIO_WORKER_TOKEN');
const redisUrl = required('REDIS_URL');
const concurrency = Number(process.env.MINISTUDIO_WORKER_CONCURRENCY ?? 1);
const workRoot = process.env.MINISTUDIO_WORK_DIR ?? path.join(tmpdir(), `ministudio-worker-${process.pid}`);

const worker = startRemoteWorker({
  studio: { baseUrl: studioUrl, token },
  redisUrl,
  concurrency: Number.isInteger(concurrency) && concurrency > 0 ? concurrency : 1,
  workRoot,
  providers: createProviderRegistry({
    env: process.env,
    dataDir: null,
    fetch: null,
    log: (line) => log.info({ component: 'providers' }, line),
  }),
  progressMs: 500,
  log,
});
log.info({ redis: new URL(redisUrl).host, studio: studioUrl, concurrency }, 'taking jobs');

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    worker.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}
