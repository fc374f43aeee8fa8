import type { ShotCheck, Violation } from '@ministudio/domain';
import { describe, expect, it } from 'vitest';
import { mergeRefusal, otherViolations, refusedShots, violationsFor } from '../src/render/violations';

const tooLong: Violation = {
  constraint: 'duration_too_long',
  field: 'duration',
  message: '30 s is longer than the 8 s clips Veo makes.',
  fix: 'Split the shot.',
};
const size: Violation = { constraint: 'size', field: 'size', message: '320×180 is not offered.', fix: 'x' };

describe('violations', () => {
  it('reads the shots of a 422 and ignores anything malformed', () => {
    expect(refusedShots({ shots: [{ shotId: 'a', violations: [tooLong] }, { shotId: 3 }] })).toEqual([
      { shotId: 'a', violations: [tooLong] },
    ]);
    expect(refusedShots(null)).toEqual([]);
    expect(refusedShots({ shots: 'no' })).toEqual([]);
  });

  it('puts a refusal over the last check for the same shot only', () => {
    const checks: ShotCheck[] = [
      { shotId: 'a', violations: [], notes: ['kept'] },
      { shotId: 'b', violations: [size], notes: [] },
    ];
    const merged = mergeRefusal(checks, [
      { shotId: 'a', violations: [tooLong] },
      { shotId: 'c', violations: [size] },
    ]);
    expect(merged).toEqual([
      { shotId: 'a', violations: [tooLong], notes: ['kept'] },
      { shotId: 'b', violations: [size], notes: [] },
      { shotId: 'c', violations: [size], notes: [] },
    ]);
    expect(mergeRefusal(undefined, [{ shotId: 'a', violations: [] }])).toHaveLength(1);
  });

  it('splits violations between inline fields and the rest', () => {
    const check: ShotCheck = { shotId: 'a', violations: [tooLong, size], notes: [] };
    expect(violationsFor(check, 'duration')).toEqual([tooLong]);
    expect(violationsFor(check, 'seed')).toEqual([]);
    expect(otherViolations(check)).toEqual([size]);
    expect(violationsFor(null, 'duration')).toEqual([]);
  });
});
