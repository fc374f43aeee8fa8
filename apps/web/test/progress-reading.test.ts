import { describe, expect, it } from 'vitest';
import { progressReading, projectProgress } from '../src/render/progress-reading';
import { shotProgress } from '../src/render/shot-progress';
import { job } from './render-fixtures';

describe('progressReading', () => {
  it('reads a measured figure as a plain percentage and an estimate as one', () => {
    expect(progressReading(0.404, false)).toEqual({ percent: 40, estimated: false, text: '40%' });
    expect(progressReading(0.404, true)).toEqual({ percent: 40, estimated: true, text: '≈ 40% (estimate)' });
  });

  it('keeps the figure within 0..100 whatever it is given', () => {
    expect(progressReading(1.7, false).percent).toBe(100);
    expect(progressReading(-0.2, true).percent).toBe(0);
    expect(progressReading(Number.NaN, false).percent).toBe(0);
  });
});

describe('projectProgress', () => {
  const measured = shotProgress([
    job({ kind: 'picture', shotId: 'a', takeId: 'ta', status: 'running', attempts: 1, progress: 0.2 }),
  ])!;
  const estimated = shotProgress([
    job({
      kind: 'picture',
      shotId: 'b',
      takeId: 'tb',
      status: 'running',
      attempts: 1,
      progress: 0.6,
      progressEstimated: true,
    }),
  ])!;
  const done = shotProgress([job({ kind: 'picture', shotId: 'c', takeId: 'tc', status: 'succeeded' })])!;

  it('is null when nothing is under way', () => {
    expect(projectProgress({})).toBeNull();
    expect(projectProgress({ c: done })).toBeNull();
  });

  it('averages the shots under way, and is an estimate as soon as one of them is', () => {
    expect(projectProgress({ a: measured, c: done })).toEqual({ shots: 1, percent: 20, estimated: false });
    expect(projectProgress({ a: measured, b: estimated, c: done })).toEqual({
      shots: 2,
      percent: 40,
      estimated: true,
    });
  });
});
