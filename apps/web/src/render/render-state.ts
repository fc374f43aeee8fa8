import type { JobEvent, JobSummary } from '@ministudio/domain';
import { isFinished, type ShotProgress, shotProgress } from './shot-progress';

// The live render state of one project, folded from the jobs list and the events stream. Every
// function returns a new state and keeps the objects of shots an update did not touch, so a card that
// selects its own shot's progress re-renders only when that shot changes.

export interface RenderState {
  jobs: Record<string, JobSummary>;
  /** Job ids per shot, so an event recomputes one shot, not the project. */
  shotJobs: Record<string, string[]>;
  byShot: Record<string, ShotProgress>;
  /** The newest film job, or null. */
  film: JobSummary | null;
}

export const EMPTY_RENDER_STATE: RenderState = { jobs: {}, shotJobs: {}, byShot: {}, film: null };

/** A fresh state from the jobs list, then whatever events arrived while it was being fetched. */
export function loadJobs(jobs: readonly JobSummary[], since: readonly JobEvent[]): RenderState {
  const state: RenderState = { jobs: {}, shotJobs: {}, byShot: {}, film: null };
  for (const job of jobs) index(state, job);
  for (const shotId of Object.keys(state.shotJobs)) recompute(state, shotId, null);
  return since.length ? applyJobEvents(state, since) : state;
}

export function applyJobEvents(state: RenderState, events: readonly JobEvent[]): RenderState {
  if (events.length === 0) return state;
  const next: RenderState = {
    jobs: { ...state.jobs },
    shotJobs: state.shotJobs,
    byShot: state.byShot,
    film: state.film,
  };
  let copiedShotJobs = false;
  let changed = false;
  const touched = new Set<string>();
  for (const event of events) {
    const before = next.jobs[event.id] ?? null;
    const job = mergeJob(before, event);
    if (job === before) continue;
    changed = true;
    next.jobs[job.id] = job;
    if (job.shotId !== null) {
      if (!before || before.shotId !== job.shotId) {
        if (!copiedShotJobs) {
          next.shotJobs = { ...next.shotJobs };
          copiedShotJobs = true;
        }
        const list = next.shotJobs[job.shotId] ?? [];
        if (!list.includes(job.id)) next.shotJobs[job.shotId] = [...list, job.id];
      }
      touched.add(job.shotId);
    }
    if (
      job.kind === 'film' &&
      (!next.film || next.film.id === job.id || job.createdAt >= next.film.createdAt)
    )
      next.film = job;
  }
  if (!changed) return state;
  if (touched.size > 0) {
    const byShot = { ...next.byShot };
    for (const shotId of touched) recompute(next, shotId, byShot);
    next.byShot = byShot;
  }
  return next;
}

/**
 * Folds one event into a job. Ticks carry only some fields; a status change carries the whole job, its
 * error already with the server's advice. A finished job never goes back to running (an event read
 * before the jobs list can be replayed after it), and progress within a run does not step back (the
 * renderer reports a few ticks out of order).
 */
export function mergeJob(before: JobSummary | null, event: JobEvent): JobSummary {
  const base: JobSummary = before ?? {
    id: event.id,
    kind: event.kind,
    shotId: null,
    takeId: null,
    status: event.status,
    progress: 0,
    progressEstimated: false,
    attempts: 0,
    maxAttempts: 1,
    error: null,
    createdAt: '',
    startedAt: null,
    finishedAt: null,
  };
  if (before && isFinished(before.status) && !isFinished(event.status)) return before;
  const merged: JobSummary = { ...base };
  const fields: Partial<JobSummary> = event;
  for (const key of Object.keys(fields) as (keyof JobSummary)[]) {
    const value = fields[key];
    if (value !== undefined) (merged as unknown as Record<string, unknown>)[key] = value;
  }
  if (
    before &&
    before.status === 'running' &&
    merged.status === 'running' &&
    merged.attempts === before.attempts &&
    merged.progress < before.progress
  )
    merged.progress = before.progress;
  if (before && sameJob(before, merged)) return before;
  return merged;
}

function sameJob(a: JobSummary, b: JobSummary): boolean {
  return (
    a.status === b.status &&
    a.progress === b.progress &&
    a.progressEstimated === b.progressEstimated &&
    a.attempts === b.attempts &&
    a.takeId === b.takeId &&
    a.shotId === b.shotId &&
    a.error?.code === b.error?.code &&
    a.finishedAt === b.finishedAt
  );
}

function index(state: RenderState, job: JobSummary): void {
  state.jobs[job.id] = job;
  if (job.shotId !== null) {
    const list = state.shotJobs[job.shotId] ?? [];
    list.push(job.id);
    state.shotJobs[job.shotId] = list;
  }
  if (job.kind === 'film' && (!state.film || job.createdAt >= state.film.createdAt)) state.film = job;
}

function recompute(state: RenderState, shotId: string, byShot: Record<string, ShotProgress> | null): void {
  const target = byShot ?? state.byShot;
  const jobs = (state.shotJobs[shotId] ?? []).map((id) => state.jobs[id]!).filter(Boolean);
  const progress = shotProgress(jobs);
  const before = target[shotId];
  if (!progress) {
    delete target[shotId];
    return;
  }
  if (before && sameProgress(before, progress)) return;
  target[shotId] = progress;
}

function sameProgress(a: ShotProgress, b: ShotProgress): boolean {
  return (
    a.takeId === b.takeId &&
    a.phase === b.phase &&
    a.progress === b.progress &&
    a.estimated === b.estimated &&
    a.error?.code === b.error?.code &&
    a.error?.message === b.error?.message &&
    a.activeJobIds.join() === b.activeJobIds.join()
  );
}
