import { describe, expect, it } from 'vitest';
import { mixSpeech } from '../src/index';

describe('mixSpeech', () => {
  it('places clips at their offsets and cuts at the shot’s end', () => {
    const rate = 1000;
    const a = new Float32Array(100).fill(0.5);
    const mixed = mixSpeech(
      [
        { samples: a, startSeconds: 0.5 },
        { samples: a, startSeconds: 0.55 },
        { samples: a, startSeconds: 0.95 },
      ],
      rate,
      1,
    );
    expect(mixed.length).toBe(1000);
    expect(mixed[499]).toBe(0);
    expect(mixed[500]).toBe(0.5);
    expect(mixed[560]).toBe(1); // overlap adds, not over full scale
    expect(mixed[620]).toBe(0.5);
    expect(mixed[999]).toBe(0.5);
  });

  it('limits overlaps above full scale softly', () => {
    const loud = new Float32Array(10).fill(0.9);
    const mixed = mixSpeech(
      [
        { samples: loud, startSeconds: 0 },
        { samples: loud, startSeconds: 0 },
      ],
      10,
      1,
    );
    expect(mixed[0]).toBeLessThan(1);
    expect(mixed[0]).toBeGreaterThan(0.9);
  });
});
