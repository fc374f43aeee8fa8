import { describe, expect, it } from 'vitest';
import { decodePcm16Wav, encodeWavPcm16, readWavInfo } from '../src/index';

function tone(seconds: number, rate: number, amplitude: number): Float32Array {
  const out = new Float32Array(Math.round(seconds * rate));
  for (let i = 0; i < out.length; i++) out[i] = amplitude * Math.sin((2 * Math.PI * 220 * i) / rate);
  return out;
}

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
