import type { SpeechCue } from '@ministudio/domain';

// Audio/video sync from the audio alone: where speech starts in the samples, against where the picture says it
// starts (the renderer's cue list: its mouths move on those cues). Provider clips have no cues; their onsets
// would be matched against mouth-region motion energy, which needs the detector (not built yet).

/** Short-time RMS level in dBFS, one value per `hopSeconds`. */
export function energyEnvelope(samples: Float32Array, sampleRate: number, hopSeconds = 0.005): Float64Array {
  const hop = Math.max(1, Math.round(sampleRate * hopSeconds));
  const windows = Math.floor(samples.length / hop);
  const out = new Float64Array(windows);
  for (let w = 0; w < windows; w++) {
    let sum = 0;
    for (let i = w * hop; i < (w + 1) * hop; i++) sum += samples[i]! * samples[i]!;
    out[w] = 10 * Math.log10(sum / hop + 1e-12);
  }
  return out;
}

/**
 * Onsets of sound after silence, in seconds: the level rises above a gate (20 dB over the clip's quiet floor,
 * and at least −45 dBFS) after at least `minSilenceSeconds` below it. The onset is refined to the first
 * window within 12 dB of the burst's early peak, so a slow attack does not read late.
 */
export function speechOnsets(envelope: Float64Array, hopSeconds = 0.005, minSilenceSeconds = 0.15): number[] {
  if (envelope.length === 0) return [];
  const sorted = Float64Array.from(envelope).sort();
  const floor = sorted[Math.floor(sorted.length * 0.1)]!;
  const gate = Math.max(floor + 20, -45);
  const minSilence = Math.round(minSilenceSeconds / hopSeconds);
  const onsets: number[] = [];
  let quiet = minSilence; // the clip's start counts as silence before it
  for (let i = 0; i < envelope.length; i++) {
    if (envelope[i]! < gate) {
      quiet++;
      continue;
    }
    if (quiet >= minSilence) {
      // The burst's early peak: the loudest window in its first 50 ms.
      let peak = envelope[i]!;
      for (let k = i; k < Math.min(envelope.length, i + Math.round(0.05 / hopSeconds)); k++) {
        peak = Math.max(peak, envelope[k]!);
      }
      let start = i;
      while (start > 0 && envelope[start - 1]! >= peak - 12 && i - start < 10) start--;
      onsets.push(start * hopSeconds);
    }
    quiet = 0;
  }
  return onsets;
}

export interface CueOffset {
  cue: SpeechCue;
  /** The heard onset, or null when no onset is within reach. */
  onsetSeconds: number | null;
  /** cue − onset in ms: positive = audio early (BT.1359's sign). */
  offsetMs: number | null;
}

/** Pairs every cue with the nearest onset within `reachSeconds` (each onset used once, cues in order). */
export function matchCues(
  cues: readonly SpeechCue[],
  onsets: readonly number[],
  reachSeconds = 0.6,
): CueOffset[] {
  const used = new Set<number>();
  return [...cues]
    .sort((a, b) => a.startSeconds - b.startSeconds)
    .map((cue) => {
      let best = -1;
      let bestDistance = reachSeconds;
      onsets.forEach((t, i) => {
        const d = Math.abs(t - cue.startSeconds);
        if (!used.has(i) && d <= bestDistance) {
          best = i;
          bestDistance = d;
        }
      });
      if (best < 0) return { cue, onsetSeconds: null, offsetMs: null };
      used.add(best);
      const onset = onsets[best]!;
      return { cue, onsetSeconds: onset, offsetMs: Math.round((cue.startSeconds - onset) * 1000) };
    });
}

/** The median offset of matched cues (one late word does not make a clip out of sync). */
export function medianOffset(offsets: readonly CueOffset[]): number | null {
  const values = offsets.flatMap((o) => (o.offsetMs === null ? [] : [o.offsetMs])).sort((a, b) => a - b);
  if (values.length === 0) return null;
  const mid = values.length >> 1;
  return values.length % 2 === 1 ? values[mid]! : (values[mid - 1]! + values[mid]!) / 2;
}
