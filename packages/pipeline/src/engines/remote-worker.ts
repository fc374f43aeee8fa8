import { rm } from 'node:fs/promises';
import type { ProviderRegistry } from '@ministudio/providers';
import { type Job, Worker } from 'bullmq';
import { runJobKind } from '../handlers/run-job';
import { createHttpIO, type StudioClient, studioFetch } from '../io/http-io';
import { jobContext, type PipelineLog } from '../log/pipeline-log';
import { JOB_TIMEOUT_SECONDS, type JobRecord } from '../queue/job-types';
import { jobSignal, toFailure } from '../queue/run-context';
import { QUEUE_NAME, redisConnection } from './redis-engine';

export interface RemoteWorkerOptions {
  studio: StudioClient;
  redisUrl: string;
  concurrency: number;
  workRoot: string;
  providers: ProviderRegistry;
  /** How often progress is reported (and a cancel noticed). */
  progressMs: number;
  /** A pino logger (or anything with its call shape): job starts and ends, and every unexpected error. */
  log: PipelineLog;
}

/**
 * A stateless worker: takes deliveries from Redis, claims the job from the studio, fetches inputs and
 * uploads outputs over HTTP, and reports progress and the outcome. Run as many as you like, anywhere.
 */
export function startRemoteWorker(options: RemoteWorkerOptions): { close: () => Promise<void> } {
  const { studio } = options;
  const post = (route: string, body: unknown) =>
    studioFetch(studio, route, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  const processDelivery = async (delivery: Job<{ jobId: string }>) => {
    const jobId = delivery.data.jobId;
    const attempt = Number(String(delivery.id).split('-a').at(-1));
    const claim = await post(`/api/worker/jobs/${jobId}/claim`, { attempt });
    if (claim.status === 409 || claim.status === 404) return; // cancelled, or another delivery has it
    if (!claim.ok) throw new Error(`claim failed: HTTP ${claim.status}`);
    const { job, deps } = (await claim.json()) as { job: JobRecord; deps: JobRecord[] };
    const context = jobContext(job);
    options.log.info(context, 'job started');
    const cancel = new AbortController();
    const { signal, dispose } = jobSignal(cancel.signal, JOB_TIMEOUT_SECONDS[job.kind]);
    let latest = { progress: 0, estimated: false };
    let reporting = false;
    let unreachable = false;
    const report = async () => {
      if (reporting) return;
      reporting = true;
      try {
        const response = await post(`/api/worker/jobs/${job.id}/progress`, latest);
        if (response.ok && ((await response.json()) as { cancelled: boolean }).cancelled) cancel.abort();
        unreachable = false;
      } catch (err) {
        // The studio hears from us again at the next tick or at the end; say so once, not every tick.
        if (!unreachable) options.log.warn({ ...context, err }, 'progress report did not reach the studio');
        unreachable = true;
      } finally {
        reporting = false;
      }
    };
    const ticker = setInterval(() => void report(), options.progressMs);
    const { io, dispose: disposeIO } = await createHttpIO(studio, job.projectId, job.id, options.workRoot);
    try {
      const result = await runJobKind(job, {
        io,
        signal,
        onProgress: (fraction, progressOptions) => {
          latest = { progress: fraction, estimated: progressOptions?.estimated === true };
        },
        providers: options.providers,
        deps,
        onWorker: true,
      });
      if (signal.aborted) throw signal.reason;
      await post(`/api/worker/jobs/${job.id}/complete`, { result });
      options.log.info(context, 'job succeeded');
    } catch (error) {
      const failure = toFailure(error, signal);
      if (failure.code === 'internal') options.log.error({ ...context, err: error }, 'job failed');
      else options.log.info({ ...context, code: failure.code }, 'job failed');
      await post(`/api/worker/jobs/${job.id}/fail`, failure).catch((err: unknown) =>
        // BullMQ redelivers a job whose worker never reported; the studio's stalled check takes it from there.
        options.log.error({ ...context, err }, 'reporting the failure to the studio failed'),
      );
    } finally {
      clearInterval(ticker);
      dispose();
      await disposeIO();
    }
  };

  const worker = new Worker(QUEUE_NAME, processDelivery, {
    connection: redisConnection(options.redisUrl),
    concurrency: options.concurrency,
  });
  worker.on('error', (err) => options.log.error({ err }, 'the Redis worker connection failed'));
  return {
    async close() {
      await worker.close();
      await rm(options.workRoot, { recursive: true, force: true });
    },
  };
}
