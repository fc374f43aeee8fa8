import { FAILURE_ADVICE, type FailureCode, ProviderError } from '@ministudio/domain';
import type { JobFailure } from './job-types';

/** Any thrown error to a typed failure. Messages of unknown errors stay in the log, never in the job. */
export function toFailure(error: unknown, signal: AbortSignal | null): JobFailure {
  if (error instanceof ProviderError) {
    return {
      code: error.code,
      message: error.message,
      retryable: error.retryable,
      retryAfterSeconds: error.retryAfterSeconds,
    };
  }
  const reason = signal?.aborted ? signal.reason : null;
  if (reason instanceof ProviderError) return toFailure(reason, null);
  const coded = error as { code?: unknown; failureCode?: unknown; message?: unknown };
  // Media errors carry their own codes; map them through their failureCode when they have one.
  if (typeof coded.failureCode === 'string' && coded.failureCode in FAILURE_ADVICE) {
    const code = coded.failureCode as FailureCode;
    return {
      code,
      message: String(coded.message ?? FAILURE_ADVICE[code]),
      retryable: code === 'timeout',
      retryAfterSeconds: null,
    };
  }
  if (signal?.aborted)
    return { code: 'cancelled', message: 'Cancelled', retryable: false, retryAfterSeconds: null };
  return { code: 'internal', message: FAILURE_ADVICE.internal, retryable: false, retryAfterSeconds: null };
}

/** An abort signal that fires on cancel or after the job's time limit, the latter as a typed timeout. */
export function jobSignal(
  cancel: AbortSignal,
  timeoutSeconds: number,
): { signal: AbortSignal; dispose: () => void } {
  const controller = new AbortController();
  const onCancel = () => controller.abort(new ProviderError('cancelled', 'Cancelled'));
  cancel.addEventListener('abort', onCancel, { once: true });
  const timer = setTimeout(
    () =>
      controller.abort(
        new ProviderError('timeout', `The job took longer than its limit of ${timeoutSeconds} s`),
      ),
    timeoutSeconds * 1000,
  );
  timer.unref();
  return {
    signal: controller.signal,
    dispose: () => {
      clearTimeout(timer);
      cancel.removeEventListener('abort', onCancel);
    },
  };
}
