import { FAILURE_ADVICE, type FailureCode } from '@ministudio/domain';
import type { JobError, JobEvent, JobSummary } from '../api/render-types';
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
 * Folds one event into a job. Ticks carry only some fields; a finished job never goes back to running
 * (an event read before the jobs list can be replayed after it), and progress within a run does not
 * step back (the renderer reports a few ticks out of order).
 */
export function mergeJob(before: JobSummary | null, event: JobEvent): JobSummary {
  const base: JobSummary = before ?? {
    id: event.id,
    kind: event.kind,
    shotId: null,
    takeId: null,
    status: event.status,
    progress: 0,
    attempts: 0,
    maxAttempts: 1,
    error: null,
    createdAt: '',
    startedAt: null,
    finishedAt: null,
  };
  if (before && isFinished(before.status) && !isFinished(event.status)) return before;
  const merged: JobSummary = { ...base };
  for (const key of Object.keys(event) as (keyof JobSummary)[]) {
    const value = event[key];
    if (value !== undefined) (merged as unknown as Record<string, unknown>)[key] = value;
  }
  merged.error = withAdvice(merged.error);
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

/** The events stream carries the job's raw error; the advice sentence is the same table the server uses. */
export function withAdvice(error: JobError | null): JobError | null {
  if (!error || typeof error.advice === 'string') return error;
  const advice = FAILURE_ADVICE[error.code as FailureCode] ?? FAILURE_ADVICE.internal;
  return { ...error, advice };
}

function sameJob(a: JobSummary, b: JobSummary): boolean {
  return (
    a.status === b.status &&
    a.progress === b.progress &&
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
    a.error?.code === b.error?.code &&
    a.error?.message === b.error?.message &&
    a.activeJobIds.join() === b.activeJobIds.join()
  );
}
