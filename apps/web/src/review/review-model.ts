// The Review view's pure parts: how bad a shot or a cut is (its worst finding), what a finding says, where
// its box lands on a frame drawn at some size, and the wipe / difference / onion maths of the comparison.
// Components stay thin: they read these and draw.

import type { DriftFinding, DriftLevel } from '@ministudio/domain';

export type { DriftLevel };

/** A finding as the editor reads it: the engine's (a project report's findings carry more, which is ignored). */
export type ReviewFinding = DriftFinding;

const RANK: Record<DriftLevel, number> = { none: 0, visible: 1, obvious: 2 };

/** The worst level among findings; `none` when there are none (measured and clean). */
export function worstLevel(findings: readonly { level: DriftLevel }[]): DriftLevel {
  let worst: DriftLevel = 'none';
  for (const f of findings) if (RANK[f.level] > RANK[worst]) worst = f.level;
  return worst;
}

/** Findings worst first, then by how far past their threshold they are (the one to look at first on top). */
export function sortFindings<T extends ReviewFinding>(findings: readonly T[]): T[] {
  const over = (f: ReviewFinding) => (f.threshold > 0 ? Math.abs(f.value) / f.threshold : Math.abs(f.value));
  return [...findings].sort((a, b) => RANK[b.level] - RANK[a.level] || over(b) - over(a));
}

/**
 * How a level looks. Not by hue alone: the three steps differ in lightness (dark blue, light amber, mid
 * vermilion from the Okabe–Ito palette, which keeps them apart for the common colour blindnesses), in
 * pattern (plain, sparse stripes, dense stripes) and in a word and a mark beside the band.
 */
export const LEVEL_LOOK: Record<
  DriftLevel,
  { label: string; mark: string; colour: string; pattern: string }
> = {
  none: { label: 'Consistent', mark: '✓', colour: '#0072b2', pattern: 'plain' },
  visible: { label: 'Visible', mark: '!', colour: '#e69f00', pattern: 'stripes' },
  obvious: { label: 'Obvious', mark: '‼', colour: '#d55e00', pattern: 'dense' },
};

/** The number of a finding in its unit, as a person reads it ("ΔE00 6.1", "120 ms", "3.2% of the width"). */
export function findingNumber(f: Pick<ReviewFinding, 'value' | 'unit'>): string {
  const v = Math.abs(f.value) >= 100 ? Math.round(f.value).toString() : f.value.toFixed(1);
  const unit = f.unit.trim();
  if (/^ΔE|^dE/i.test(unit)) return `ΔE00 ${v}`;
  if (unit === 'ms' || unit === 's' || unit === 'px') return `${v} ${unit}`;
  if (unit === '%') return `${v}%`;
  return unit ? `${v} ${unit}` : v;
}

const KIND_WORD: Record<ReviewFinding['kind'], string> = {
  colour: 'colour',
  identity: 'identity',
  layout: 'layout',
  grade: 'grade',
  flicker: 'flicker',
  jitter: 'jitter',
  sync: 'sync',
};

/**
 * The finding as one sentence that always carries its number and level. The engine writes `sentence`
 * ("Emma's sweater: ΔE00 6.1, bluer and darker than in shot 1 — visible"); when it is empty or lacks the
 * number at all, one is composed from the fields so the list never shows a claim without its measure.
 */
export function findingSentence(f: ReviewFinding, subjectName?: string): string {
  const sentence = f.sentence.trim();
  const number = findingNumber(f);
  // The engine rounds its own way (47.6 may read 47.7): any number in its sentence is the measure.
  if (/\d/.test(sentence)) return sentence;
  const who = [subjectName ?? f.subject, f.part].filter(Boolean).join('’s ');
  const head = who ? `${who} ${KIND_WORD[f.kind]}` : capital(KIND_WORD[f.kind]);
  const body = sentence ? `${sentence} (${number})` : number;
  return `${head}: ${body} — ${f.level}`;
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The rectangle a `[x, y, w, h]` box in 0..1 of the frame covers when the frame is drawn `object-fit:
 * contain` into a `viewW`×`viewH` element (letterboxed or pillarboxed), in that element's pixels. */
export function boxToPixels(
  box: readonly [number, number, number, number],
  frame: { width: number; height: number },
  view: { width: number; height: number },
): { left: number; top: number; width: number; height: number } {
  const scale = Math.min(view.width / frame.width, view.height / frame.height);
  const drawnW = frame.width * scale;
  const drawnH = frame.height * scale;
  const offsetX = (view.width - drawnW) / 2;
  const offsetY = (view.height - drawnH) / 2;
  const clamp = (n: number) => Math.min(1, Math.max(0, n));
  const x0 = clamp(box[0]);
  const y0 = clamp(box[1]);
  const x1 = clamp(box[0] + box[2]);
  const y1 = clamp(box[1] + box[3]);
  return {
    left: offsetX + x0 * drawnW,
    top: offsetY + y0 * drawnH,
    width: (x1 - x0) * drawnW,
    height: (y1 - y0) * drawnH,
  };
}

/** The wipe's split: 0..1 of the slider to a column of the frame, clamped (the left shows A, the right B). */
export function wipeColumn(position: number, width: number): number {
  if (!Number.isFinite(position)) return 0;
  return Math.round(Math.min(1, Math.max(0, position)) * width);
}

/**
 * The difference view: per pixel |A − B| per channel, amplified by `gain` so a ΔE of a few units shows,
 * written into `out` (opaque). Returns the mean absolute difference over the RGB channels (0..255), which
 * the view prints so "nothing changed" is a number too.
 */
export function differenceInto(
  a: Uint8ClampedArray,
  b: Uint8ClampedArray,
  out: Uint8ClampedArray,
  gain = 4,
): number {
  if (a.length !== b.length || a.length !== out.length) throw new Error('frames of different sizes');
  let sum = 0;
  for (let i = 0; i < a.length; i += 4) {
    for (let c = 0; c < 3; c++) {
      const d = Math.abs(a[i + c]! - b[i + c]!);
      sum += d;
      out[i + c] = d * gain;
    }
    out[i + 3] = 255;
  }
  const pixels = a.length / 4;
  return pixels === 0 ? 0 : sum / (pixels * 3);
}

/** Onion skin: B over A at `opacity` (0..1, clamped), so both silhouettes read through each other. */
export function onionOpacity(opacity: number): number {
  if (!Number.isFinite(opacity)) return 0.5;
  return Math.min(1, Math.max(0, opacity));
}

/** The film's cuts in order: each consecutive pair of shots across scenes (the last shot of a scene cuts
 * to the first of the next). */
export function cutsOf<T extends { id: string }>(
  scenes: readonly { shots: readonly T[] }[],
): { index: number; from: T; to: T }[] {
  const shots = scenes.flatMap((s) => s.shots);
  const cuts: { index: number; from: T; to: T }[] = [];
  for (let i = 0; i + 1 < shots.length; i++) cuts.push({ index: i, from: shots[i]!, to: shots[i + 1]! });
  return cuts;
}

/** The fixes that would change a shot: continuity when it is off, the scene's seed when the shot has its own.
 * Offering one that changes nothing would only answer "nothing to render". */
export function fixesFor(
  shot: { continuity: boolean; seed: number | null } | undefined,
): ('continuity' | 'scene-seed')[] {
  if (!shot) return [];
  const fixes: ('continuity' | 'scene-seed')[] = [];
  if (!shot.continuity) fixes.push('continuity');
  if (shot.seed !== null) fixes.push('scene-seed');
  return fixes;
}
