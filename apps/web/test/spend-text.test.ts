import type { RenderEstimateResponse } from '@ministudio/domain';
import { describe, expect, it } from 'vitest';
import { estimateText, spentText } from '../src/render/spend-text';

const base: RenderEstimateResponse = {
  shots: 5,
  cachedShots: 0,
  seconds: 40,
  knownMicros: 11_200_000,
  unknownShots: 0,
  groups: [
    {
      provider: 'fal',
      model: 'fal-ai/kling-video/v2.1/master',
      label: 'Kling 2.1 Master (fal)',
      shots: 5,
      seconds: 40,
      costMicros: 11_200_000,
      price: { microsPerSecond: 280_000, source: 'https://fal.ai/models/x', readOn: '2026-12-04' },
    },
  ],
  perShot: [],
  breaches: [],
};

describe('estimateText', () => {
  it('says shots, seconds and model with the figure, and where the price came from', () => {
    const t = estimateText(base);
    expect(t.text).toBe('5 shots, 40 s on Kling 2.1 Master (fal) ≈ $11.20');
    expect(t.detail).toBe('Kling 2.1 Master (fal): $0.28/s (https://fal.ai/models/x, read 2026-12-04)');
    expect(t.unknown).toBe(false);
  });

  it('says "price unknown — not counted" for a model without a price, and the total of the rest', () => {
    const t = estimateText({
      ...base,
      shots: 7,
      unknownShots: 2,
      cachedShots: 1,
      groups: [
        ...base.groups,
        {
          provider: 'luma',
          model: 'ray-2',
          label: 'Luma Ray 2',
          shots: 2,
          seconds: 10,
          costMicros: null,
          price: null,
        },
      ],
    });
    expect(t.text).toBe(
      '5 shots, 40 s on Kling 2.1 Master (fal) ≈ $11.20 · 2 shots, 10 s on Luma Ray 2: price unknown — not counted · total ≈ $11.20 · 1 shot reused (free)',
    );
    expect(t.unknown).toBe(true);
    expect(t.detail).toContain('Luma Ray 2: no published price found');
  });

  it('warns before the click when the render is over a limit, with what is left', () => {
    const t = estimateText({
      ...base,
      breaches: [
        {
          scope: 'provider',
          provider: 'fal',
          period: 'month',
          limitMicros: 3_000_000,
          spentMicros: 2_800_000,
          remainingMicros: 200_000,
          wouldSpendMicros: 11_200_000,
        },
      ],
    });
    expect(t.over).toBe(true);
    expect(t.text).toContain('over the fal monthly limit: $0.20 left');
  });

  it('a render of reused takes only costs nothing', () => {
    expect(
      estimateText({ ...base, shots: 0, cachedShots: 3, seconds: 0, knownMicros: 0, groups: [] }).text,
    ).toBe('nothing new to render: $0.00 · 3 shots reused (free)');
  });
});

describe('spentText', () => {
  it('the project total, and the takes it could not count', () => {
    expect(spentText(2_800_000, 0)).toBe('Spent on this project: $2.80');
    expect(spentText(0, 1)).toBe('Spent on this project: $0.00 (+ 1 take, price unknown)');
  });
});

describe('self-hosted', () => {
  it('what runs on this studio costs nothing and says so', () => {
    const t = estimateText({
      ...base,
      shots: 1,
      seconds: 2,
      knownMicros: 0,
      groups: [
        {
          provider: 'local',
          model: 'animatic',
          label: 'Animatic (built in)',
          shots: 1,
          seconds: 2,
          costMicros: 0,
          price: { microsPerSecond: 0, source: 'self-hosted', readOn: '2026-12-04' },
        },
      ],
    });
    expect(t.text).toBe('1 shot, 2 s on Animatic (built in): free');
  });
});
