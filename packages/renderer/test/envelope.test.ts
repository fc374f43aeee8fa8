import { describe, expect, it } from 'vitest';
import { envelopeAt, loudnessEnvelope } from '../src/index';

function tone(seconds: number, rate: number, amplitude: number): Float32Array {
  const out = new Float32Array(Math.round(seconds * rate));
  for (let i = 0; i < out.length; i++) out[i] = amplitude * Math.sin((2 * Math.PI * 220 * i) / rate);
  return out;
}

describe('loudnessEnvelope', () => {
  it('is zero in silence and high in speech-loud sound, one value per frame', () => {
    const rate = 22050;
    const samples = new Float32Array(rate * 2);
    samples.set(tone(1, rate, 0.4), rate); // silent first second, loud second
    const env = loudnessEnvelope(samples, rate, 24);
    expect(env.length).toBe(48);
    expect(Math.max(...env.slice(0, 24))).toBe(0);
    expect(Math.min(...env.slice(28, 48))).toBeGreaterThan(0.8);
    expect(envelopeAt(env, 24, 1.5)).toBeGreaterThan(0.8);
    expect(envelopeAt(env, 24, -0.1)).toBe(0);
    expect(envelopeAt(env, 24, 5)).toBe(0);
  });

  it('scales to the clip: a quiet voice opens the mouth as far as a loud one', () => {
    const quiet = loudnessEnvelope(tone(1, 16000, 0.05), 16000, 24);
    const loud = loudnessEnvelope(tone(1, 16000, 0.6), 16000, 24);
    expect(quiet[20]).toBeCloseTo(loud[20]!, 1);
  });
});
