import { describe, expect, it } from 'vitest';
import { fitNotes } from '../src/service/take-book';

// A take's notes about its length must agree with each other: an 8 s shot whose speech held the picture
// to 77 s used to say both "fitted to the shot's 77 s" and that the speech was fitted to the picture.

describe('the notes a take keeps about fitting', () => {
  it('call the shot’s length the shot’s, and say when the speech made the take longer', () => {
    const notes = fitNotes(8, { applied: 'extend-picture', durationSeconds: 77.32, retimedFromSeconds: 9 });
    expect(notes).toEqual([
      "The provider made 9 s; the picture was fitted to the shot's 8 s.",
      "Speech fitted to picture: extend picture, so the take lasts 77.32 s, not the shot's 8 s.",
    ]);
  });

  it('say nothing of a length change when the take is the shot’s length', () => {
    expect(
      fitNotes(5.2, { applied: 'stretch-speech', durationSeconds: 5.2, retimedFromSeconds: null }),
    ).toEqual(['Speech fitted to picture: stretch speech.']);
    expect(fitNotes(5, { applied: 'none', durationSeconds: 5, retimedFromSeconds: null })).toEqual([]);
  });
});
