import type { RegionBox } from '@ministudio/domain';
import type { ClipAnalysis, PartColour, WindowSummary } from './analyse';
import { frameFromWindow } from './analyse';
import {
  deltaE00,
  describeDelta,
  hellinger,
  histogramEmd,
  type LabTriple,
  labToHex,
  lumaHistogram,
  meanLab,
} from './colour';
import {
  boxArea,
  boxIntersection,
  boxToRect,
  type Frame,
  gridBoxes,
  type PixelRect,
  roundBox,
  unionBox,
} from './frame';
import {
  localShift,
  mapBoxIntoA,
  planeOf,
  type Registration,
  refineOnBlocks,
  register,
  texture,
  warpInto,
} from './register';
import type { DriftFinding } from './report';
import { matchCues, medianOffset } from './sync';
import { jitterOf, measureFlicker } from './temporal';
import {
  COLOUR,
  colourLevel,
  FLICKER,
  GRADE,
  JITTER,
  LAYOUT,
  LEVEL_RANK,
  LUMA_HISTOGRAM,
  levelFor,
  SAME_PLACE,
  SYNC,
  syncLevel,
} from './thresholds';

// From two clips' analyses to findings: at the cut (end of A against start of B) and within each clip.

type Where = 'a' | 'b';
const round = (v: number, digits = 2) => Math.round(v * 10 ** digits) / 10 ** digits;

function nameOf(analysis: ClipAnalysis, key: string): string {
  return analysis.regions?.characters.find((c) => c.key === key)?.name ?? key;
}

function colourFinding(
  a: PartColour | { lab: LabTriple; histogram: number[] | null },
  b: { lab: LabTriple; histogram: number[] | null },
  base: Pick<DriftFinding, 'kind' | 'where' | 'box' | 'subject' | 'part'>,
  areaFraction: number,
  label: string,
  against: string,
  threshold = COLOUR,
): DriftFinding {
  const value = deltaE00(a.lab, b.lab);
  const delta = describeDelta(a.lab, b.lab);
  const level = colourLevel(value, areaFraction, threshold);
  const histogram = a.histogram && b.histogram ? round(hellinger(a.histogram, b.histogram), 3) : null;
  const how = delta.words ? `, ${delta.words} than ${against}` : '';
  return {
    ...base,
    value: round(value),
    unit: threshold.unit,
    threshold: threshold.visible,
    level,
    sentence: `${label}: ΔE00 ${value.toFixed(1)}${how} — ${level === 'none' ? 'not visible' : level}`,
    colours: {
      a: labToHex(a.lab),
      b: labToHex(b.lab),
      lightness: round(delta.lightness),
      chroma: round(delta.chroma),
      hue: round(delta.hue),
      histogram,
    },
  };
}

/** Character parts on both sides of the cut: the robust colour of each, compared. */
export function characterFindings(a: ClipAnalysis, b: ClipAnalysis): DriftFinding[] {
  return lookFindings(a.tail, b.head, (key) => nameOf(b, key), 'cut', 'at the end of the previous shot');
}

/** Each character part seen in both windows, compared (the window of A is the reference). */
function lookFindings(
  before: WindowSummary,
  after: WindowSummary,
  name: (key: string) => string,
  where: DriftFinding['where'],
  against: string,
): DriftFinding[] {
  const out: DriftFinding[] = [];
  for (const pa of before.characters) {
    const pb = after.characters.find((p) => p.subject === pa.subject && p.part === pa.part);
    if (!pb) continue;
    const area = Math.min(boxArea(pa.box), boxArea(pb.box));
    out.push(
      colourFinding(
        pa,
        pb,
        { kind: 'colour', where, box: roundBox(pb.box), subject: pa.subject, part: pa.part },
        area,
        `${name(pa.subject)}'s ${pa.part}`,
        against,
      ),
    );
  }
  return out;
}

/** A mask (1 = skip) of the pixels under any of the boxes. */
function maskOf(frame: Frame, boxes: readonly RegionBox[]): Uint8Array {
  const mask = new Uint8Array(frame.width * frame.height);
  for (const box of boxes) {
    const r = boxToRect(box, frame.width, frame.height);
    for (let y = r.y0; y < r.y1; y++) mask.fill(1, y * frame.width + r.x0, y * frame.width + r.x1);
  }
  return mask;
}

export interface EnvironmentResult {
  registration: Registration;
  samePlace: boolean;
  matchedBlocks: number;
  findings: DriftFinding[];
}

const FULL: PixelRect = { x0: 0, y0: 0, x1: 0, y1: 0 };

/**
 * The place at the cut: register B's first frames onto A's last, then (when it is the same place) the grade
 * (background colour over the overlap), how far each set piece (or, without a sidecar, each textured block)
 * moved, and which blocks changed colour once the grade is taken out.
 */
export interface CompareOptions {
  /**
   * Whether the production says both shots are in the same environment. When the pictures do not register, the
   * grade is then still judged on the whole background; otherwise a new place is expected to look different and
   * its grade is reported without a level.
   */
  sameEnvironment?: boolean;
}

export function environmentFindings(
  a: ClipAnalysis,
  b: ClipAnalysis,
  options: CompareOptions = {},
): EnvironmentResult {
  const frameA = frameFromWindow(a, a.tail);
  const frameB = frameFromWindow(b, b.head);
  const robust = refineOnBlocks(frameA, frameB, register(frameA, frameB));
  const registration = robust.registration;
  const warped = warpInto(frameA, frameB, registration);
  const planeA = planeOf(frameA);
  const planeB = planeOf(warped.frame);
  const findings: DriftFinding[] = [];
  const matchedBlocks = robust.inlierRatio;
  const samePlace =
    registration.correlation >= SAME_PLACE.correlation && matchedBlocks >= SAME_PLACE.matchedBlocks;

  // Characters are compared on their own; their boxes (from both sides, B's mapped into A) are not background.
  const figures = [
    ...a.tail.figures,
    ...b.head.figures.map((box) => mapBoxIntoA(box, registration, frameA, frameB)),
  ];
  const skip = maskOf(frameA, figures);
  const invalid = new Uint8Array(skip.length);
  for (let i = 0; i < skip.length; i++) invalid[i] = skip[i] || !warped.valid[i] ? 1 : 0;
  const whole = { ...FULL, x1: frameA.width, y1: frameA.height };

  // Block colours of the overlap (characters and uncovered pixels left out): the grade is their typical shift
  // (the per-channel median of the blocks' deltas), so a change of content in some blocks does not read as a
  // grade, and a block's own change is measured with that shift taken out.
  const blockColours: { box: RegionBox; la: LabTriple; lb: LabTriple }[] = [];
  if (samePlace) {
    for (const box of gridBoxes(8, 6)) {
      const rect = boxToRect(box, frameA.width, frameA.height);
      if (!covered(invalid, frameA.width, rect, 0.5, true)) continue;
      // Means, not medians: a block across an edge has two modes, and a sub-pixel misregistration flips its
      // median from one to the other, while its mean moves by a fraction of the edge.
      const la = meanLab(frameA, rect, invalid);
      const lb = meanLab(warped.frame, rect, invalid);
      if (la && lb) blockColours.push({ box, la, lb });
    }
  }
  const shift: LabTriple | null =
    blockColours.length > 0
      ? ([0, 1, 2].map((c) => median(blockColours.map((k) => k.lb[c]! - k.la[c]!))) as unknown as LabTriple)
      : null;
  const gradeA = meanLab(frameA, whole, samePlace ? invalid : maskOf(frameA, a.tail.figures));
  const gradeB =
    samePlace && shift && gradeA
      ? ([gradeA[0] + shift[0], gradeA[1] + shift[1], gradeA[2] + shift[2]] as LabTriple)
      : meanLab(frameB, { ...FULL, x1: frameB.width, y1: frameB.height }, maskOf(frameB, b.head.figures));
  if (gradeA && gradeB) {
    const f = colourFinding(
      { lab: gradeA, histogram: null },
      { lab: gradeB, histogram: null },
      { kind: 'grade', where: 'cut', box: null, subject: null, part: null },
      1,
      samePlace ? 'Grade of the background' : 'Grade of the background (not the same place)',
      'before the cut',
      GRADE,
    );
    const judged = samePlace || options.sameEnvironment === true;
    findings.push(
      judged
        ? f
        : {
            ...f,
            level: 'none',
            sentence: `${f.sentence.replace(/ — .*$/, '')} — a different place, not judged`,
          },
    );
    const histA = lumaHistogram(planeA.data, 64, samePlace ? invalid : maskOf(frameA, a.tail.figures));
    const histB = samePlace
      ? lumaHistogram(planeB.data, 64, invalid)
      : lumaHistogram(planeOf(frameB).data, 64, maskOf(frameB, b.head.figures));
    const emd = histogramEmd(histA, histB);
    const level = judged ? levelFor(emd, LUMA_HISTOGRAM) : 'none';
    findings.push({
      kind: 'grade',
      where: 'cut',
      box: null,
      value: round(emd),
      unit: LUMA_HISTOGRAM.unit,
      threshold: LUMA_HISTOGRAM.visible,
      level,
      subject: null,
      part: null,
      sentence: `Exposure of the background: the luma histogram moves ${emd.toFixed(1)} levels at the cut — ${level === 'none' ? 'not visible' : level}`,
    });
  }
  if (!samePlace) {
    return { registration, samePlace, matchedBlocks, findings };
  }

  // Layout: where each set piece's pixels went (the sidecar says where it was drawn in A).
  const radius = Math.round(frameA.width * 0.06);
  const movedBoxes: RegionBox[] = [];
  // With a sidecar, its set pieces; without one, a block grid (arbitrary clips).
  const layoutTargets: { box: RegionBox; subject: string | null; label: string }[] = a.regions
    ? a.tail.elements.map((e) => ({ box: e.box, subject: e.id, label: e.kind === 'unknown' ? e.id : e.kind }))
    : gridBoxes(8, 6).map((box) => ({ box, subject: null, label: 'part of the set' }));
  const moves: {
    box: RegionBox;
    subject: string | null;
    label: string;
    distance: number;
    dx: number;
    dy: number;
  }[] = [];
  for (const target of layoutTargets) {
    const margin = 3 / frameA.width;
    const padded: RegionBox = [
      target.box[0] - margin,
      target.box[1] - margin,
      target.box[2] + 2 * margin,
      target.box[3] + 2 * margin,
    ];
    const rect = boxToRect(padded, frameA.width, frameA.height);
    if (!covered(warped.valid, frameA.width, rect, 0.8) || texture(planeA, rect) < 3) continue;
    const s = localShift(planeA, planeB, warped.valid, rect, radius);
    if (s.best < 0.6) continue;
    const distance = (Math.hypot(s.dx, s.dy) / frameA.width) * 100;
    // Without a sidecar a block only counts as moved when the shift clearly beats staying put.
    if (target.subject === null && !(s.best - s.atZero > 0.05)) continue;
    moves.push({ ...target, distance, dx: s.dx, dy: s.dy });
  }
  for (const m of moves) {
    const level = levelFor(m.distance, LAYOUT);
    // Unmoved blocks are not worth a line; unmoved set pieces are ("the shelves stayed put").
    if (m.subject === null && level === 'none') continue;
    if (level !== 'none') {
      movedBoxes.push(m.box);
      movedBoxes.push([m.box[0] + m.dx / frameA.width, m.box[1] + m.dy / frameA.height, m.box[2], m.box[3]]);
    }
    findings.push({
      kind: 'layout',
      where: 'cut',
      box: roundBox(m.box),
      value: round(m.distance),
      unit: LAYOUT.unit,
      threshold: LAYOUT.visible,
      level,
      subject: m.subject,
      part: null,
      sentence: `${capitalise(m.label)} moved ${m.distance.toFixed(1)}% of the frame width ${direction(m.dx, m.dy)} between the shots — ${level === 'none' ? 'not visible' : level}`,
    });
  }

  // Colour of the set, block by block on the overlap, with the grade taken out (it has its own finding).
  if (shift) {
    const changed: { box: RegionBox; value: number; labA: LabTriple; labB: LabTriple }[] = [];
    for (const { box, la, lb } of blockColours) {
      if (movedBoxes.some((m) => boxIntersection(grow(m, 0.02), box) > 0)) continue;
      const shifted: LabTriple = [la[0] + shift[0], la[1] + shift[1], la[2] + shift[2]];
      const value = deltaE00(shifted, lb);
      if (colourLevel(value, boxArea(box)) !== 'none') changed.push({ box, value, labA: shifted, labB: lb });
    }
    for (const group of groupAdjacent(changed)) {
      const worst = group.reduce((x, y) => (y.value > x.value ? y : x));
      const box = unionBox(group.map((g) => g.box))!;
      const element = a.tail.elements
        .map((e) => ({ e, overlap: boxIntersection(e.box, box) }))
        .sort((x, y) => y.overlap - x.overlap)[0];
      const subject = element && element.overlap > 0 ? element.e.id : null;
      findings.push(
        colourFinding(
          { lab: worst.labA, histogram: null },
          { lab: worst.labB, histogram: null },
          { kind: 'colour', where: 'cut', box: roundBox(box), subject, part: null },
          boxArea(box),
          subject ? `The ${element!.e.kind === 'unknown' ? subject : element!.e.kind}` : 'Part of the set',
          'before the cut',
        ),
      );
    }
  }
  return { registration, samePlace, matchedBlocks, findings };
}

function grow(box: RegionBox, by: number): RegionBox {
  return [box[0] - by, box[1] - by, box[2] + 2 * by, box[3] + 2 * by];
}

function median(values: number[]): number {
  const v = [...values].sort((x, y) => x - y);
  const m = v.length >> 1;
  return v.length % 2 === 1 ? v[m]! : (v[m - 1]! + v[m]!) / 2;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function direction(dx: number, dy: number): string {
  const words: string[] = [];
  if (Math.abs(dx) >= Math.abs(dy) / 2 && Math.abs(dx) > 0.3) words.push(dx > 0 ? 'right' : 'left');
  if (Math.abs(dy) >= Math.abs(dx) / 2 && Math.abs(dy) > 0.3) words.push(dy > 0 ? 'down' : 'up');
  return words.length > 0 ? `(${words.join(' and ')})` : '';
}

/** Whether a share of the rectangle is covered (valid[i] set), or with `inverse`, not masked (mask[i] clear). */
function covered(mask: Uint8Array, width: number, rect: PixelRect, share = 0.95, inverse = false): boolean {
  let n = 0;
  let ok = 0;
  for (let y = rect.y0; y < rect.y1; y++) {
    for (let x = rect.x0; x < rect.x1; x++) {
      n++;
      if (inverse ? !mask[y * width + x] : mask[y * width + x]) ok++;
    }
  }
  return n > 0 && ok / n >= share;
}

function groupAdjacent<T extends { box: RegionBox }>(items: readonly T[]): T[][] {
  const groups: T[][] = [];
  const touches = (p: RegionBox, q: RegionBox) =>
    p[0] <= q[0] + q[2] + 1e-6 &&
    q[0] <= p[0] + p[2] + 1e-6 &&
    p[1] <= q[1] + q[3] + 1e-6 &&
    q[1] <= p[1] + p[3] + 1e-6;
  for (const item of items) {
    const joined = groups.filter((g) => g.some((o) => touches(o.box, item.box)));
    const merged = [item, ...joined.flat()];
    for (const g of joined) groups.splice(groups.indexOf(g), 1);
    groups.push(merged);
  }
  return groups;
}

/** Flicker, jitter and sync within one clip. */
export function withinFindings(analysis: ClipAnalysis, where: Where): DriftFinding[] {
  const out: DriftFinding[] = [];
  const flicker = measureFlicker(analysis.stats);
  const worst =
    flicker.worstBlock && flicker.worstBlock.measure.rms > flicker.frame.rms * 1.5
      ? { box: flicker.worstBlock.box, m: flicker.worstBlock.measure }
      : { box: null, m: flicker.frame };
  const flickerLevel = levelFor(worst.m.rms, FLICKER);
  out.push({
    kind: 'flicker',
    where,
    box: worst.box ? roundBox(worst.box) : null,
    value: round(worst.m.rms),
    unit: FLICKER.unit,
    threshold: FLICKER.visible,
    level: flickerLevel,
    subject: null,
    part: null,
    sentence: `${worst.box ? 'Part of the picture flickers' : 'The picture flickers'}: ${worst.m.rms.toFixed(1)} luma levels RMS, peak ${worst.m.peak.toFixed(1)} at frame ${worst.m.peakFrame}${flicker.sceneChanges.length > 0 ? ` (skipping ${flicker.sceneChanges.length} scene change${flicker.sceneChanges.length > 1 ? 's' : ''})` : ''} — ${flickerLevel === 'none' ? 'not visible' : flickerLevel}`,
    frames: [worst.m.peakFrame],
  });

  const aspect = analysis.width / analysis.height;
  for (const character of analysis.regions?.characters ?? []) {
    const track = character.parts.figure ?? character.parts.head;
    if (!track) continue;
    const j = jitterOf(track, aspect);
    if (j.samples < 3) continue;
    const level = levelFor(j.rms, JITTER);
    out.push({
      kind: 'jitter',
      where,
      box: null,
      value: round(j.rms, 3),
      unit: JITTER.unit,
      threshold: JITTER.visible,
      level,
      subject: character.key,
      part: character.parts.figure ? 'figure' : 'head',
      sentence: `${character.name}'s motion: ${j.rms.toFixed(2)}% of the width per frame² of unevenness, worst at frame ${j.peakFrame} — ${level === 'none' ? 'smooth' : level}`,
      frames: [j.peakFrame],
    });
  }

  if (analysis.audio) {
    const videoEnd = analysis.video.startSeconds + analysis.video.durationSeconds;
    const audioEnd = analysis.audio.startSeconds + analysis.audio.durationSeconds;
    // Audio that starts before the picture is early (positive, BT.1359's sign).
    const startMs = Math.round((analysis.video.startSeconds - analysis.audio.startSeconds) * 1000);
    const endMs = Math.round((videoEnd - audioEnd) * 1000);
    out.push(syncFinding(where, startMs, 'The sound track starts', null, null));
    out.push(syncFinding(where, endMs, 'The sound track ends', null, null));
    const cues = analysis.regions?.speech ?? [];
    if (cues.length > 0) {
      const matchedCues = matchCues(cues, analysis.audio.onsets);
      const offset = medianOffset(matchedCues);
      const missing = matchedCues.filter((m) => m.offsetMs === null).length;
      if (offset !== null) {
        const f = syncFinding(where, offset, 'Speech is', null, matchedCues.length - missing);
        out.push(f);
      }
    }
  }
  return out;
}

function syncFinding(
  where: Where,
  offsetMs: number,
  what: string,
  subject: string | null,
  cues: number | null,
): DriftFinding {
  const level = syncLevel(offsetMs);
  const side = offsetMs > 0 ? 'early' : 'late';
  const amount =
    offsetMs === 0 ? 'in sync with the picture' : `${Math.abs(offsetMs)} ms ${side} against the picture`;
  const over = cues !== null ? ` (median over ${cues} line${cues === 1 ? '' : 's'})` : '';
  return {
    kind: 'sync',
    where,
    box: null,
    value: offsetMs,
    unit: SYNC.unit,
    threshold: offsetMs >= 0 ? SYNC.earlyVisibleMs : -SYNC.lateVisibleMs,
    level,
    subject,
    part: null,
    sentence: `${what} ${amount}${over} — ${level === 'none' ? 'not noticeable' : level}`,
  };
}

export interface PairReport {
  findings: DriftFinding[];
  environment: EnvironmentResult;
}

/** Everything about two clips: the cut between them and each within itself. */
export function comparePair(a: ClipAnalysis, b: ClipAnalysis, options: CompareOptions = {}): PairReport {
  const environment = environmentFindings(a, b, options);
  const findings = [
    ...characterFindings(a, b),
    ...environment.findings,
    ...withinFindings(a, 'a'),
    ...withinFindings(b, 'b'),
  ];
  findings.sort((x, y) => LEVEL_RANK[y.level] - LEVEL_RANK[x.level]);
  return { findings, environment };
}

/** The worst level among findings (for --fail-on and the Review's coloured bands). */
export function worstLevel(findings: readonly DriftFinding[]): DriftFinding['level'] {
  return findings.reduce<DriftFinding['level']>(
    (worst, f) => (LEVEL_RANK[f.level] > LEVEL_RANK[worst] ? f.level : worst),
    'none',
  );
}

export interface FilmShot {
  /** The shot's id (or any stable key); findings are filed under it. */
  id: string;
  /** How sentences name the shot ("shot 1"). */
  label: string;
  analysis: ClipAnalysis;
  /** The production's environment key, when known: cuts within one environment judge the grade even unregistered. */
  environment: string | null;
}

export interface FilmReport {
  cuts: { from: string; to: string; findings: DriftFinding[] }[];
  shots: { id: string; findings: DriftFinding[] }[];
  /** Each character part against its first appearance (drift grows with distance; adjacent cuts alone hide it). */
  appearances: { id: string; firstId: string; findings: DriftFinding[] }[];
}

/**
 * The `subjects` (character keys) of a later shot against their first appearance in `first` (start against
 * start). Exported so a caller that caches pair results (the API) can re-measure one appearance alone.
 */
export function appearanceFindings(
  first: Pick<FilmShot, 'label' | 'analysis'>,
  later: Pick<FilmShot, 'analysis'>,
  subjects: readonly string[],
): DriftFinding[] {
  const before = {
    ...first.analysis.head,
    characters: first.analysis.head.characters.filter((c) => subjects.includes(c.subject)),
  };
  return lookFindings(
    before,
    later.analysis.head,
    (key) => nameOf(later.analysis, key),
    'b',
    `in ${first.label}`,
  );
}

/**
 * A film's drift: every cut (end of N against start of N+1), every shot within itself, and every appearance of
 * a character against its first one (start against start; the shot right after the first is already a cut).
 * Pure over cached analyses, so re-running after one shot changed only re-measures that shot's clip.
 */
export function compareFilm(shots: readonly FilmShot[]): FilmReport {
  const cuts: FilmReport['cuts'] = [];
  for (let i = 0; i + 1 < shots.length; i++) {
    const a = shots[i]!;
    const b = shots[i + 1]!;
    const sameEnvironment = a.environment !== null && a.environment === b.environment;
    const findings = [
      ...characterFindings(a.analysis, b.analysis),
      ...environmentFindings(a.analysis, b.analysis, { sameEnvironment }).findings,
    ];
    cuts.push({ from: a.id, to: b.id, findings });
  }
  const within = shots.map((s) => ({ id: s.id, findings: withinFindings(s.analysis, 'a') }));
  const first = new Map<string, number>();
  const appearances: FilmReport['appearances'] = [];
  shots.forEach((shot, i) => {
    const keys = new Set(shot.analysis.head.characters.map((c) => c.subject));
    const byFirst = new Map<number, string[]>();
    for (const key of keys) {
      const f = first.get(key);
      if (f === undefined) first.set(key, i);
      else if (f < i - 1) byFirst.set(f, [...(byFirst.get(f) ?? []), key]);
    }
    for (const [f, subjects] of byFirst) {
      const ref = shots[f]!;
      appearances.push({ id: shot.id, firstId: ref.id, findings: appearanceFindings(ref, shot, subjects) });
    }
  });
  return { cuts, shots: within, appearances };
}
