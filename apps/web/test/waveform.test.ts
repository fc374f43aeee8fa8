import { describe, expect, it } from 'vitest';
import { columnCount, peakColumns, waveformBars } from '../src/render/waveform';

describe('peakColumns', () => {
  it('keeps the loudest peak of each column, so short loud moments survive', () => {
    const peaks = [0, 0, 0.9, 0, 0.1, 0.2, 0, 0];
    expect(peakColumns(peaks, 4)).toEqual([0, 0.9, 0.2, 0]);
  });

  it('stretches fewer peaks over more columns', () => {
    expect(peakColumns([0.2, 0.8], 4)).toEqual([0.2, 0.2, 0.8, 0.8]);
  });

  it('handles empty input and clamps values', () => {
    expect(peakColumns([], 3)).toEqual([0, 0, 0]);
    expect(peakColumns([1.4, -0.5], 2)).toEqual([1, 0.5]);
    expect(peakColumns([0.5], 0)).toEqual([]);
  });
});

describe('waveformBars', () => {
  it('centres bars on the middle line and spaces them evenly', () => {
    const bars = waveformBars([1, 0.5, 0], 30, 40, 1);
    expect(bars.map((b) => b.x)).toEqual([0, 10, 20]);
    expect(bars.map((b) => b.width)).toEqual([9, 9, 9]);
    expect(bars[0]).toMatchObject({ y: 0, height: 40 });
    expect(bars[1]).toMatchObject({ y: 10, height: 20 });
    // Silence is a hairline, not nothing.
    expect(bars[2]).toMatchObject({ y: 19.5, height: 1 });
  });

  it('draws nothing on a zero-sized canvas', () => {
    expect(waveformBars([0.5], 0, 40, 1)).toEqual([]);
  });
});

describe('columnCount', () => {
  it('fits one bar per pitch but never more than the peaks', () => {
    expect(columnCount(300, 3, 1000)).toBe(100);
    expect(columnCount(300, 3, 40)).toBe(40);
    expect(columnCount(0, 3, 40)).toBe(0);
  });
});
