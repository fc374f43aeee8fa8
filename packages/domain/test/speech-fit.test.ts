import { describe, expect, it } from 'vitest';
import {
  describeMisfit,
  estimatedLineSeconds,
  lengthenTo,
  shotSpeechItems,
  speechMisfit,
  splitSpeech,
} from '../src';

// 1,650 characters of speech: about 275 words, some 110 s at 150 words a minute.
const LONG = Array.from({ length: 25 }, (_, i) => `This is sentence number ${i + 1} of the long speech here.`)
  .join(' ')
  .padEnd(1650, ' word');

describe('speech that does not fit a fixed-length shot', () => {
  const items = shotSpeechItems(
    {
      dialogue: [
        { character: 'emma', text: 'Hello.' },
        { character: 'emma', text: LONG },
      ],
      narration: '',
    },
    [{ key: 'emma', voice: { rate: 1 } }],
    { rate: 1 },
  );

  it('names the line that runs past the end, its estimate and the shot’s length', () => {
    const misfit = speechMisfit(8, items, 25);
    expect(misfit).not.toBeNull();
    expect(misfit!.line.index).toBe(1);
    expect(misfit!.line.character).toBe('emma');
    expect(misfit!.line.estimatedSeconds).toBeGreaterThan(60);
    expect(misfit!.shotSeconds).toBe(8);
    expect(misfit!.speechShotSeconds).toBeGreaterThan(misfit!.line.estimatedSeconds);
    const text = describeMisfit(misfit!, { emma: 'Emma' });
    expect(text).toContain('Emma’s line');
    expect(text).toContain('the shot lasts 8 s');
  });

  it('lets through speech that fits, a shot that follows its speech and a silent shot', () => {
    const short = [{ character: 'emma', text: 'A few words only.', rate: 1 }];
    expect(speechMisfit(8, short, 25)).toBeNull();
    expect(speechMisfit('speech', items, 25)).toBeNull();
    expect(speechMisfit(8, [], 25)).toBeNull();
  });

  it('tolerates a small overrun that stretching the speech absorbs, not a larger one', () => {
    // 20 words = 8 s of speech + 0.3 s lead: 8.3 s in an 8 s shot is within 10 %.
    const twenty = [{ character: null, text: Array(20).fill('word').join(' '), rate: 1 }];
    expect(speechMisfit(8, twenty, 25)).toBeNull();
    expect(speechMisfit(7, twenty, 25)).not.toBeNull();
  });

  it('a faster voice makes the same line fit', () => {
    const line = Array(24).fill('word').join(' ');
    expect(speechMisfit(8, [{ character: 'a', text: line, rate: 1 }], 25)).not.toBeNull();
    expect(speechMisfit(8, [{ character: 'a', text: line, rate: 1.5 }], 25)).toBeNull();
  });
});

describe('lengthen to what the model allows', () => {
  it('rounds up to a whole second within a range', () => {
    expect(lengthenTo(11.2, { kind: 'range', min: 1, max: 60 }, 120)).toBe(12);
    expect(lengthenTo(0.6, { kind: 'range', min: 2, max: 60 }, 120)).toBe(2);
    expect(lengthenTo(77, { kind: 'range', min: 1, max: 60 }, 120)).toBeNull();
  });
  it('takes the shortest listed length at or above the speech', () => {
    expect(lengthenTo(6.2, { kind: 'list', seconds: [5, 10] }, 120)).toBe(10);
    expect(lengthenTo(10.5, { kind: 'list', seconds: [5, 10] }, 120)).toBeNull();
  });
  it('stays within the longest shot the studio takes', () => {
    expect(lengthenTo(130, null, 120)).toBeNull();
    expect(lengthenTo(9.01, null, 120)).toBe(10);
  });
});

describe('split into shots whose lines fit', () => {
  it('keeps whole lines together while they fit, in order', () => {
    const lines = ['One two three four five six.', 'Seven eight nine ten eleven twelve.', 'Thirteen.'].map(
      (text) => ({ character: 'a', text, rate: 1 }),
    );
    const groups = splitSpeech(lines, 5);
    expect(groups.flat().map((l) => l.text)).toEqual(lines.map((l) => l.text));
    for (const group of groups) expect(speechMisfit(5, group, 25)).toBeNull();
    expect(groups.length).toBeGreaterThan(1);
  });

  it('cuts a line too long for any one shot at its sentences, losing no word', () => {
    const groups = splitSpeech([{ character: 'emma', text: LONG, rate: 1 }], 8);
    expect(groups.length).toBeGreaterThanOrEqual(Math.ceil(estimatedLineSeconds(LONG, 1) / 8));
    for (const group of groups) {
      expect(speechMisfit(8, group, 25)).toBeNull();
      for (const line of group) expect(line.character).toBe('emma');
    }
    const words = (s: string) => s.split(/\s+/).filter(Boolean);
    expect(groups.flat().flatMap((l) => words(l.text))).toEqual(words(LONG));
    // Sentences stay whole where they can: the first piece ends at a full stop.
    expect(groups[0]![0]!.text.endsWith('.')).toBe(true);
  });
});
