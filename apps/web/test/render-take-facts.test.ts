import type { TakeView } from '@ministudio/domain';
import { describe, expect, it } from 'vitest';
import { takeFacts, takeListName, toggleCompare } from '../src/render/take-facts';

const take = (partial: Partial<TakeView> = {}): TakeView => ({
  id: 't1',
  shotId: 's1',
  number: 1,
  status: 'succeeded',
  inputHash: 'h',
  prompt: 'p',
  seed: 42,
  seedApplied: true,
  provider: 'local',
  model: 'animatic-v1',
  durationSeconds: 2,
  pinned: false,
  chosen: true,
  stale: false,
  notes: [],
  createdAt: '2026-03-05T14:07:00.000Z',
  urls: { video: null, proxy: null, poster: null, filmstrip: null, waveform: null, regionsUrl: null },
  ...partial,
});

describe('takeFacts', () => {
  it('says provider, model, seed, length and date', () => {
    const facts = takeFacts(take(), 'en-GB');
    expect(facts).toMatchObject({
      source: 'local/animatic-v1',
      seed: 'seed 42',
      seedIgnored: false,
      duration: '2.0 s',
    });
    expect(facts.date).toMatch(/5 Mar/);
  });

  it('says when the provider ignored the seed, and when there is none or no length yet', () => {
    expect(takeFacts(take({ seedApplied: false }))).toMatchObject({
      seed: 'seed 42 (not applied)',
      seedIgnored: true,
    });
    expect(takeFacts(take({ seed: null, seedApplied: false })).seed).toBe('no seed');
    expect(takeFacts(take({ durationSeconds: null })).duration).toBeNull();
    expect(takeFacts(take({ createdAt: 'garbage' })).date).toBe('');
  });
});

describe('comparison', () => {
  it('names two or more takes in words', () => {
    expect(takeListName([1, 2])).toBe('take 1 and take 2');
    expect(takeListName([1, 3, 4])).toBe('take 1, take 3 and take 4');
  });

  it('keeps the newest four picked and drops an unchecked take', () => {
    let picked: string[] = [];
    for (const id of ['a', 'b', 'c', 'd', 'e']) picked = toggleCompare(picked, id, true);
    expect(picked).toEqual(['b', 'c', 'd', 'e']);
    expect(toggleCompare(picked, 'c', false)).toEqual(['b', 'd', 'e']);
    expect(toggleCompare(['a', 'b'], 'a', true)).toEqual(['b', 'a']);
  });
});
