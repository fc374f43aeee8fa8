import { FAILURE_ADVICE, type JobSummary } from '@ministudio/domain';
import type { JobRecord } from './job-types';

/**
 * A job as every client sees it, over REST and on the event stream alike: no payload or result, and the
 * failure's advice added here so the editor never needs its own copy of the table.
 */
export function jobSummary(job: JobRecord): JobSummary {
  return {
    id: job.id,
    kind: job.kind,
    shotId: job.shotId,
    takeId: job.takeId,
    status: job.status,
    progress: job.progress,
    progressEstimated: job.progressEstimated,
    attempts: job.attempts,
    maxAttempts: job.maxAttempts,
    // A queued job with an error is waiting to retry: the user still sees why.
    error: job.error
      ? { ...job.error, advice: FAILURE_ADVICE[job.error.code] ?? FAILURE_ADVICE.internal }
      : null,
    createdAt: job.createdAt,
    startedAt: job.startedAt,
    finishedAt: job.finishedAt,
  };
}
