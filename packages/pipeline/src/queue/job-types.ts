import type { FailureCode, JobKind, JobStatus } from '@ministudio/domain';

export { JOB_KINDS, JOB_STATUSES, type JobKind, type JobStatus } from '@ministudio/domain';

/** A job to add, before it has an id. `after` names other specs of the same batch by `ref`, or existing job ids. */
export interface JobSpec {
  ref: string;
  kind: JobKind;
  shotId: string | null;
  takeId: string | null;
  payload: unknown;
  after: string[];
  maxAttempts: number;
  dedupeKey: string | null;
}

export interface JobFailure {
  code: FailureCode;
  message: string;
  retryable: boolean;
  retryAfterSeconds: number | null;
}

/** A job as the API and the workers see it (JSON columns parsed). */
export interface JobRecord {
  id: string;
  projectId: string;
  shotId: string | null;
  takeId: string | null;
  kind: JobKind;
  status: JobStatus;
  progress: number;
  /** The progress is estimated from elapsed time: the provider reports none. */
  progressEstimated: boolean;
  attempts: number;
  maxAttempts: number;
  error: { code: FailureCode; message: string } | null;
  payload: unknown;
  result: unknown;
  dependsOn: string[];
  runAfter: string;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

/** Per-kind time limits: a job running longer is stopped and fails with `timeout`. */
export const JOB_TIMEOUT_SECONDS: Record<JobKind, number> = {
  speech: 120,
  picture: 1800,
  conform: 600,
  fit: 600,
  previews: 600,
  film: 1800,
};
