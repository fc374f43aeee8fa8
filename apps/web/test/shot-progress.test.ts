import { describe, expect, it } from 'vitest';
import { JOB_WEIGHTS, shotProgress, shotStatus } from '../src/render/shot-progress';
import { job } from './render-fixtures';

const TOTAL =
  JOB_WEIGHTS.speech + JOB_WEIGHTS.picture + JOB_WEIGHTS.conform + JOB_WEIGHTS.fit + JOB_WEIGHTS.previews;

describe('shotProgress', () => {
  it('is null without jobs', () => {
    expect(shotProgress([])).toBeNull();
  });

  it('weights the picture most and counts finished jobs whole', () => {
    const p = shotProgress([
      job({ kind: 'speech', status: 'succeeded', progress: 1 }),
      job({ kind: 'picture', status: 'running', progress: 0.5, attempts: 1 }),
      job({ kind: 'conform' }),
      job({ kind: 'fit' }),
      job({ kind: 'previews' }),
    ])!;
    expect(p.phase).toBe('rendering');
    expect(p.progress).toBeCloseTo((JOB_WEIGHTS.speech + JOB_WEIGHTS.picture * 0.5) / TOTAL);
    // Half the picture is well over a third of the shot; half the speech alone would be almost nothing.
    expect(p.progress).toBeGreaterThan(0.4);
    expect(p.activeJobIds).toHaveLength(4);
  });

  it('says queued until something has started, rendering after', () => {
    expect(shotProgress([job({ kind: 'picture' }), job({ kind: 'previews' })])!.phase).toBe('queued');
    // A queued job that already ran once is waiting to retry.
    expect(shotProgress([job({ kind: 'picture', attempts: 1, error: null })])!.phase).toBe('rendering');
  });

  it('only counts the newest take of the shot', () => {
    const old = [
      job({ kind: 'picture', takeId: 'old', status: 'succeeded', progress: 1 }),
      job({ kind: 'previews', takeId: 'old', status: 'succeeded', progress: 1 }),
    ];
    const fresh = [job({ kind: 'picture', takeId: 'new' }), job({ kind: 'previews', takeId: 'new' })];
    const p = shotProgress([...old, ...fresh])!;
    expect(p.takeId).toBe('new');
    expect(p.progress).toBe(0);
    expect(p.phase).toBe('queued');
  });

  it('reports the job that failed, not the ones cancelled because of it', () => {
    const error = { code: 'provider_rejected_input', message: 'not configured', advice: 'Check the shot.' };
    const p = shotProgress([
      job({ kind: 'picture', status: 'failed', error, finishedAt: '2026-01-01T00:01:00.000Z' }),
      job({
        kind: 'conform',
        status: 'cancelled',
        error: { ...error, message: 'A job it needed failed' },
        finishedAt: '2026-01-01T00:01:00.000Z',
      }),
    ])!;
    expect(p.phase).toBe('failed');
    expect(p.error).toEqual(error);
    expect(p.activeJobIds).toEqual([]);
  });

  it('is an estimate while a job under way reports estimated progress, and not once it is done', () => {
    const measured = shotProgress([job({ kind: 'picture', status: 'running', progress: 0.3, attempts: 1 })])!;
    expect(measured.estimated).toBe(false);
    const picture = job({
      kind: 'picture',
      status: 'running',
      progress: 0.3,
      attempts: 1,
      progressEstimated: true,
    });
    const estimated = shotProgress([picture, job({ kind: 'previews' })])!;
    expect(estimated).toMatchObject({ phase: 'rendering', estimated: true });
    const finished = shotProgress([{ ...picture, status: 'succeeded', progress: 1 }])!;
    expect(finished).toMatchObject({ phase: 'done', estimated: false });
  });

  it('is done at 1 when every job succeeded', () => {
    const p = shotProgress([
      job({ kind: 'picture', status: 'succeeded', progress: 0.97 }),
      job({ kind: 'previews', status: 'succeeded', progress: 1 }),
    ])!;
    expect(p).toMatchObject({ phase: 'done', progress: 1, error: null });
  });
});

describe('shotStatus', () => {
  const done = shotProgress([job({ kind: 'picture', status: 'succeeded', takeId: 'a' })]);
  const failed = shotProgress([job({ kind: 'picture', status: 'failed', takeId: 'b' })]);
  const state = (chosenTakeId: string | null, stale: boolean) => ({
    shotId: 's1',
    chosenTakeId,
    status: chosenTakeId ? ('succeeded' as const) : null,
    stale,
    posterUrl: null,
    videoUrl: null,
    filmstripUrl: null,
    waveformUrl: null,
    durationSeconds: null,
  });

  it('follows the chosen take and its staleness', () => {
    expect(shotStatus(null, null)).toBe('none');
    expect(shotStatus(null, state(null, false))).toBe('none');
    expect(shotStatus(null, state('a', false))).toBe('ready');
    expect(shotStatus(done, state('a', true))).toBe('stale');
    expect(shotStatus(done, null)).toBe('ready');
  });

  it('shows a failure only while no current take covers the shot', () => {
    expect(shotStatus(failed, state(null, false))).toBe('failed');
    expect(shotStatus(failed, state('a', true))).toBe('failed');
    expect(shotStatus(failed, state('a', false))).toBe('ready');
  });

  it('shows work in progress above everything else', () => {
    const running = shotProgress([job({ kind: 'picture', status: 'running', takeId: 'c' })]);
    expect(shotStatus(running, state('a', true))).toBe('rendering');
  });
});
