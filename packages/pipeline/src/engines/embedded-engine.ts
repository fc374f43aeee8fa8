import type { JobRecord } from '../queue/job-types';
import { JOB_TIMEOUT_SECONDS } from '../queue/job-types';
import { jobSignal, toFailure } from '../queue/run-context';
import type { Scheduler } from '../queue/scheduler';

export type RunJob = (
  job: JobRecord,
  signal: AbortSignal,
  onProgress: (fraction: number) => void,
) => Promise<unknown>;

export interface Engine {
  readonly name: 'embedded' | 'redis';
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Something changed (new jobs, a job finished): look for work now. */
  wake(): void;
  /** Stops a running job at once. */
  abort(jobId: string): void;
}

/**
 * Runs jobs in this process, `concurrency` at a time. Jobs are rows in SQLite, so a restart finds
 * what was running when the process died (Scheduler.recover) and runs it again.
 */
export class EmbeddedEngine implements Engine {
  readonly name = 'embedded' as const;
  private readonly running = new Map<string, AbortController>();
  private stopped = true;
  private timer: NodeJS.Timeout | null = null;
  private looking = false;
  private again = false;

  constructor(
    private readonly scheduler: Scheduler,
    private readonly run: RunJob,
    private readonly concurrency: number,
    private readonly timeouts: Record<string, number> = JOB_TIMEOUT_SECONDS,
  ) {}

  async start(): Promise<void> {
    this.stopped = false;
    await this.scheduler.recover();
    this.wake();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    // Jobs interrupted by a shutdown are not failures: they go back to the queue for the next start.
    const ids = [...this.running.keys()];
    for (const controller of this.running.values()) controller.abort();
    for (const id of ids) await this.scheduler.requeue(id);
  }

  abort(jobId: string): void {
    this.running.get(jobId)?.abort();
  }

  wake(): void {
    if (this.stopped) return;
    if (this.looking) {
      this.again = true;
      return;
    }
    this.looking = true;
    this.fill()
      .catch(() => {})
      .finally(() => {
        this.looking = false;
        if (this.again) {
          this.again = false;
          this.wake();
        }
      });
  }

  get activeJobs(): number {
    return this.running.size;
  }

  private async fill(): Promise<void> {
    while (!this.stopped && this.running.size < this.concurrency) {
      const candidates = await this.scheduler.runnable(this.concurrency - this.running.size);
      if (candidates.length === 0) break;
      let started = 0;
      for (const candidate of candidates) {
        const job = await this.scheduler.claim(candidate.id);
        if (!job) continue;
        started++;
        this.execute(job);
      }
      if (started === 0) break;
    }
    await this.scheduleNextLook();
  }

  private async scheduleNextLook(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    if (this.stopped) return;
    const due = await this.scheduler.nextDueAt();
    // A delayed retry wakes us when it is due; otherwise a slow poll covers jobs added by other processes.
    const wait = due ? Math.max(20, Math.min(due.getTime() - Date.now(), 2000)) : 2000;
    this.timer = setTimeout(() => this.wake(), wait);
    this.timer.unref();
  }

  private execute(job: JobRecord): void {
    const controller = new AbortController();
    this.running.set(job.id, controller);
    const { signal, dispose } = jobSignal(controller.signal, this.timeouts[job.kind] ?? 600);
    const onProgress = (fraction: number) => {
      this.scheduler.progress(job.id, fraction).catch(() => {});
    };
    this.run(job, signal, onProgress)
      .then(
        async (result) => {
          if (signal.aborted) throw signal.reason;
          await this.scheduler.succeed(job.id, result);
        },
        async (error) => {
          if (this.stopped) return; // requeued by stop()
          await this.scheduler.fail(job.id, toFailure(error, signal));
        },
      )
      .catch(async (error) => {
        if (!this.stopped) await this.scheduler.fail(job.id, toFailure(error, signal)).catch(() => {});
      })
      .finally(() => {
        dispose();
        this.running.delete(job.id);
        this.wake();
      });
  }
}
