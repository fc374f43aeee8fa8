import { describe, expect, it } from 'vitest';
import { ProviderHttp } from '../src/http/client';
import { type PollStep, pollUntilDone, SUBMITTED_PROGRESS, workProgress } from '../src/http/poll';

const http = new ProviderHttp(
  'Test',
  { fetch: globalThis.fetch, log: () => {}, requestTimeoutMs: 1000 },
  () => [],
);

/** Runs the poll loop over a scripted provider and records every progress call with its options. */
async function run(steps: PollStep<string>[]) {
  const ticks: { fraction: number; options: { estimated?: boolean } | undefined; args: number }[] = [];
  let i = 0;
  const value = await pollUntilDone(
    http,
    { intervalMs: 2, timeoutMs: 2000 },
    {
      signal: new AbortController().signal,
      onProgress: (...args: [number, { estimated?: boolean }?]) =>
        ticks.push({ fraction: args[0], options: args[1], args: args.length }),
    },
    async () => steps[Math.min(i++, steps.length - 1)] as PollStep<string>,
    null,
  );
  return { value, ticks };
}

describe('pollUntilDone progress', () => {
  it('marks figures it makes up from elapsed time as estimates', async () => {
    const running: PollStep<string> = { done: false, progress: null };
    const { value, ticks } = await run([running, running, running, running, { done: true, value: 'ok' }]);
    expect(value).toBe('ok');
    expect(ticks.length).toBeGreaterThan(0);
    for (const tick of ticks) {
      expect(tick.options).toEqual({ estimated: true });
      expect(tick.fraction).toBeGreaterThan(SUBMITTED_PROGRESS);
      expect(tick.fraction).toBeLessThan(0.95);
    }
  });

  it('passes the provider’s own figures on without options', async () => {
    const { ticks } = await run([
      { done: false, progress: 0.25 },
      { done: false, progress: 0.5 },
      { done: false, progress: 0.5 },
      { done: false, progress: 1 },
      { done: true, value: 'ok' },
    ]);
    expect(ticks.map((t) => t.fraction)).toEqual([workProgress(0.25), workProgress(0.5), workProgress(1)]);
    expect(ticks.every((t) => t.args === 1 && t.options === undefined)).toBe(true);
    expect(workProgress(1)).toBeCloseTo(0.95, 10);
  });

  it('never reports lower than it has, when a provider stops giving figures', async () => {
    const { ticks } = await run([
      { done: false, progress: 0.6 },
      { done: false, progress: null },
      { done: false, progress: null },
      { done: true, value: 'ok' },
    ]);
    expect(ticks).toEqual([{ fraction: workProgress(0.6), options: undefined, args: 1 }]);
  });
});
