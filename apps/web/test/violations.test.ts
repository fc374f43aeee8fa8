import type { ShotCheck, Violation } from '@ministudio/domain';
import { describe, expect, it } from 'vitest';
import {
  byField,
  mergeRefusal,
  otherViolations,
  refusalNotice,
  refusedShots,
  violationsFor,
} from '../src/render/violations';

const tooLong: Violation = {
  constraint: 'duration_too_long',
  field: 'duration',
  message: '30 s is longer than the 8 s clips Veo makes.',
  fix: 'Split the shot.',
};
const size: Violation = { constraint: 'size', field: 'size', message: '320×180 is not offered.', fix: 'x' };
const noKey: Violation = {
  constraint: 'provider_not_configured',
  field: 'provider',
  message: 'The video provider "runway" is not configured in this studio.',
  fix: "Set RUNWAYML_API_SECRET (in the studio's environment or data/providers.json), or choose another provider.",
};
const noVoice: Violation = {
  constraint: 'provider_not_configured',
  field: 'voice',
  message: 'The speech provider "elevenlabs" is not configured in this studio.',
  fix: "Set ELEVENLABS_API_KEY (in the studio's environment or data/providers.json), or give the speakers another voice.",
};

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

  it('groups the rest by field, in the order the fields first appear', () => {
    expect(byField([size, noVoice, { ...size, message: 'other' }])).toEqual([
      ['size', [size, { ...size, message: 'other' }]],
      ['voice', [noVoice]],
    ]);
    expect(byField([])).toEqual([]);
  });
});

describe('refusalNotice', () => {
  it('says a shot asks too much, and that nothing was rendered', () => {
    expect(refusalNotice([{ shotId: 'a', violations: [tooLong] }])).toEqual({
      text: 'A shot asks for more than its provider can do: see the marked shot. Nothing was rendered.',
      setup: false,
    });
    expect(
      refusalNotice([
        { shotId: 'a', violations: [tooLong] },
        { shotId: 'b', violations: [size] },
      ]).text,
    ).toMatch(/^2 shots ask for more/);
  });

  it('says speech too long for its shot is the shot’s, not the provider’s', () => {
    const speech: Violation = {
      constraint: 'speech_does_not_fit',
      field: 'duration',
      message: 'Emma’s line “…” takes about 77 s; the speech ends near 77.3 s, but the shot lasts 8 s.',
      fix: 'Let the shot follow its speech, lengthen it, or split it.',
    };
    expect(refusalNotice([{ shotId: 'a', violations: [speech] }]).text).toBe(
      'A shot’s speech runs past its length: see the marked shot. Nothing was rendered.',
    );
    expect(
      refusalNotice([
        { shotId: 'a', violations: [speech] },
        { shotId: 'b', violations: [speech] },
      ]).text,
    ).toMatch(/^2 shots’ speech run past their length/);
    expect(refusalNotice([{ shotId: 'a', violations: [speech, tooLong] }]).text).toMatch(
      /^A shot asks for more/,
    );
  });

  it('names each setting to set once, however many shots need it, and the limits besides', () => {
    const notice = refusalNotice([
      { shotId: 'a', violations: [noKey, tooLong] },
      { shotId: 'b', violations: [noKey, noVoice] },
    ]);
    expect(notice.setup).toBe(true);
    expect(notice.text).toBe(
      `Nothing was rendered. ${noKey.message} ${noKey.fix} ${noVoice.message} ${noVoice.fix} A shot also asks for more than its provider can do: see the marked shot.`,
    );
    expect(notice.text.match(/RUNWAYML_API_SECRET/g)).toHaveLength(1);
    expect(refusalNotice([{ shotId: 'a', violations: [noKey] }]).text).toBe(
      `Nothing was rendered. ${noKey.message} ${noKey.fix}`,
    );
  });
});
