import type { JobError, JobKind, JobSummary } from '@ministudio/domain';
import { isFinished, type ShotPhase, type ShotProgress, shotProgress } from './shot-progress';

// The render queue as the queue panel lists it: one entry per render (a take's jobs, or the film's job),
// running first, then waiting, then finished newest first. Pure: tested without a DOM.

/** The order a shot's jobs run in, so an entry lists them as its stages. */
const STAGE_ORDER: Record<JobKind, number> = {
  speech: 0,
  picture: 1,
  conform: 2,
  fit: 3,
  previews: 4,
  film: 5,
};

export interface QueueEntry {
  /** The take id, or the job id of a job that makes no take (the film). */
  key: string;
  shotId: string | null;
  /** By film order; null for the film, or a shot since deleted. */
  shotNumber: number | null;
  takeId: string | null;
  /** The entry's jobs in the order they run. */
  jobs: JobSummary[];
  phase: ShotPhase;
  progress: number;
  estimated: boolean;
  error: JobError | null;
  activeJobIds: string[];
  createdAt: string;
  finishedAt: string | null;
  /** Failed or cancelled, and still the shot's newest render: Retry renders the shot again. */
  retryable: boolean;
}

const RANK: Record<ShotPhase, number> = { rendering: 0, queued: 1, failed: 2, cancelled: 2, done: 2 };

export function queueEntries(
  jobs: Readonly<Record<string, JobSummary>>,
  shotNumbers: ReadonlyMap<string, number>,
  byShot: Readonly<Record<string, ShotProgress>>,
): QueueEntry[] {
  const groups = new Map<string, JobSummary[]>();
  for (const job of Object.values(jobs)) {
    const key = job.takeId ?? job.id;
    const list = groups.get(key);
    if (list) list.push(job);
    else groups.set(key, [job]);
  }
  const entries: QueueEntry[] = [];
  for (const [key, list] of groups) {
    list.sort((a, b) => STAGE_ORDER[a.kind] - STAGE_ORDER[b.kind] || a.createdAt.localeCompare(b.createdAt));
    const first = list[0]!;
    const progress = first.takeId !== null ? shotProgress(list) : filmProgress(first);
    if (!progress) continue;
    const shotId = first.shotId;
    const newest = shotId !== null ? byShot[shotId] : undefined;
    entries.push({
      key,
      shotId,
      shotNumber: shotId !== null ? (shotNumbers.get(shotId) ?? null) : null,
      takeId: first.takeId,
      jobs: list,
      phase: progress.phase,
      progress: progress.progress,
      estimated: progress.estimated,
      error: progress.error,
      activeJobIds: progress.activeJobIds,
      createdAt: list.reduce((min, j) => (j.createdAt < min ? j.createdAt : min), first.createdAt),
      finishedAt: list.every((j) => isFinished(j.status))
        ? list.reduce<string | null>(
            (max, j) => (j.finishedAt && (!max || j.finishedAt > max) ? j.finishedAt : max),
            null,
          )
        : null,
      retryable:
        shotId !== null &&
        (progress.phase === 'failed' || progress.phase === 'cancelled') &&
        newest?.takeId === first.takeId,
    });
  }
  return entries.sort((a, b) => {
    const rank = RANK[a.phase] - RANK[b.phase];
    if (rank !== 0) return rank;
    if (RANK[a.phase] < 2) {
      // Waiting and running renders in the order they will finish: film order, then when asked.
      const n = (a.shotNumber ?? Number.MAX_SAFE_INTEGER) - (b.shotNumber ?? Number.MAX_SAFE_INTEGER);
      return n !== 0 ? n : a.createdAt.localeCompare(b.createdAt);
    }
    // Finished: the newest first, so what just happened is on top.
    return (b.finishedAt ?? b.createdAt).localeCompare(a.finishedAt ?? a.createdAt);
  });
}

/** Renders queued or running: the count on the Queue button. */
export const activeCount = (entries: readonly QueueEntry[]) =>
  entries.filter((e) => e.phase === 'queued' || e.phase === 'rendering').length;

function filmProgress(job: JobSummary): ShotProgress {
  const phase: ShotPhase =
    job.status === 'succeeded'
      ? 'done'
      : job.status === 'running'
        ? 'rendering'
        : job.status === 'queued'
          ? 'queued'
          : job.status;
  return {
    takeId: null,
    phase,
    progress: phase === 'done' ? 1 : job.progress,
    estimated: job.progressEstimated && !isFinished(job.status),
    error: job.status === 'failed' ? job.error : null,
    activeJobIds: isFinished(job.status) ? [] : [job.id],
  };
}

/** Words for an entry's state, the job statuses' own words. */
export const PHASE_LABELS: Record<ShotPhase, string> = {
  queued: 'queued',
  rendering: 'running',
  done: 'succeeded',
  failed: 'failed',
  cancelled: 'cancelled',
};
