/** Lays speech clips on one track at their start offsets; overlaps add, peaks are limited softly. */
export function mixSpeech(
  clips: { samples: Float32Array; startSeconds: number }[],
  sampleRate: number,
  durationSeconds: number,
): Float32Array {
  const out = new Float32Array(Math.round(durationSeconds * sampleRate));
  for (const clip of clips) {
    const offset = Math.round(clip.startSeconds * sampleRate);
    for (let i = 0; i < clip.samples.length; i++) {
      const at = offset + i;
      if (at < 0) continue;
      if (at >= out.length) break;
      out[at]! += clip.samples[i]!;
    }
  }
  // tanh only where two voices overlap past full scale; a single voice passes unchanged.
  for (let i = 0; i < out.length; i++) if (Math.abs(out[i]!) > 1) out[i] = Math.tanh(out[i]!);
  return out;
}
