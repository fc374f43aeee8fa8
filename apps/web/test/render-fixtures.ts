import type { JobSummary } from '../src/api/render-types';

// Jobs as the server lists them, in creation order.

let seq = 0;
export function job(partial: Partial<JobSummary> & Pick<JobSummary, 'kind'>): JobSummary {
  seq++;
  return {
    id: `j${seq}`,
    shotId: 's1',
    takeId: 't1',
    status: 'queued',
    progress: 0,
    attempts: 0,
    maxAttempts: 2,
    error: null,
    createdAt: `2026-01-01T00:00:${String(seq).padStart(2, '0')}.000Z`,
    startedAt: null,
    finishedAt: null,
    ...partial,
  };
}
