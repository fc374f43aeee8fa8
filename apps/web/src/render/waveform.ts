// Waveform drawing maths: peaks (0..1, peaksPerSecond per second) to bars on a canvas. Pure.

/**
 * One value per column: the loudest peak whose time falls in it, so a canvas narrower than the peaks
 * list still shows every loud moment (an average would flatten short syllables).
 */
export function peakColumns(peaks: readonly number[], columns: number): number[] {
  const n = Math.max(0, Math.floor(columns));
  const out = new Array<number>(n).fill(0);
  if (peaks.length === 0 || n === 0) return out;
  for (let c = 0; c < n; c++) {
    const start = Math.floor((c * peaks.length) / n);
    // When there are fewer peaks than columns, each column still reads the peak it lies on.
    const end = Math.max(start + 1, Math.floor(((c + 1) * peaks.length) / n));
    let max = 0;
    for (let i = start; i < end && i < peaks.length; i++) {
      const v = Math.abs(peaks[i]!);
      if (v > max) max = v;
    }
    out[c] = Math.min(max, 1);
  }
  return out;
}

export interface Bar {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Bars mirrored around the middle line. Silence still draws a 1 px line, so a silent shot reads as
 * "silent", not as "not loaded".
 */
export function waveformBars(columns: readonly number[], width: number, height: number, gap: number): Bar[] {
  if (columns.length === 0 || width <= 0 || height <= 0) return [];
  const step = width / columns.length;
  const barWidth = Math.max(1, step - gap);
  const mid = height / 2;
  return columns.map((v, i) => {
    const h = Math.max(1, Math.round(v * height));
    return { x: i * step, y: mid - h / 2, width: barWidth, height: h };
  });
}

/** How many bars fit a canvas width: one every `pitch` pixels, never more than there are peaks. */
export function columnCount(width: number, pitch: number, peakCount: number): number {
  if (width <= 0 || pitch <= 0) return 0;
  return Math.max(0, Math.min(Math.floor(width / pitch), peakCount));
}
