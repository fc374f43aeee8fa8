import type { JobRecord } from '../queue/job-types';

/**
 * The logger the pipeline writes to: pino's call shape (context object first, then the message), so the
 * studio passes Fastify's `app.log` and a worker its own pino instance. Errors go under `err`, which
 * pino serialises with their stack.
 */
export interface PipelineLog {
  error(context: object, message: string): void;
  warn(context: object, message: string): void;
  info(context: object, message: string): void;
}

/** For code paths that run without a studio around them (tests that do not look at the log). */
export const SILENT_LOG: PipelineLog = { error() {}, warn() {}, info() {} };

/** What identifies a job in a log line: enough to find its take and shot from the line alone. */
export function jobContext(job: Pick<JobRecord, 'id' | 'takeId' | 'shotId' | 'kind' | 'projectId'>) {
  return { jobId: job.id, takeId: job.takeId, shotId: job.shotId, kind: job.kind, projectId: job.projectId };
}
