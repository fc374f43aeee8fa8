import type { RegionBox } from '@ministudio/domain';
import { differenceCiede2000, formatHex, type Lab65 } from 'culori';
import { boxToRect, type Frame, type PixelRect } from './frame';

// Colour of regions in CIELAB and the differences between them. Conversion is done here, per pixel, with a
// lookup table (culori converts one colour object at a time, too slow for every pixel of a window); it is
// culori's own `lab65` (D65, CSS Color 4 matrices), checked against culori in the tests: culori's
// differenceCiede2000 works in lab65, so ΔE00 is computed on exactly these values.

export type LabTriple = readonly [number, number, number];

const LINEAR = new Float64Array(256);
for (let i = 0; i < 256; i++) {
  const c = i / 255;
  LINEAR[i] = c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}
const D65 = { X: 0.3127 / 0.329, Y: 1, Z: (1 - 0.3127 - 0.329) / 0.329 };
const E = 216 / 24389;
const K = 24389 / 27;
const f = (v: number) => (v > E ? Math.cbrt(v) : (K * v + 16) / 116);

export function srgbToLab(r: number, g: number, b: number): [number, number, number] {
  const lr = LINEAR[r]!;
  const lg = LINEAR[g]!;
  const lb = LINEAR[b]!;
  const x = 0.4123907992659593 * lr + 0.357584339383878 * lg + 0.1804807884018343 * lb;
  const y = 0.21263900587151027 * lr + 0.715168678767756 * lg + 0.07219231536073371 * lb;
  const z = 0.01933081871559182 * lr + 0.11919477979462598 * lg + 0.9505321522496606 * lb;
  const fx = f(x / D65.X);
  const fy = f(y / D65.Y);
  const fz = f(z / D65.Z);
  return [116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)];
}

const ciede2000 = differenceCiede2000();

export function deltaE00(a: LabTriple, b: LabTriple): number {
  const la: Lab65 = { mode: 'lab65', l: a[0], a: a[1], b: a[2] };
  const lb: Lab65 = { mode: 'lab65', l: b[0], a: b[1], b: b[2] };
  return ciede2000(la, lb);
}

export function labToHex(lab: LabTriple): string {
  return formatHex({ mode: 'lab65', l: lab[0], a: lab[1], b: lab[2] }) ?? '#000000';
}

/** The Lab values of every pixel of a rectangle, optionally skipping those a mask marks. */
export function labPixels(frame: Frame, rect: PixelRect, skip: Uint8Array | null = null): Float32Array {
  const n = (rect.x1 - rect.x0) * (rect.y1 - rect.y0);
  const out = new Float32Array(n * 3);
  let k = 0;
  const d = frame.data;
  for (let y = rect.y0; y < rect.y1; y++) {
    for (let x = rect.x0; x < rect.x1; x++) {
      const p = y * frame.width + x;
      if (skip?.[p]) continue;
      const lab = srgbToLab(d[p * 3]!, d[p * 3 + 1]!, d[p * 3 + 2]!);
      out[k++] = lab[0];
      out[k++] = lab[1];
      out[k++] = lab[2];
    }
  }
  return out.subarray(0, k);
}

function medianOf(values: Float32Array): number {
  if (values.length === 0) return 0;
  const sorted = Float32Array.from(values).sort();
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * The robust colour of a set of Lab pixels: the per-channel median, then a few mean-shift steps over the pixels
 * within ΔE76 15 of it, so a box that is two-thirds sweater and one-third background settles on the sweater
 * (the dominant cluster) rather than on a blend.
 */
export function dominantLab(pixels: Float32Array): [number, number, number] | null {
  const n = pixels.length / 3;
  if (n === 0) return null;
  const channel = (c: number) => {
    const v = new Float32Array(n);
    for (let i = 0; i < n; i++) v[i] = pixels[i * 3 + c]!;
    return v;
  };
  let centre: [number, number, number] = [medianOf(channel(0)), medianOf(channel(1)), medianOf(channel(2))];
  const radius2 = 15 * 15;
  for (let step = 0; step < 4; step++) {
    let sl = 0;
    let sa = 0;
    let sb = 0;
    let count = 0;
    for (let i = 0; i < n; i++) {
      const dl = pixels[i * 3]! - centre[0];
      const da = pixels[i * 3 + 1]! - centre[1];
      const db = pixels[i * 3 + 2]! - centre[2];
      if (dl * dl + da * da + db * db > radius2) continue;
      sl += pixels[i * 3]!;
      sa += pixels[i * 3 + 1]!;
      sb += pixels[i * 3 + 2]!;
      count++;
    }
    if (count === 0) break;
    centre = [sl / count, sa / count, sb / count];
  }
  return centre;
}

/** The robust colour of a box in each frame of a window, then the median over the window (frames may be null). */
export function regionColour(
  frames: readonly Frame[],
  boxes: readonly (RegionBox | null)[],
): [number, number, number] | null {
  const per: [number, number, number][] = [];
  frames.forEach((frame, i) => {
    const box = boxes[i];
    if (!box) return;
    const rect = boxToRect(box, frame.width, frame.height);
    const lab = dominantLab(labPixels(frame, rect));
    if (lab) per.push(lab);
  });
  if (per.length === 0) return null;
  const channel = (c: number) => medianOf(Float32Array.from(per.map((p) => p[c]!)));
  return [channel(0), channel(1), channel(2)];
}

/** The median Lab of a rectangle, skipping masked pixels; null when nothing is left. */
export function medianLab(
  frame: Frame,
  rect: PixelRect,
  skip: Uint8Array | null = null,
): [number, number, number] | null {
  const pixels = labPixels(frame, rect, skip);
  const n = pixels.length / 3;
  if (n === 0) return null;
  const channel = (c: number) => {
    const v = new Float32Array(n);
    for (let i = 0; i < n; i++) v[i] = pixels[i * 3 + c]!;
    return medianOf(v);
  };
  return [channel(0), channel(1), channel(2)];
}

export interface LabDelta {
  /** B minus A. */
  lightness: number;
  chroma: number;
  /** Signed ΔH (CIELAB hue difference, in the units of a and b), positive = hue angle grew. */
  hue: number;
  /** "bluer and darker". Empty when nothing is worth a word. */
  words: string;
}

// Hue angles (CIELAB, D65) of the colour names the sentence uses, in increasing angle.
const NAMED_HUES: readonly [number, string][] = [
  [30, 'redder'],
  [85, 'yellower'],
  [140, 'greener'],
  [200, 'more cyan'],
  [300, 'bluer'],
  [335, 'more purple'],
];

function hueAngle(lab: LabTriple): number {
  const h = (Math.atan2(lab[2], lab[1]) * 180) / Math.PI;
  return h < 0 ? h + 360 : h;
}

/** The name of the hue that a rotation from `from` towards `to` heads for. */
function hueWord(from: number, to: number): string {
  let turn = to - from;
  if (turn > 180) turn -= 360;
  if (turn < -180) turn += 360;
  const mid = (from + turn / 2 + 360) % 360;
  let best = NAMED_HUES[0]![1];
  let bestAhead = 999;
  for (const [angle, word] of NAMED_HUES) {
    // How far ahead of the midpoint the named hue lies in the direction of the turn.
    const ahead = turn >= 0 ? (angle - mid + 360) % 360 : (mid - angle + 360) % 360;
    if (ahead < bestAhead) {
      bestAhead = ahead;
      best = word;
    }
  }
  return best;
}

/** Splits the change from A to B into lightness, chroma and hue, and says it in words. */
export function describeDelta(a: LabTriple, b: LabTriple): LabDelta {
  const ca = Math.hypot(a[1], a[2]);
  const cb = Math.hypot(b[1], b[2]);
  const dL = b[0] - a[0];
  const dC = cb - ca;
  const da = b[1] - a[1];
  const db = b[2] - a[2];
  const dH2 = Math.max(0, da * da + db * db - dC * dC);
  const ha = hueAngle(a);
  const hb = hueAngle(b);
  let turn = hb - ha;
  if (turn > 180) turn -= 360;
  if (turn < -180) turn += 360;
  const dH = Math.sign(turn) * Math.sqrt(dH2);
  const words: string[] = [];
  // Only name what carries at least a third of the change and is itself about one ΔE or more.
  const biggest = Math.max(Math.abs(dL), Math.abs(dC), Math.abs(dH));
  const counts = (v: number) => Math.abs(v) >= 1 && Math.abs(v) >= biggest / 3;
  if (counts(dH) && Math.min(ca, cb) > 3) words.push(hueWord(ha, hb));
  if (counts(dC)) words.push(dC > 0 ? 'more saturated' : 'greyer');
  if (counts(dL)) words.push(dL > 0 ? 'lighter' : 'darker');
  const text = words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
  return { lightness: dL, chroma: dC, hue: dH, words: text };
}

/** Normalised 8×8×8 RGB histogram of a rectangle. */
export function rgbHistogram(frame: Frame, rect: PixelRect): Float64Array {
  const hist = new Float64Array(512);
  let n = 0;
  const d = frame.data;
  for (let y = rect.y0; y < rect.y1; y++) {
    for (let x = rect.x0, i = (y * frame.width + rect.x0) * 3; x < rect.x1; x++, i += 3) {
      hist[((d[i]! >> 5) << 6) | ((d[i + 1]! >> 5) << 3) | (d[i + 2]! >> 5)]! += 1;
      n++;
    }
  }
  if (n > 0) for (let i = 0; i < 512; i++) hist[i]! /= n;
  return hist;
}

/** Hellinger distance of two normalised histograms: 0 the same, 1 disjoint. */
export function hellinger(p: ArrayLike<number>, q: ArrayLike<number>): number {
  let bc = 0;
  for (let i = 0; i < p.length; i++) bc += Math.sqrt(p[i]! * q[i]!);
  return Math.sqrt(Math.max(0, 1 - bc));
}

/** Normalised luma histogram (bins of 256/bins code values), optionally skipping masked pixels. */
export function lumaHistogram(luma: Float32Array, bins = 64, skip: Uint8Array | null = null): Float64Array {
  const hist = new Float64Array(bins);
  let n = 0;
  for (let i = 0; i < luma.length; i++) {
    if (skip?.[i]) continue;
    hist[Math.min(bins - 1, Math.floor((luma[i]! * bins) / 256))]! += 1;
    n++;
  }
  if (n > 0) for (let i = 0; i < bins; i++) hist[i]! /= n;
  return hist;
}

/** Earth mover's distance between two normalised 1-D histograms over 0..255, in code values. */
export function histogramEmd(p: ArrayLike<number>, q: ArrayLike<number>): number {
  const binWidth = 256 / p.length;
  let cp = 0;
  let cq = 0;
  let sum = 0;
  for (let i = 0; i < p.length; i++) {
    cp += p[i]!;
    cq += q[i]!;
    sum += Math.abs(cp - cq);
  }
  return sum * binWidth;
}

/** The mean Lab of a rectangle, skipping masked pixels; null when nothing is left. */
export function meanLab(
  frame: Frame,
  rect: PixelRect,
  skip: Uint8Array | null = null,
): [number, number, number] | null {
  const pixels = labPixels(frame, rect, skip);
  const n = pixels.length / 3;
  if (n === 0) return null;
  const sum = [0, 0, 0];
  for (let i = 0; i < pixels.length; i++) sum[i % 3]! += pixels[i]!;
  return [sum[0]! / n, sum[1]! / n, sum[2]! / n];
}
