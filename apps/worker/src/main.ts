import { tmpdir } from 'node:os';
import path from 'node:path';
import { startRemoteWorker } from '@ministudio/pipeline';
import { createProviderRegistry } from '@ministudio/providers';

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
  providers: createProviderRegistry({ env: process.env, dataDir: null, fetch: null, log: null }),
  progressMs: 500,
  log: (line) => console.log(`[worker] ${new Date().toISOString()} ${line}`),
});
console.log(`[worker] taking jobs from ${new URL(redisUrl).host} for ${studioUrl}, ${concurrency} at a time`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    worker.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}
