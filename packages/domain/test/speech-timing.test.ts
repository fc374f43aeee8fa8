import { describe, expect, it } from 'vitest';
import { estimatedLineSeconds, estimatedSpeechShotSeconds, placeSpeech, speechShotSeconds } from '../src';

describe('speech timing', () => {
  it('places lines one after another after a lead-in, with a gap between them', () => {
    const { placed, endSeconds } = placeSpeech([
      { character: 'emma', text: 'Hello.', durationSeconds: 1 },
      { character: null, text: 'It grows.', durationSeconds: 2 },
    ]);
    expect(placed.map((l) => l.durationSeconds)).toEqual([1, 2]);
    expect(placed[0]!.startSeconds).toBeCloseTo(0.3, 9);
    // 0.3 lead + 1 s line + 0.35 gap.
    expect(placed[1]!.startSeconds).toBeCloseTo(1.65, 9);
    expect(endSeconds).toBeCloseTo(3.65, 9);
    expect(placeSpeech([])).toEqual({ placed: [], endSeconds: 0 });
  });

  it('gives a shot that follows its speech a tail, on whole frames, never under a second', () => {
    // 3.65 + 0.5 = 4.15 s = 99.6 frames at 24 fps: 100 frames.
    expect(speechShotSeconds(3.65, 24)).toBeCloseTo(100 / 24, 9);
    expect(speechShotSeconds(0, 24)).toBe(1);
  });

  it('estimates speaking time from the words and the voice rate', () => {
    expect(estimatedLineSeconds('one two three four five', 1)).toBeCloseTo(2, 9);
    expect(estimatedLineSeconds('one two three four five', 2)).toBeCloseTo(1, 9);
    // A rate the schema would never allow still gives a finite answer.
    expect(estimatedLineSeconds('one two three four five', 0)).toBeCloseTo(2, 9);
    // 2 s of speech + 0.3 lead + 0.5 tail = 2.8 s = 67.2 frames at 24 fps: 68 frames.
    expect(
      estimatedSpeechShotSeconds([{ character: 'emma', text: 'one two three four five', rate: 1 }], 24),
    ).toBeCloseTo(68 / 24, 9);
  });
});
