import { setTimeout as sleep } from 'node:timers/promises';
import { type JobContext, ProviderError } from '@ministudio/domain';
import type { ProviderHttp } from './client';

export interface PollSettings {
  intervalMs: number;
  /** Limit on waiting for one generation, from its submission until the provider says it has finished. */
  timeoutMs: number;
}

/** `progress` is the provider's own figure in [0, 1], or null when it reports none. */
export type PollStep<T> = { done: true; value: T } | { done: false; progress: number | null };

export interface PollContext {
  signal: AbortSignal;
  onProgress: JobContext['onProgress'];
}

/** Progress once the provider has accepted the job: submission is the first step. */
export const SUBMITTED_PROGRESS = 0.02;
/** Progress stays below this until the result is saved: the download is the last step. */
const BEFORE_DOWNLOAD = 0.95;

/** Where a fraction of the provider's work lands on the job's scale, between submission and download. */
export function workProgress(fraction: number): number {
  const clamped = Math.min(1, Math.max(0, fraction));
  return SUBMITTED_PROGRESS + clamped * (BEFORE_DOWNLOAD - SUBMITTED_PROGRESS);
}

/** Consecutive transient poll failures tolerated before giving up: the job itself is paid for already. */
const POLL_FAULTS_TOLERATED = 3;
/** Typical cloud video generation time, for the progress curve when a provider gives no figure. */
const EXPECTED_MS = 90_000;

/**
 * Polls until done, reporting rising progress above SUBMITTED_PROGRESS (which the caller reports once the
 * provider has the job) and below 0.95. On cancel or timeout it calls the provider's cancel endpoint when
 * there is one, so no paid work runs on.
 */
export async function pollUntilDone<T>(
  http: ProviderHttp,
  settings: PollSettings,
  ctx: PollContext,
  step: (signal: AbortSignal) => Promise<PollStep<T>>,
  cancel: ((signal: AbortSignal) => Promise<void>) | null,
): Promise<T> {
  const deadline = AbortSignal.timeout(settings.timeoutMs);
  const signal = AbortSignal.any([ctx.signal, deadline]);
  let faults = 0;
  let reported = SUBMITTED_PROGRESS;
  const started = Date.now();
  const stop = async (): Promise<never> => {
    if (cancel !== null) {
      try {
        await cancel(AbortSignal.timeout(5000));
        http.log('cancel requested at the provider');
      } catch {
        http.log('cancel request failed; the provider may finish the job anyway');
      }
    }
    if (ctx.signal.aborted) throw http.fail('cancelled', 'generation cancelled');
    throw http.fail('timeout', `no result within ${Math.round(settings.timeoutMs / 1000)} s`);
  };
  for (;;) {
    if (signal.aborted) return stop();
    let result: PollStep<T>;
    try {
      result = await step(signal);
      faults = 0;
    } catch (error) {
      if (signal.aborted) return stop();
      if (error instanceof ProviderError && error.retryable && faults < POLL_FAULTS_TOLERATED) {
        faults++;
        http.log(`poll fault ${faults}/${POLL_FAULTS_TOLERATED} (${error.code}); polling on`);
        const wait = error.retryAfterSeconds === null ? settings.intervalMs : error.retryAfterSeconds * 1000;
        if (!(await pause(wait, signal))) return stop();
        continue;
      }
      throw error;
    }
    if (result.done) return result.value;
    // Without a figure from the provider, progress creeps up on a curve so the editor shows life, and
    // says it is an estimate so the editor does not present it as a measurement.
    const estimated = result.progress === null;
    const fraction = workProgress(result.progress ?? 1 - Math.exp(-(Date.now() - started) / EXPECTED_MS));
    if (fraction > reported) {
      reported = fraction;
      if (estimated) ctx.onProgress(fraction, { estimated: true });
      else ctx.onProgress(fraction);
    }
    if (!(await pause(settings.intervalMs, signal))) return stop();
  }
}

async function pause(ms: number, signal: AbortSignal): Promise<boolean> {
  try {
    await sleep(ms, undefined, { signal });
    return true;
  } catch {
    return false;
  }
}
