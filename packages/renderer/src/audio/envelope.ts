/**
 * Loudness per video frame, 0..1: the RMS of the samples under each frame, gated below a noise floor
 * and scaled against the clip's own loud frames (its 90th percentile), so a quiet TTS voice and a loud
 * one open the mouth alike. Smoothed with a fast attack and slower release, as jaws move.
 */
export function loudnessEnvelope(samples: Float32Array, sampleRate: number, fps: number): Float32Array {
  const frames = Math.ceil((samples.length / sampleRate) * fps);
  const rms = new Float32Array(frames);
  for (let f = 0; f < frames; f++) {
    const start = Math.floor((f * sampleRate) / fps);
    const end = Math.min(samples.length, Math.floor(((f + 1) * sampleRate) / fps));
    let sum = 0;
    for (let i = start; i < end; i++) sum += samples[i]! * samples[i]!;
    rms[f] = end > start ? Math.sqrt(sum / (end - start)) : 0;
  }
  const gate = 0.01;
  const loud = [...rms].filter((v) => v > gate).sort((a, b) => a - b);
  const reference = loud.length ? Math.max(loud[Math.floor(loud.length * 0.9)]!, 0.02) : 1;
  const out = new Float32Array(frames);
  let level = 0;
  for (let f = 0; f < frames; f++) {
    const target = rms[f]! > gate ? Math.min(1, rms[f]! / reference) : 0;
    level += (target - level) * (target > level ? 0.8 : 0.45);
    out[f] = level;
  }
  return out;
}

/** The envelope's value at a time, 0 outside it. */
export function envelopeAt(envelope: Float32Array, fps: number, seconds: number): number {
  if (seconds < 0) return 0;
  return envelope[Math.floor(seconds * fps + 1e-6)] ?? 0;
}
