import type { JobError, JobKind, JobSummary, ShotState } from '@ministudio/domain';

// A shot's render as one bar and one word, from its jobs. Pure: tested without a DOM or a server.

/** How much of a shot's render time each job takes: the picture is nearly all of it. */
export const JOB_WEIGHTS: Record<JobKind, number> = {
  speech: 1,
  picture: 12,
  conform: 1,
  fit: 1,
  previews: 1,
  film: 1,
};

export type ShotPhase = 'queued' | 'rendering' | 'done' | 'failed' | 'cancelled';

export interface ShotProgress {
  /** The take these jobs make (the shot's newest render). */
  takeId: string | null;
  phase: ShotPhase;
  /** 0..1 over the take's jobs, weighted by JOB_WEIGHTS. */
  progress: number;
  /**
   * Part of that figure is the studio's guess from elapsed time (a provider that reports no progress),
   * so the editor shows it as an estimate.
   */
  estimated: boolean;
  /** The job that failed first (not the ones cancelled because it failed), when phase is failed. */
  error: JobError | null;
  /** Jobs still queued or running: what Cancel stops. */
  activeJobIds: string[];
}

const FINISHED = new Set(['succeeded', 'failed', 'cancelled']);
export const isFinished = (status: string) => FINISHED.has(status);

/** The newest take's jobs of one shot, or null when the shot has no jobs. */
export function shotProgress(jobs: readonly JobSummary[]): ShotProgress | null {
  let latest: JobSummary | null = null;
  for (const job of jobs) {
    if (job.takeId === null) continue;
    if (!latest || job.createdAt >= latest.createdAt) latest = job;
  }
  if (!latest) return null;
  const takeId = latest.takeId;
  const own = jobs.filter((j) => j.takeId === takeId);
  let total = 0;
  let done = 0;
  let running = false;
  let started = false;
  let failed: JobSummary | null = null;
  let cancelled = false;
  let estimated = false;
  const activeJobIds: string[] = [];
  for (const job of own) {
    const weight = JOB_WEIGHTS[job.kind] ?? 1;
    total += weight;
    if (job.status === 'succeeded') {
      done += weight;
      started = true;
    } else if (job.status === 'running' || job.status === 'queued') {
      done += weight * clamp01(job.progress);
      activeJobIds.push(job.id);
      if (job.progressEstimated) estimated = true;
      if (job.status === 'running') running = true;
      // A queued job that has run before is waiting to retry: the shot is under way, not waiting.
      if (job.progress > 0 || job.attempts > 0) started = true;
    } else if (job.status === 'failed') {
      if (!failed || (job.finishedAt ?? '') < (failed.finishedAt ?? '')) failed = job;
    } else if (job.status === 'cancelled') cancelled = true;
  }
  let phase: ShotPhase;
  if (activeJobIds.length > 0) phase = running || started ? 'rendering' : 'queued';
  else if (failed) phase = 'failed';
  else if (cancelled) phase = 'cancelled';
  else phase = 'done';
  return {
    takeId,
    phase,
    progress: phase === 'done' ? 1 : total > 0 ? done / total : 0,
    estimated: estimated && (phase === 'queued' || phase === 'rendering'),
    error: phase === 'failed' ? (failed?.error ?? null) : null,
    activeJobIds,
  };
}

export type ShotStatus = 'none' | 'queued' | 'rendering' | 'ready' | 'stale' | 'failed' | 'cancelled';

export const SHOT_STATUS_LABELS: Record<ShotStatus, string> = {
  none: 'not rendered',
  queued: 'queued',
  rendering: 'rendering',
  ready: 'ready',
  stale: 'stale',
  failed: 'failed',
  cancelled: 'cancelled',
};

/**
 * What the card says. A failed or cancelled attempt only matters while the shot has no take that
 * still matches it: a re-render that reused an unchanged take is ready, whatever failed before.
 */
export function shotStatus(progress: ShotProgress | null, state: ShotState | null): ShotStatus {
  const phase = progress?.phase ?? null;
  if (phase === 'queued' || phase === 'rendering') return phase;
  const chosen = state?.chosenTakeId ?? null;
  if (phase === 'failed' || phase === 'cancelled') {
    if (chosen && state && !state.stale && chosen !== progress?.takeId) return 'ready';
    return phase;
  }
  if (state) return chosen ? (state.stale ? 'stale' : 'ready') : phase === 'done' ? 'ready' : 'none';
  return phase === 'done' ? 'ready' : 'none';
}

function clamp01(x: number): number {
  return Number.isFinite(x) ? Math.min(Math.max(x, 0), 1) : 0;
}
