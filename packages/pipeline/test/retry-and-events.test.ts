import { describe, expect, it } from 'vitest';
import { EventLog, retryDelaySeconds } from '../src';

describe('retryDelaySeconds', () => {
  const policy = { baseSeconds: 2, maxSeconds: 60 };
  it('grows exponentially with jitter inside [ceiling/2, ceiling]', () => {
    for (const [attempt, ceiling] of [
      [1, 2],
      [2, 4],
      [3, 8],
      [7, 60],
    ] as const) {
      expect(retryDelaySeconds(attempt, null, policy, () => 0)).toBe(ceiling / 2);
      expect(retryDelaySeconds(attempt, null, policy, () => 0.999999)).toBeCloseTo(ceiling, 3);
    }
  });
  it('never retries sooner than Retry-After', () => {
    expect(retryDelaySeconds(1, 30, policy, () => 0)).toBe(30);
    expect(retryDelaySeconds(5, 1, policy, () => 0)).toBe(16);
  });
});

describe('EventLog', () => {
  const tick = (id: string) =>
    ({
      id,
      kind: 'picture',
      shotId: null,
      status: 'running',
      progress: 0.5,
      progressEstimated: false,
    }) as const;
  it('replays what a reconnecting client missed, for its project only', () => {
    const log = new EventLog(10);
    log.publish('job', 'a', tick('1'));
    const seen = log.publish('job', 'a', tick('2')).id;
    log.publish('job', 'b', tick('3'));
    log.publish('take', 'a', { id: '4', shotId: 's', status: 'rendering' });
    expect(
      log.since(seen, 'a')?.map((e) => (e.type === 'film' || e.type === 'drift' ? e.data.jobId : e.data.id)),
    ).toEqual(['4']);
  });
  it('reports a gap when the missed events are gone or come from before a restart', () => {
    const log = new EventLog(3);
    for (let i = 0; i < 10; i++) log.publish('job', 'a', tick(String(i)));
    expect(log.since(2, 'a')).toBeNull();
    expect(log.since(999, 'a')).toBeNull();
    expect(log.since(8, 'a')).toHaveLength(2);
  });
  it('delivers new events to subscribers until they leave', () => {
    const log = new EventLog();
    const got: number[] = [];
    const leave = log.subscribe((e) => got.push(e.id));
    log.publish('job', 'a', tick('1'));
    leave();
    log.publish('job', 'a', tick('2'));
    expect(got).toEqual([1]);
  });
});
