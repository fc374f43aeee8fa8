import { describe, expect, it } from 'vitest';
import { activeCount, queueEntries } from '../src/render/render-queue';
import { loadJobs } from '../src/render/render-state';
import { job } from './render-fixtures';

const numbers = new Map([
  ['s1', 1],
  ['s2', 2],
  ['s3', 3],
]);

function entriesOf(jobs: ReturnType<typeof job>[]) {
  const state = loadJobs(jobs, []);
  return queueEntries(state.jobs, numbers, state.byShot);
}

describe('queueEntries', () => {
  it('groups a take’s jobs into one entry with its stages in running order', () => {
    const [entry] = entriesOf([
      job({ kind: 'previews', status: 'queued' }),
      job({ kind: 'speech', status: 'succeeded', progress: 1 }),
      job({ kind: 'picture', status: 'running', progress: 0.5 }),
    ]);
    expect(entry?.jobs.map((j) => j.kind)).toEqual(['speech', 'picture', 'previews']);
    expect(entry).toMatchObject({ shotId: 's1', shotNumber: 1, phase: 'rendering', retryable: false });
    expect(entry?.activeJobIds).toHaveLength(2);
  });

  it('lists running, then waiting in film order, then finished newest first', () => {
    const entries = entriesOf([
      job({ kind: 'picture', shotId: 's3', takeId: 't3', status: 'queued' }),
      job({ kind: 'picture', shotId: 's2', takeId: 't2', status: 'queued' }),
      job({
        kind: 'picture',
        shotId: 's1',
        takeId: 't1',
        status: 'succeeded',
        finishedAt: '2026-01-01T00:01:00Z',
      }),
      job({
        kind: 'picture',
        shotId: 's1',
        takeId: 't1b',
        status: 'failed',
        finishedAt: '2026-01-01T00:02:00Z',
      }),
      job({ kind: 'picture', shotId: 's3', takeId: 't3x', status: 'running', progress: 0.1 }),
      job({
        kind: 'film',
        shotId: null,
        takeId: null,
        status: 'succeeded',
        finishedAt: '2026-01-01T00:00:30Z',
      }),
    ]);
    expect(entries.map((e) => e.key)).toEqual(['t3x', 't2', 't3', 't1b', 't1', expect.stringMatching(/^j/)]);
    expect(activeCount(entries)).toBe(3);
    const film = entries.at(-1);
    expect(film).toMatchObject({ shotId: null, shotNumber: null, phase: 'done', progress: 1 });
  });

  it('offers Retry only on the shot’s newest render when it failed or was cancelled', () => {
    const entries = entriesOf([
      job({ kind: 'picture', shotId: 's1', takeId: 'old', status: 'cancelled' }),
      job({ kind: 'picture', shotId: 's1', takeId: 'new', status: 'succeeded', progress: 1 }),
      job({ kind: 'picture', shotId: 's2', takeId: 'x', status: 'cancelled' }),
      job({
        kind: 'picture',
        shotId: 's3',
        takeId: 'y',
        status: 'failed',
        error: { code: 'provider_error', message: 'The provider refused', advice: 'Try again later.' },
      }),
    ]);
    const by = new Map(entries.map((e) => [e.key, e]));
    expect(by.get('old')?.retryable).toBe(false);
    expect(by.get('new')?.retryable).toBe(false);
    expect(by.get('x')?.retryable).toBe(true);
    expect(by.get('y')).toMatchObject({ retryable: true, error: { message: 'The provider refused' } });
  });

  it('numbers a deleted shot as unknown rather than guessing', () => {
    const [entry] = entriesOf([job({ kind: 'picture', shotId: 'gone', takeId: 'g', status: 'queued' })]);
    expect(entry?.shotNumber).toBeNull();
  });
});
