import { describe, expect, it } from 'vitest';
import {
  checkLimits,
  estimateRender,
  formatUsd,
  type ModelPrice,
  parseUsd,
  periodStarts,
  type ShotCostInput,
  shotCostMicros,
} from '../src';

const KLING: ModelPrice = { microsPerSecond: 280_000, source: 'https://fal.ai/x', readOn: '2026-12-04' };
const shot = (id: string, over: Partial<ShotCostInput> = {}): ShotCostInput => ({
  shotId: id,
  provider: 'fal',
  model: 'kling',
  label: 'Kling',
  seconds: 5,
  cached: false,
  price: KLING,
  ...over,
});

describe('estimateRender', () => {
  it('multiplies seconds by the price per shot and sums in whole micro-dollars', () => {
    const e = estimateRender([shot('a'), shot('b', { seconds: 10 })]);
    expect(e.shots).toBe(2);
    expect(e.seconds).toBe(15);
    expect(e.knownMicros).toBe(4_200_000);
    expect(e.groups).toEqual([expect.objectContaining({ shots: 2, seconds: 15, costMicros: 4_200_000 })]);
  });

  it('a reused take costs nothing and is not counted among the shots rendered', () => {
    const e = estimateRender([shot('a'), shot('b', { cached: true })]);
    expect(e.shots).toBe(1);
    expect(e.cachedShots).toBe(1);
    expect(e.knownMicros).toBe(1_400_000);
    expect(e.perShot.find((s) => s.shotId === 'b')?.costMicros).toBe(0);
  });

  it('a model without a price is unknown, not zero: its group has no cost and the total leaves it out', () => {
    const e = estimateRender([shot('a'), shot('b', { provider: 'luma', model: 'ray-2', price: null })]);
    expect(e.unknownShots).toBe(1);
    expect(e.knownMicros).toBe(1_400_000);
    const luma = e.groups.find((g) => g.provider === 'luma')!;
    expect(luma.costMicros).toBeNull();
    expect(luma.seconds).toBe(5);
    expect(e.perShot.find((s) => s.shotId === 'b')?.costMicros).toBeNull();
  });

  it('many small amounts add up exactly (no float drift)', () => {
    const price: ModelPrice = { microsPerSecond: 100_000, source: 's', readOn: '2026-12-04' };
    const e = estimateRender(Array.from({ length: 1000 }, (_, i) => shot(`s${i}`, { seconds: 1, price })));
    expect(e.knownMicros).toBe(100_000_000);
    expect(shotCostMicros(0.1 * 3, price)).toBe(30_000);
  });
});

describe('checkLimits', () => {
  const none = { dailyMicros: null, monthlyMicros: null };
  const base = {
    studio: none,
    providers: {},
    spent: { studio: { dayMicros: 0, monthMicros: 0 }, providers: {} },
  };

  it('refuses past the studio daily limit and says what remains', () => {
    const breaches = checkLimits({
      ...base,
      studio: { dailyMicros: 5_000_000, monthlyMicros: null },
      spent: { studio: { dayMicros: 4_000_000, monthMicros: 4_000_000 }, providers: {} },
      adding: { totalMicros: 1_400_000, byProvider: { fal: 1_400_000 } },
    });
    expect(breaches).toEqual([
      {
        scope: 'studio',
        provider: null,
        period: 'day',
        limitMicros: 5_000_000,
        spentMicros: 4_000_000,
        remainingMicros: 1_000_000,
        wouldSpendMicros: 1_400_000,
      },
    ]);
  });

  it('exactly the remaining budget fits; one micro-dollar more does not', () => {
    const input = (adding: number) => ({
      ...base,
      studio: { dailyMicros: null, monthlyMicros: 2_000_000 },
      spent: { studio: { dayMicros: 0, monthMicros: 600_000 }, providers: {} },
      adding: { totalMicros: adding, byProvider: {} },
    });
    expect(checkLimits(input(1_400_000))).toEqual([]);
    expect(checkLimits(input(1_400_001))).toHaveLength(1);
  });

  it('a provider limit counts only that provider, and remaining never goes below zero', () => {
    const breaches = checkLimits({
      ...base,
      providers: { fal: { dailyMicros: 1_000_000, monthlyMicros: null } },
      spent: {
        studio: { dayMicros: 9_000_000, monthMicros: 9_000_000 },
        providers: { fal: { dayMicros: 1_500_000, monthMicros: 1_500_000 } },
      },
      adding: { totalMicros: 2_000_000, byProvider: { fal: 1, luma: 1_999_999 } },
    });
    expect(breaches).toEqual([
      expect.objectContaining({ scope: 'provider', provider: 'fal', period: 'day', remainingMicros: 0 }),
    ]);
  });

  it('a render that adds nothing (reused takes, unknown prices) passes even a spent-out limit', () => {
    expect(
      checkLimits({
        ...base,
        studio: { dailyMicros: 0, monthlyMicros: 0 },
        adding: { totalMicros: 0, byProvider: {} },
      }),
    ).toEqual([]);
  });
});

describe('money in text', () => {
  it('formats dollars and keeps sub-cent digits', () => {
    expect(formatUsd(1_400_000)).toBe('$1.40');
    expect(formatUsd(12_345_678_000)).toBe('$12,345.68');
    expect(formatUsd(4_500)).toBe('$0.0045');
    expect(formatUsd(0)).toBe('$0.00');
    expect(formatUsd(999_999)).toBe('$1.00');
  });

  it('parses amounts as text, refusing nonsense', () => {
    expect(parseUsd('12.5')).toBe(12_500_000);
    expect(parseUsd('$0.000001')).toBe(1);
    expect(parseUsd('3')).toBe(3_000_000);
    expect(parseUsd('-1')).toBeNull();
    expect(parseUsd('1.2345678')).toBeNull();
    expect(parseUsd('abc')).toBeNull();
  });

  it('periods start at UTC midnight and the first of the month', () => {
    const { day, month } = periodStarts(new Date('2026-12-04T03:25:00Z'));
    expect(day.toISOString()).toBe('2026-12-04T00:00:00.000Z');
    expect(month.toISOString()).toBe('2026-12-01T00:00:00.000Z');
  });
});
