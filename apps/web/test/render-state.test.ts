import { describe, expect, it } from 'vitest';
import { applyJobEvents, loadJobs, mergeJob } from '../src/render/render-state';
import { job, tick } from './render-fixtures';

describe('mergeJob', () => {
  it('folds a progress tick into the whole job and keeps what the tick leaves out', () => {
    const before = job({ kind: 'picture', status: 'running', attempts: 1, progress: 0.2 });
    const after = mergeJob(before, tick(before, 0.5));
    expect(after).toMatchObject({ takeId: 't1', shotId: 's1', attempts: 1, progress: 0.5 });
  });

  it('never steps progress back within a run, but starts again on a retry', () => {
    const before = job({ kind: 'picture', status: 'running', attempts: 1, progress: 0.4 });
    expect(mergeJob(before, tick(before, 0.3))).toBe(before);
    // A retry is a status change: the event carries the whole job.
    const retry = mergeJob(before, { ...before, progress: 0, attempts: 2 });
    expect(retry.progress).toBe(0);
  });

  it('does not let an old event reopen a finished job', () => {
    const finished = job({ kind: 'picture', status: 'succeeded', progress: 1 });
    expect(mergeJob(finished, tick(finished, 0.6))).toBe(finished);
  });

  it('creates a job from a tick it has not seen, without inventing a take', () => {
    const j = mergeJob(null, tick(job({ id: 'x', kind: 'picture', shotId: 's9' }), 0.1));
    expect(j).toMatchObject({ id: 'x', shotId: 's9', takeId: null, progress: 0.1, progressEstimated: false });
  });

  it('keeps the error a failure event carries, with the advice the server put in it', () => {
    const running = job({ kind: 'picture', status: 'running', attempts: 1, progress: 0.4 });
    const error = { code: 'content_filtered', message: 'blocked', advice: 'Reword the prompt.' };
    const failed = mergeJob(running, { ...running, status: 'failed', error });
    expect(failed.status).toBe('failed');
    expect(failed.error).toEqual(error);
  });

  it('follows whether the progress is measured or estimated, even at the same figure', () => {
    const before = job({ kind: 'picture', status: 'running', attempts: 1, progress: 0.4 });
    const estimated = mergeJob(before, tick(before, 0.4, true));
    expect(estimated).not.toBe(before);
    expect(estimated).toMatchObject({ progress: 0.4, progressEstimated: true });
    expect(mergeJob(estimated, tick(estimated, 0.5, false)).progressEstimated).toBe(false);
  });
});

describe('applyJobEvents', () => {
  const a1 = job({ kind: 'picture', shotId: 'a', takeId: 'ta', status: 'running', attempts: 1 });
  const b1 = job({ kind: 'picture', shotId: 'b', takeId: 'tb', status: 'running', attempts: 1 });
  const base = loadJobs([a1, b1], []);

  it('recomputes only the shot an event touches; the other keeps its object', () => {
    const next = applyJobEvents(base, [tick(a1, 0.5)]);
    expect(next.byShot.a!.progress).toBeGreaterThan(base.byShot.a!.progress);
    expect(next.byShot.b).toBe(base.byShot.b);
    expect(base.jobs[a1.id]!.progress).toBe(0);
  });

  it('returns the same state when nothing changes', () => {
    expect(applyJobEvents(base, [])).toBe(base);
    expect(applyJobEvents(base, [tick(a1, 0)])).toBe(base);
  });

  it('adds jobs of a new render and moves the shot to its new take', () => {
    const fresh = job({ kind: 'picture', shotId: 'a', takeId: 'ta2' });
    const next = applyJobEvents(base, [fresh]);
    expect(next.shotJobs.a).toEqual([a1.id, fresh.id]);
    expect(next.byShot.a).toMatchObject({ takeId: 'ta2', phase: 'queued' });
  });

  it('keeps the newest film job', () => {
    const film1 = job({ kind: 'film', shotId: null, takeId: null, status: 'succeeded' });
    const film2 = job({ kind: 'film', shotId: null, takeId: null, status: 'queued' });
    const next = applyJobEvents(loadJobs([film1], []), [film2]);
    expect(next.film!.id).toBe(film2.id);
    const done = applyJobEvents(next, [{ ...film2, status: 'succeeded', progress: 1 }]);
    expect(done.film).toMatchObject({ id: film2.id, status: 'succeeded' });
  });

  it('replays events that arrived while the list loaded, without reopening finished jobs', () => {
    const finished = { ...a1, status: 'succeeded' as const, progress: 1 };
    const state = loadJobs(
      [finished],
      [tick(a1, 0.7), job({ id: 'late', kind: 'previews', shotId: 'a', takeId: 'ta', createdAt: 'z' })],
    );
    expect(state.jobs[a1.id]!.status).toBe('succeeded');
    expect(state.shotJobs.a).toEqual([a1.id, 'late']);
    // The picture is done and the previews wait their turn: the shot is under way.
    expect(state.byShot.a!.phase).toBe('rendering');
  });

  it('marks the shot estimated while an estimated tick drives it, and not once it is measured', () => {
    const estimated = applyJobEvents(base, [tick(a1, 0.3, true)]);
    expect(estimated.byShot.a).toMatchObject({ estimated: true });
    expect(estimated.byShot.b).toBe(base.byShot.b);
    expect(applyJobEvents(estimated, [tick(a1, 0.35, false)]).byShot.a!.estimated).toBe(false);
  });
});
