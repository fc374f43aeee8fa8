import { Queue } from 'bullmq';
import type { Scheduler } from '../queue/scheduler';
import type { Engine } from './embedded-engine';

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
  private timer: NodeJS.Timeout | null = null;
  private stopped = true;
  private looking = false;
  private again = false;

  constructor(
    private readonly scheduler: Scheduler,
    private readonly redisUrl: string,
  ) {}

  async start(): Promise<void> {
    this.queue = new Queue(QUEUE_NAME, { connection: redisConnection(this.redisUrl) });
    await this.queue.waitUntilReady();
    this.stopped = false;
    // Running jobs belong to workers (BullMQ redelivers those of a worker that died), so unlike the
    // embedded engine nothing is requeued here; queued ones are (re)offered, and BullMQ ignores duplicates.
    this.wake();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.queue?.close();
    this.queue = null;
  }

  abort(_jobId: string): void {
    // Workers learn of a cancel from the studio's answer to their next progress report.
  }

  wake(): void {
    if (this.stopped) return;
    if (this.looking) {
      this.again = true;
      return;
    }
    this.looking = true;
    this.dispatch()
      .catch(() => {})
      .finally(() => {
        this.looking = false;
        if (this.again) {
          this.again = false;
          this.wake();
        }
      });
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
    if (this.timer) clearTimeout(this.timer);
    const due = await this.scheduler.nextDueAt();
    const wait = due ? Math.max(20, Math.min(due.getTime() - Date.now(), 2000)) : 2000;
    this.timer = setTimeout(() => this.wake(), wait);
    this.timer.unref();
  }
}
