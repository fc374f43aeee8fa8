import type { ProgressOptions } from '@ministudio/domain';
import { jobContext, type PipelineLog } from '../log/pipeline-log';
import type { JobRecord } from '../queue/job-types';
import { JOB_TIMEOUT_SECONDS } from '../queue/job-types';
import { jobSignal, toFailure } from '../queue/run-context';
import type { Scheduler } from '../queue/scheduler';
import { WakeLoop } from './wake-loop';

export type RunJob = (
  job: JobRecord,
  signal: AbortSignal,
  onProgress: (fraction: number, options?: ProgressOptions) => void,
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
  private readonly loop: WakeLoop;
  private stopped = true;

  constructor(
    private readonly scheduler: Scheduler,
    private readonly run: RunJob,
    private readonly concurrency: number,
    private readonly log: PipelineLog,
    private readonly timeouts: Record<string, number> = JOB_TIMEOUT_SECONDS,
  ) {
    this.loop = new WakeLoop(
      () => this.fill(),
      () => scheduler.nextDueAt(),
      log,
      this.name,
    );
  }

  async start(): Promise<void> {
    this.stopped = false;
    await this.scheduler.recover();
    this.loop.start();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.loop.stop();
    // Jobs interrupted by a shutdown are not failures: they go back to the queue for the next start.
    const ids = [...this.running.keys()];
    for (const controller of this.running.values()) controller.abort();
    for (const id of ids) await this.scheduler.requeue(id);
  }

  abort(jobId: string): void {
    this.running.get(jobId)?.abort();
  }

  wake(): void {
    this.loop.wake();
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
  }

  private execute(job: JobRecord): void {
    const controller = new AbortController();
    this.running.set(job.id, controller);
    const { signal, dispose } = jobSignal(controller.signal, this.timeouts[job.kind] ?? 600);
    const onProgress = (fraction: number, options?: ProgressOptions) => {
      this.scheduler
        .progress(job.id, fraction, options?.estimated === true)
        .catch((err: unknown) => this.log.warn({ ...jobContext(job), err }, 'recording progress failed'));
    };
    this.run(job, signal, onProgress)
      .then(
        async (result) => {
          if (signal.aborted) throw signal.reason;
          await this.scheduler.succeed(job.id, result);
        },
        async (error: unknown) => {
          if (this.stopped) return; // requeued by stop()
          const failure = toFailure(error, signal);
          if (failure.code === 'internal') this.log.error({ ...jobContext(job), err: error }, 'job failed');
          await this.scheduler.fail(job.id, failure);
        },
      )
      .catch(async (error: unknown) => {
        // Finishing the job failed (the database, a take that could not be finalised): a studio fault.
        this.log.error({ ...jobContext(job), err: error }, 'finishing the job failed');
        if (this.stopped) return;
        await this.scheduler
          .fail(job.id, toFailure(error, signal))
          .catch((err: unknown) =>
            this.log.error({ ...jobContext(job), err }, 'marking the job failed failed'),
          );
      })
      .finally(() => {
        dispose();
        this.running.delete(job.id);
        this.wake();
      });
  }
}
