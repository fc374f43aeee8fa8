import { ProviderError } from '@ministudio/domain';
import { describe, expect, it } from 'vitest';
import {
  EmbeddedEngine,
  EventLog,
  type JobRecord,
  type JobSpec,
  type PipelineLog,
  type RunJob,
  Scheduler,
} from '../src';
import { until, useDatabase } from './helpers';

const ctx = useDatabase();

const spec = (ref: string, after: string[] = [], maxAttempts = 3): JobSpec => ({
  ref,
  kind: 'speech',
  shotId: null,
  takeId: null,
  payload: { ref },
  after,
  maxAttempts,
  dedupeKey: null,
});

interface LogLine {
  level: 'error' | 'warn' | 'info';
  context: Record<string, unknown>;
  message: string;
}

/** A logger with pino's call shape that keeps what it is given. */
function collectingLog(): PipelineLog & { lines: LogLine[] } {
  const lines: LogLine[] = [];
  const at =
    (level: LogLine['level']) =>
    (context: object, message: string): void => {
      lines.push({ level, context: context as Record<string, unknown>, message });
    };
  return { lines, error: at('error'), warn: at('warn'), info: at('info') };
}

function setup(run: RunJob, concurrency = 2, timeouts: Record<string, number> = { speech: 30 }) {
  const events = new EventLog();
  const scheduler = new Scheduler(ctx.db, events, {
    retry: { baseSeconds: 0.02, maxSeconds: 1 },
    progressWriteMs: 0,
  });
  const log = collectingLog();
  const engine = new EmbeddedEngine(scheduler, run, concurrency, log, timeouts);
  return { events, scheduler, engine, log };
}

const statusOf = async (scheduler: Scheduler, id: string) => (await scheduler.get(id))!.status;

describe('scheduler with the embedded engine', () => {
  it('runs a graph in dependency order, at most `concurrency` at a time, with progress', async () => {
    const order: string[] = [];
    let running = 0;
    let peak = 0;
    const { scheduler, engine, events } = setup(async (job, _signal, onProgress) => {
      running++;
      peak = Math.max(peak, running);
      onProgress(0.5);
      await new Promise((r) => setTimeout(r, 30));
      order.push((job.payload as { ref: string }).ref);
      running--;
      return { done: (job.payload as { ref: string }).ref };
    }, 2);
    const progress: number[] = [];
    events.subscribe((e) => {
      const data = e.data as { progress?: number; status?: string };
      if (data.status === 'running' && typeof data.progress === 'number') progress.push(data.progress);
    });
    const jobs = await scheduler.enqueue(ctx.projectId, [
      spec('a'),
      spec('b'),
      spec('c'),
      spec('d', ['a', 'b', 'c']),
    ]);
    await engine.start();
    await until(async () => (await statusOf(scheduler, jobs[3]!.id)) === 'succeeded');
    await engine.stop();
    expect(order.at(-1)).toBe('d');
    expect(peak).toBe(2);
    expect(progress).toContain(0.5);
    const last = (await scheduler.get(jobs[3]!.id))!;
    expect(last).toMatchObject({ status: 'succeeded', progress: 1, attempts: 1, result: { done: 'd' } });
  });

  it('retries a retryable failure with backoff and honours Retry-After, then succeeds', async () => {
    const starts: number[] = [];
    const { scheduler, engine } = setup(async () => {
      starts.push(Date.now());
      if (starts.length === 1)
        throw new ProviderError('provider_rate_limited', 'slow down', { retryAfterSeconds: 0.3 });
      if (starts.length === 2) throw new ProviderError('provider_unavailable', '503');
      return {};
    });
    const [job] = await scheduler.enqueue(ctx.projectId, [spec('r', [], 5)]);
    await engine.start();
    await until(async () => (await statusOf(scheduler, job!.id)) === 'succeeded');
    await engine.stop();
    expect(starts).toHaveLength(3);
    expect(starts[1]! - starts[0]!).toBeGreaterThanOrEqual(290);
    expect((await scheduler.get(job!.id))!.attempts).toBe(3);
  });

  it('stops at the attempt limit with the typed code, and cancels what depended on it', async () => {
    const { scheduler, engine } = setup(async () => {
      throw new ProviderError('provider_unavailable', 'down');
    });
    const jobs = await scheduler.enqueue(ctx.projectId, [spec('x', [], 2), spec('y', ['x'])]);
    const finished: JobRecord[] = [];
    scheduler.onFinished(async (job) => {
      finished.push(job);
    });
    await engine.start();
    await until(async () => (await statusOf(scheduler, jobs[1]!.id)) === 'cancelled');
    await engine.stop();
    const failed = (await scheduler.get(jobs[0]!.id))!;
    expect(failed).toMatchObject({ status: 'failed', attempts: 2, error: { code: 'provider_unavailable' } });
    expect((await scheduler.get(jobs[1]!.id))!.error?.code).toBe('provider_unavailable');
    expect(finished.map((j) => j.id)).toContain(jobs[0]!.id);
  });

  it('does not retry rejected input or filtered content', async () => {
    let calls = 0;
    const { scheduler, engine } = setup(async () => {
      calls++;
      throw new ProviderError('content_filtered', 'blocked');
    });
    const [job] = await scheduler.enqueue(ctx.projectId, [spec('f', [], 5)]);
    await engine.start();
    await until(async () => (await statusOf(scheduler, job!.id)) === 'failed');
    await engine.stop();
    expect(calls).toBe(1);
  });

  it('times a job out with the timeout code', async () => {
    const { scheduler, engine } = setup(
      (_job, signal) =>
        new Promise((_resolve, reject) => {
          signal.addEventListener('abort', () => reject(signal.reason));
        }),
      1,
      { speech: 0.2 },
    );
    const [job] = await scheduler.enqueue(ctx.projectId, [spec('t', [], 1)]);
    await engine.start();
    await until(async () => (await statusOf(scheduler, job!.id)) === 'failed');
    await engine.stop();
    expect((await scheduler.get(job!.id))!.error?.code).toBe('timeout');
  });

  it('cancels a running job: its work is stopped and it ends cancelled', async () => {
    let aborted = false;
    const { scheduler, engine } = setup(
      (_job, signal) =>
        new Promise((_resolve, reject) => {
          signal.addEventListener('abort', () => {
            aborted = true;
            reject(signal.reason);
          });
        }),
    );
    const [job] = await scheduler.enqueue(ctx.projectId, [spec('c')]);
    await engine.start();
    await until(async () => (await statusOf(scheduler, job!.id)) === 'running');
    const cancelled = await scheduler.cancel({ ids: [job!.id] });
    for (const id of cancelled) engine.abort(id);
    await until(() => aborted);
    await until(() => engine.activeJobs === 0);
    await engine.stop();
    expect(await statusOf(scheduler, job!.id)).toBe('cancelled');
  });

  it('logs an unexpected error once, with job, take, kind and stack; the job keeps a plain message', async () => {
    const bug = new TypeError("Cannot read properties of undefined (reading 'path')");
    const { scheduler, engine, log } = setup(async () => {
      throw bug;
    });
    const [job] = await scheduler.enqueue(ctx.projectId, [{ ...spec('u', [], 3), takeId: null }]);
    await engine.start();
    await until(async () => (await statusOf(scheduler, job!.id)) === 'failed');
    await engine.stop();
    const errors = log.lines.filter((line) => line.level === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]!.context).toMatchObject({ jobId: job!.id, takeId: null, kind: 'speech', err: bug });
    expect((errors[0]!.context.err as Error).stack).toContain('TypeError');
    const failed = (await scheduler.get(job!.id))!;
    // Not retried (a bug does not go away by itself), and the user is not shown the stack.
    expect(failed).toMatchObject({ status: 'failed', attempts: 1, error: { code: 'internal' } });
    expect(failed.error!.message).not.toContain('reading');
  });

  it('logs nothing as an error for an expected provider failure', async () => {
    const { scheduler, engine, log } = setup(async () => {
      throw new ProviderError('content_filtered', 'blocked');
    });
    const [job] = await scheduler.enqueue(ctx.projectId, [spec('e', [], 1)]);
    await engine.start();
    await until(async () => (await statusOf(scheduler, job!.id)) === 'failed');
    await engine.stop();
    expect(log.lines.filter((line) => line.level === 'error')).toEqual([]);
  });

  it('records made-up progress as an estimate, and a measured one as measured', async () => {
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const { scheduler, engine, events } = setup(async (job, _signal, onProgress) => {
      if ((job.payload as { ref: string }).ref === 'guess') onProgress(0.4, { estimated: true });
      else onProgress(0.6);
      await held;
      return {};
    });
    const ticks = new Map<string, boolean>();
    events.subscribe((e) => {
      if (e.type === 'job' && e.data.status === 'running' && e.data.progress > 0)
        ticks.set(e.data.id, e.data.progressEstimated);
    });
    const [guess, measured] = await scheduler.enqueue(ctx.projectId, [spec('guess'), spec('measured')]);
    await engine.start();
    await until(() => ticks.size === 2);
    expect(ticks.get(guess!.id)).toBe(true);
    expect(ticks.get(measured!.id)).toBe(false);
    expect(await scheduler.get(guess!.id)).toMatchObject({ progress: 0.4, progressEstimated: true });
    expect(await scheduler.get(measured!.id)).toMatchObject({ progress: 0.6, progressEstimated: false });
    release();
    await until(async () => (await statusOf(scheduler, guess!.id)) === 'succeeded');
    await engine.stop();
  });

  it('after a crash, runs again the jobs that were running', async () => {
    const first = setup(() => new Promise(() => {}));
    const [job] = await first.scheduler.enqueue(ctx.projectId, [spec('k')]);
    await first.engine.start();
    await until(async () => (await statusOf(first.scheduler, job!.id)) === 'running');
    // Simulate the process dying: the engine stops looking for work, and the row stays 'running'.
    (first.engine as unknown as { stopped: boolean }).stopped = true;
    const second = setup(async () => ({ again: true }));
    await second.engine.start();
    await until(async () => (await statusOf(second.scheduler, job!.id)) === 'succeeded');
    await second.engine.stop();
    expect((await second.scheduler.get(job!.id))!.result).toEqual({ again: true });
  });
});
