import type { JobProgressEvent, JobSummary } from '@ministudio/domain';

// Jobs as the server lists them, in creation order, and the progress ticks of its event stream.

let seq = 0;
export function job(partial: Partial<JobSummary> & Pick<JobSummary, 'kind'>): JobSummary {
  seq++;
  return {
    id: `j${seq}`,
    shotId: 's1',
    takeId: 't1',
    status: 'queued',
    progress: 0,
    progressEstimated: false,
    attempts: 0,
    maxAttempts: 2,
    error: null,
    createdAt: `2026-01-01T00:00:${String(seq).padStart(2, '0')}.000Z`,
    startedAt: null,
    finishedAt: null,
    ...partial,
  };
}

/** What `event: job` carries on a tick of a running job. */
export function tick(of: JobSummary, progress: number, progressEstimated = false): JobProgressEvent {
  return { id: of.id, kind: of.kind, shotId: of.shotId, status: 'running', progress, progressEstimated };
}
