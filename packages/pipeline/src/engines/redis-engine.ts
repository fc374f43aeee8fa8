import { Queue } from 'bullmq';
import type { PipelineLog } from '../log/pipeline-log';
import type { Scheduler } from '../queue/scheduler';
import type { Engine } from './embedded-engine';
import { WakeLoop } from './wake-loop';

export const QUEUE_NAME = 'ministudio-jobs';

/** Parses redis://[:password@]host:port[/db] into BullMQ connection options. */
export function redisConnection(url: string): { host: string; port: number; password?: string; db?: number } {
  const parsed = new URL(url);
  if (parsed.protocol !== 'redis:') throw new Error('REDIS_URL must start with redis://');
  const db = parsed.pathname.length > 1 ? Number(parsed.pathname.slice(1)) : undefined;
  return {
    host: parsed.hostname || '127.0.0.1',
    port: Number(parsed.port || 6379),
    ...(parsed.password ? { password: decodeURIComponent(parsed.password) } : {}),
    ...(db !== undefined && Number.isInteger(db) ? { db } : {}),
  };
}

/** One BullMQ job per attempt, so a retry of the same studio job is a new delivery. */
export function deliveryId(jobId: string, attempt: number): string {
  return `${jobId}-a${attempt}`;
}

/**
 * The distributed engine: the studio still owns the jobs (rows in SQLite, retries, dependencies),
 * and hands each runnable one to BullMQ; stateless workers anywhere take it from Redis and talk to
 * the studio over HTTP (see apps/worker).
 */
export class RedisEngine implements Engine {
  readonly name = 'redis' as const;
  private queue: Queue | null = null;
  private readonly loop: WakeLoop;

  constructor(
    private readonly scheduler: Scheduler,
    private readonly redisUrl: string,
    log: PipelineLog,
  ) {
    this.loop = new WakeLoop(
      () => this.dispatch(),
      () => scheduler.nextDueAt(),
      log,
      this.name,
    );
  }

  async start(): Promise<void> {
    this.queue = new Queue(QUEUE_NAME, { connection: redisConnection(this.redisUrl) });
    await this.queue.waitUntilReady();
    // Running jobs belong to workers (BullMQ redelivers those of a worker that died), so unlike the
    // embedded engine nothing is requeued here; queued ones are (re)offered, and BullMQ ignores duplicates.
    this.loop.start();
  }

  async stop(): Promise<void> {
    this.loop.stop();
    await this.queue?.close();
    this.queue = null;
  }

  abort(_jobId: string): void {
    // Workers learn of a cancel from the studio's answer to their next progress report.
  }

  wake(): void {
    this.loop.wake();
  }

  private async dispatch(): Promise<void> {
    const queue = this.queue;
    if (!queue) return;
    for (const job of await this.scheduler.runnable(100)) {
      await queue.add(
        'run',
        { jobId: job.id },
        {
          jobId: deliveryId(job.id, job.attempts + 1),
          removeOnComplete: true,
          removeOnFail: true,
          attempts: 1,
        },
      );
    }
  }
}
