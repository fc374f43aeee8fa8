import { randomUUID } from 'node:crypto';
import type { Db, RenderJob } from '@ministudio/db';
import type { FailureCode } from '@ministudio/domain';
import type { EventLog } from './event-log';
import { jobSummary } from './job-summary';
import type { JobFailure, JobKind, JobRecord, JobSpec, JobStatus } from './job-types';
import { DEFAULT_RETRY_POLICY, type RetryPolicy, retryDelaySeconds } from './retry-policy';

export function toJobRecord(row: RenderJob): JobRecord {
  return {
    id: row.id,
    projectId: row.projectId,
    shotId: row.shotId,
    takeId: row.takeId,
    kind: row.kind as JobKind,
    status: row.status as JobStatus,
    progress: row.progress,
    progressEstimated: row.progressEstimated,
    attempts: row.attempts,
    maxAttempts: row.maxAttempts,
    error: row.errorCode ? { code: row.errorCode as FailureCode, message: row.errorMessage ?? '' } : null,
    payload: JSON.parse(row.payload),
    result: JSON.parse(row.result),
    dependsOn: JSON.parse(row.dependsOn) as string[],
    runAfter: row.runAfter.toISOString(),
    createdAt: row.createdAt.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

interface RunningJob {
  projectId: string;
  shotId: string | null;
  kind: JobKind;
}

export interface SchedulerOptions {
  retry: RetryPolicy;
  random: () => number;
  /** Progress is written at most this often per job (the event stream gets every change). */
  progressWriteMs: number;
}

/**
 * The jobs table as a queue. Every state change goes through here and is published on the event
 * log; the engines (embedded pool, BullMQ workers) only ask what to run and report back.
 */
export class Scheduler {
  private readonly options: SchedulerOptions;
  private readonly lastProgressWrite = new Map<string, number>();
  private readonly running = new Map<string, RunningJob>();
  private readonly finishedListeners: ((job: JobRecord) => Promise<void>)[] = [];

  constructor(
    private readonly db: Db,
    private readonly events: EventLog,
    options: Partial<SchedulerOptions> = {},
  ) {
    this.options = { retry: DEFAULT_RETRY_POLICY, random: Math.random, progressWriteMs: 250, ...options };
  }

  /** Called after a job succeeds, fails for good or is cancelled (the pipeline finalises takes there). */
  onFinished(listener: (job: JobRecord) => Promise<void>): void {
    this.finishedListeners.push(listener);
  }

  async enqueue(projectId: string, specs: JobSpec[]): Promise<JobRecord[]> {
    const ids = new Map(specs.map((spec) => [spec.ref, randomUUID()]));
    const rows = await this.db.$transaction(async (tx) => {
      const created: RenderJob[] = [];
      for (const spec of specs) {
        created.push(
          await tx.renderJob.create({
            data: {
              id: ids.get(spec.ref)!,
              projectId,
              shotId: spec.shotId,
              takeId: spec.takeId,
              kind: spec.kind,
              payload: JSON.stringify(spec.payload),
              dependsOn: JSON.stringify(spec.after.map((ref) => ids.get(ref) ?? ref)),
              maxAttempts: spec.maxAttempts,
              dedupeKey: spec.dedupeKey,
            },
          }),
        );
      }
      return created;
    });
    const records = rows.map(toJobRecord);
    for (const record of records) this.publish(record);
    return records;
  }

  async get(id: string): Promise<JobRecord | null> {
    const row = await this.db.renderJob.findUnique({ where: { id } });
    return row ? toJobRecord(row) : null;
  }

  /** Queued jobs whose time has come and whose dependencies all succeeded, oldest first. */
  async runnable(limit: number): Promise<JobRecord[]> {
    const queued = await this.db.renderJob.findMany({
      where: { status: 'queued', runAfter: { lte: new Date() } },
      orderBy: { createdAt: 'asc' },
      take: 200,
    });
    const deps = [...new Set(queued.flatMap((row) => JSON.parse(row.dependsOn) as string[]))];
    const done = new Set(
      (
        await this.db.renderJob.findMany({
          where: { id: { in: deps }, status: 'succeeded' },
          select: { id: true },
        })
      ).map((row) => row.id),
    );
    return queued
      .filter((row) => (JSON.parse(row.dependsOn) as string[]).every((id) => done.has(id)))
      .slice(0, limit)
      .map(toJobRecord);
  }

  /** When the next delayed job becomes due, so an idle engine knows when to look again. */
  async nextDueAt(): Promise<Date | null> {
    const row = await this.db.renderJob.findFirst({
      where: { status: 'queued' },
      orderBy: { runAfter: 'asc' },
      select: { runAfter: true },
    });
    return row?.runAfter ?? null;
  }

  /** Atomically takes a queued job; null when another worker got it first or it was cancelled. */
  async claim(id: string): Promise<JobRecord | null> {
    const taken = await this.db.renderJob.updateMany({
      where: { id, status: 'queued' },
      data: {
        status: 'running',
        attempts: { increment: 1 },
        startedAt: new Date(),
        progress: 0,
        progressEstimated: false,
      },
    });
    if (taken.count === 0) return null;
    const record = (await this.get(id))!;
    this.running.set(id, { projectId: record.projectId, shotId: record.shotId, kind: record.kind });
    this.publish(record);
    return record;
  }

  /**
   * Claim for a remote delivery of attempt `attempt`: a queued job is taken as usual; a running job whose
   * current attempt is this one was delivered again because its worker died (BullMQ's stalled check), so the
   * new worker takes it over.
   */
  async claimDelivery(id: string, attempt: number): Promise<JobRecord | null> {
    const row = await this.db.renderJob.findUnique({
      where: { id },
      select: { status: true, attempts: true },
    });
    if (!row) return null;
    if (row.status === 'queued' && row.attempts + 1 === attempt) return this.claim(id);
    if (row.status === 'running' && row.attempts === attempt) {
      await this.db.renderJob.update({
        where: { id },
        data: { startedAt: new Date(), progress: 0, progressEstimated: false },
      });
      return this.get(id);
    }
    return null;
  }

  /** `estimated`: the figure is made up from elapsed time because the provider reports none. */
  async progress(id: string, fraction: number, estimated = false): Promise<void> {
    const clamped = Math.max(0, Math.min(1, fraction));
    const now = Date.now();
    const last = this.lastProgressWrite.get(id) ?? 0;
    if (now - last >= this.options.progressWriteMs || clamped === 1) {
      this.lastProgressWrite.set(id, now);
      await this.db.renderJob.updateMany({
        where: { id, status: 'running' },
        data: { progress: clamped, progressEstimated: estimated },
      });
    }
    const job = await this.runningJob(id);
    if (job)
      this.events.publish('job', job.projectId, {
        id,
        progress: clamped,
        progressEstimated: estimated,
        status: 'running',
        kind: job.kind,
        shotId: job.shotId,
      });
  }

  /**
   * What a progress event needs of a running job, kept from its claim so ticks cost no query; a job
   * claimed before a restart (a remote worker's) is looked up once.
   */
  private async runningJob(id: string): Promise<RunningJob | null> {
    const known = this.running.get(id);
    if (known) return known;
    const row = await this.db.renderJob.findUnique({
      where: { id },
      select: { projectId: true, shotId: true, kind: true, status: true },
    });
    if (row?.status !== 'running') return null;
    const job = { projectId: row.projectId, shotId: row.shotId, kind: row.kind as JobKind };
    this.running.set(id, job);
    return job;
  }

  async succeed(id: string, result: unknown): Promise<JobRecord | null> {
    const done = await this.db.renderJob.updateMany({
      where: { id, status: 'running' },
      data: {
        status: 'succeeded',
        progress: 1,
        result: JSON.stringify(result),
        finishedAt: new Date(),
        errorCode: null,
        errorMessage: null,
      },
    });
    this.forget(id);
    if (done.count === 0) return null;
    const record = (await this.get(id))!;
    this.publish(record);
    await this.finished(record);
    return record;
  }

  /** A failure: retried later when it is retryable and attempts remain, otherwise final. */
  async fail(id: string, failure: JobFailure): Promise<JobRecord | null> {
    this.forget(id);
    const row = await this.db.renderJob.findUnique({ where: { id } });
    if (row?.status !== 'running') return null;
    if (failure.retryable && row.attempts < row.maxAttempts) {
      const delay = retryDelaySeconds(
        row.attempts,
        failure.retryAfterSeconds,
        this.options.retry,
        this.options.random,
      );
      await this.db.renderJob.update({
        where: { id },
        data: {
          status: 'queued',
          runAfter: new Date(Date.now() + delay * 1000),
          errorCode: failure.code,
          errorMessage: failure.message,
        },
      });
      const record = (await this.get(id))!;
      this.publish(record);
      return record;
    }
    await this.db.renderJob.update({
      where: { id },
      data: {
        status: 'failed',
        errorCode: failure.code,
        errorMessage: failure.message,
        finishedAt: new Date(),
      },
    });
    const record = (await this.get(id))!;
    this.publish(record);
    await this.cancelDependents(id, failure.code);
    await this.finished(record);
    return record;
  }

  /** Cancels queued or running jobs; running ones are stopped by their engine. Returns the ids cancelled. */
  async cancel(where: { ids?: string[]; takeId?: string; projectId?: string }): Promise<string[]> {
    const rows = await this.db.renderJob.findMany({
      where: {
        status: { in: ['queued', 'running'] },
        ...(where.ids ? { id: { in: where.ids } } : {}),
        ...(where.takeId ? { takeId: where.takeId } : {}),
        ...(where.projectId ? { projectId: where.projectId } : {}),
      },
    });
    const cancelled: string[] = [];
    for (const row of rows) {
      const changed = await this.db.renderJob.updateMany({
        where: { id: row.id, status: { in: ['queued', 'running'] } },
        data: {
          status: 'cancelled',
          errorCode: 'cancelled',
          errorMessage: 'Cancelled',
          finishedAt: new Date(),
        },
      });
      if (changed.count === 0) continue;
      cancelled.push(row.id);
      this.forget(row.id);
      const record = (await this.get(row.id))!;
      this.publish(record);
      await this.cancelDependents(row.id, 'cancelled');
      await this.finished(record);
    }
    return cancelled;
  }

  /** After a crash: jobs that were running when the process died go back to the queue. */
  async recover(): Promise<number> {
    const stranded = await this.db.renderJob.updateMany({
      where: { status: 'running' },
      data: { status: 'queued', progress: 0, runAfter: new Date() },
    });
    return stranded.count;
  }

  /** A retry that was cut short (worker lost, engine stopping): back to the queue without a failure. */
  async requeue(id: string): Promise<void> {
    this.forget(id);
    await this.db.renderJob.updateMany({
      where: { id, status: 'running' },
      data: { status: 'queued', progress: 0, attempts: { decrement: 1 } },
    });
    const record = await this.get(id);
    if (record) this.publish(record);
  }

  private forget(id: string): void {
    this.lastProgressWrite.delete(id);
    this.running.delete(id);
  }

  private async cancelDependents(id: string, code: FailureCode): Promise<void> {
    const row = await this.db.renderJob.findUnique({ where: { id }, select: { projectId: true } });
    if (!row) return;
    const open = await this.db.renderJob.findMany({ where: { projectId: row.projectId, status: 'queued' } });
    const dependents = open.filter((job) => (JSON.parse(job.dependsOn) as string[]).includes(id));
    for (const job of dependents) {
      await this.db.renderJob.update({
        where: { id: job.id },
        data: {
          status: 'cancelled',
          errorCode: code === 'cancelled' ? 'cancelled' : code,
          errorMessage: code === 'cancelled' ? 'Cancelled' : 'A job it needed failed',
          finishedAt: new Date(),
        },
      });
      const record = (await this.get(job.id))!;
      this.publish(record);
      await this.cancelDependents(job.id, code);
    }
  }

  private async finished(record: JobRecord): Promise<void> {
    for (const listener of this.finishedListeners) await listener(record);
  }

  private publish(record: JobRecord): void {
    this.events.publish('job', record.projectId, jobSummary(record));
  }
}
