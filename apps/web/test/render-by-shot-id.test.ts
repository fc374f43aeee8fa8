import { describe, expect, it } from 'vitest';
import { byShotId } from '../src/render/render-queries';

describe('byShotId', () => {
  it('finds each shot and builds its index once per answer', () => {
    const answer = Array.from({ length: 500 }, (_, i) => ({ shotId: `s${i}`, stale: i % 2 === 0 }));
    const index = byShotId(answer);
    expect(index.get('s0')).toBe(answer[0]);
    expect(index.get('s499')).toBe(answer[499]);
    expect(index.get('nope')).toBeUndefined();
    // The same answer gives the same index (no rebuild per card); a new answer, a new one.
    expect(byShotId(answer)).toBe(index);
    const next = [...answer];
    expect(byShotId(next)).not.toBe(index);
  });
});
