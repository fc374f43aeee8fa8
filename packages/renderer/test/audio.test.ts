import { describe, expect, it } from 'vitest';
import {
  decodePcm16Wav,
  encodeWavPcm16,
  envelopeAt,
  loudnessEnvelope,
  mixSpeech,
  readWavInfo,
} from '../src/index';

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

describe('wav', () => {
  it('round-trips samples and reports the exact duration from the sample count', () => {
    const samples = tone(0.5, 22050, 0.3);
    const bytes = encodeWavPcm16(samples, 22050);
    const info = readWavInfo(bytes);
    expect(info).toMatchObject({ formatTag: 1, sampleRate: 22050, channels: 1, bitsPerSample: 16 });
    expect(info.durationSeconds).toBe(samples.length / 22050);
    const back = decodePcm16Wav(bytes)!;
    expect(back.samples.length).toBe(samples.length);
    expect(back.samples[100]).toBeCloseTo(samples[100]!, 3);
  });

  it('trusts the bytes present over a header that was never patched', () => {
    const bytes = encodeWavPcm16(new Float32Array(1000), 8000);
    bytes.writeUInt32LE(0x7ffff000, 40);
    expect(readWavInfo(bytes).durationSeconds).toBe(1000 / 8000);
  });

  it('rejects what is not a WAV, and does not decode non-16-bit PCM', () => {
    expect(() => readWavInfo(Buffer.from('not a wav file at all'))).toThrow();
    const bytes = encodeWavPcm16(new Float32Array(10), 8000);
    bytes.writeUInt16LE(3, 20);
    expect(decodePcm16Wav(bytes)).toBeNull();
    expect(decodePcm16Wav(Buffer.from('junk'))).toBeNull();
  });
});
