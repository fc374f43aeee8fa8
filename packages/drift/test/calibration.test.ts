import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { converter, formatHex } from 'culori';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  analyseClip,
  type ClipAnalysis,
  colourLevel,
  comparePair,
  type DriftFinding,
  type DriftKind,
  type DriftLevel,
  deltaE00,
  FLICKER,
  LAYOUT,
  LEVEL_RANK,
  levelFor,
  srgbToLab,
  syncLevel,
} from '../src/index';
import { BASE, reencode, regionsOf, renderScene, type Scene } from './scene';

// The calibration suite: known perturbations of one synthetic scene, each compared with the clean scene as the
// engine would compare two shots, and clean controls that must stay quiet. It prints the confusion table.

const lch = converter('lch65');

function rotateHue(hex: string, degrees: number): string {
  const c = lch(hex)!;
  return formatHex({ ...c, h: (c.h ?? 0) + degrees })!;
}

function shiftLightness(hex: string, dl: number): string {
  const c = lch(hex)!;
  return formatHex({ ...c, l: c.l + dl })!;
}

function labOfHex(hex: string) {
  const n = Number.parseInt(hex.slice(1), 16);
  return srgbToLab((n >> 16) & 255, (n >> 8) & 255, n & 255);
}

interface Case {
  name: string;
  group: string;
  scene: Scene;
  /** What the engine must find, compared with the clean clip: the kind, where, the subject, and the truth level. */
  expect: { kind: DriftKind; where: 'cut' | 'b'; subject: string | null; level: DriftLevel; truth: string };
  /** Sync is measured within the perturbed clip; everything else at the cut from the clean clip. */
  file?: string;
}

const OUTFIT_AREA = 0.15 * 0.33;

function colourCase(name: string, outfit: string): Case {
  const truth = deltaE00(labOfHex(BASE.outfit), labOfHex(outfit));
  return {
    name,
    group: 'colour',
    scene: { ...BASE, outfit },
    expect: {
      kind: 'colour',
      where: 'cut',
      subject: 'emma',
      level: colourLevel(truth, OUTFIT_AREA),
      truth: `ΔE00 ${truth.toFixed(2)}`,
    },
  };
}

const CASES: Case[] = [
  ...[2, 4, 8].map((deg) => colourCase(`outfit hue +${deg}°`, rotateHue(BASE.outfit, deg))),
  ...[-6, 3].map((dl) =>
    colourCase(`outfit lightness ${dl > 0 ? '+' : ''}${dl}`, shiftLightness(BASE.outfit, dl)),
  ),
  ...[1, 2, 3, 5].map(
    (pct): Case => ({
      name: `shelves moved ${pct}% of width`,
      group: 'layout',
      scene: { ...BASE, shelvesX: BASE.shelvesX + pct / 100 },
      expect: {
        kind: 'layout',
        where: 'cut',
        subject: 'shelves',
        level: levelFor(pct, LAYOUT),
        truth: `${pct}%`,
      },
    }),
  ),
  {
    name: 'medium of the same room, shelves moved 3%',
    group: 'layout',
    scene: { ...BASE, view: [0.2, 0.15, 0.7, 0.7], shelvesX: BASE.shelvesX + 0.03 },
    expect: { kind: 'layout', where: 'cut', subject: 'shelves', level: levelFor(3, LAYOUT), truth: '3%' },
  },
  ...[1, 2, 5].map(
    (amplitude): Case => ({
      name: `luma flicker ±${amplitude} Y' codes`,
      group: 'flicker',
      scene: { ...BASE, flicker: amplitude },
      expect: {
        kind: 'flicker',
        where: 'b',
        subject: null,
        level: levelFor((amplitude * 255) / 219, FLICKER),
        truth: `±${((amplitude * 255) / 219).toFixed(2)}`,
      },
    }),
  ),
  ...[-200, -100, -40, 40, 100, 200].map(
    (ms): Case => ({
      name: `speech ${Math.abs(ms)} ms ${ms > 0 ? 'late' : 'early'}`,
      group: 'sync',
      scene: { ...BASE, audioOffset: ms / 1000 },
      // BT.1359's sign: audio heard after its cue is negative.
      expect: { kind: 'sync', where: 'b', subject: null, level: syncLevel(-ms), truth: `${-ms} ms` },
    }),
  ),
];

interface Control {
  name: string;
  make: (dir: string, base: string) => Promise<{ file: string; scene: Scene }>;
}

const CONTROLS: Control[] = [
  {
    name: 'the same clip re-encoded at CRF 28',
    make: async (dir, base) => {
      const file = path.join(dir, 'crf28.mp4');
      await reencode(base, 28, file);
      return { file, scene: BASE };
    },
  },
  {
    name: 'a re-render with the same input',
    make: async (dir) => {
      const file = path.join(dir, 'rerender.mp4');
      await renderScene(BASE, file);
      return { file, scene: BASE };
    },
  },
  {
    name: 'a medium of the same room (reframing only)',
    make: async (dir) => {
      const scene: Scene = { ...BASE, view: [0.2, 0.15, 0.7, 0.7] };
      const file = path.join(dir, 'medium.mp4');
      await renderScene(scene, file);
      return { file, scene };
    },
  },
];

/** A finding is "the right one" when it has the expected kind, place, subject (and for sync, is about speech). */
function matches(f: DriftFinding, c: Case): boolean {
  if (f.kind !== c.expect.kind || f.where !== c.expect.where) return false;
  if (c.expect.kind === 'colour') return f.subject === 'emma' && f.part === 'outfit';
  if (c.expect.kind === 'layout') return f.subject === 'shelves';
  if (c.expect.kind === 'sync') return f.sentence.startsWith('Speech');
  return true;
}

async function inParallel<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) {
        const i = next++;
        results[i] = await work(items[i]!);
      }
    }),
  );
  return results;
}

describe('calibration suite', () => {
  let dir = '';
  let base: ClipAnalysis;
  const rows: {
    group: string;
    name: string;
    truth: string;
    expected: DriftLevel;
    found: DriftLevel;
    right: boolean;
    value: string;
  }[] = [];
  const controlRows: { name: string; checks: number; alarms: string[] }[] = [];
  const started = Date.now();

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'drift-calibration-'));
    const baseFile = path.join(dir, 'base.mp4');
    await renderScene(BASE, baseFile);
    base = await analyseClip(baseFile, { regions: regionsOf(BASE), cacheDir: null });

    await inParallel(CASES, 2, async (c) => {
      const file = path.join(dir, `case-${CASES.indexOf(c)}.mp4`);
      await renderScene(c.scene, file);
      const analysis = await analyseClip(file, { regions: regionsOf(c.scene), cacheDir: null });
      // A moved set piece in a medium is compared with the wide (different framings of one place).
      const { findings } = comparePair(base, analysis);
      const mine = findings.filter((f) => matches(f, c));
      const found = mine.reduce<DriftLevel>(
        (w, f) => (LEVEL_RANK[f.level] > LEVEL_RANK[w] ? f.level : w),
        'none',
      );
      const best = mine.sort((x, y) => LEVEL_RANK[y.level] - LEVEL_RANK[x.level])[0];
      rows.push({
        group: c.group,
        name: c.name,
        truth: c.expect.truth,
        expected: c.expect.level,
        found,
        right: mine.length > 0,
        value: best ? `${best.value} ${best.unit}` : '—',
      });
    });

    await inParallel(CONTROLS, 2, async (control) => {
      const { file, scene } = await control.make(dir, path.join(dir, 'base.mp4'));
      const analysis = await analyseClip(file, { regions: regionsOf(scene), cacheDir: null });
      const { findings } = comparePair(base, analysis);
      controlRows.push({
        name: control.name,
        checks: findings.length,
        alarms: findings.filter((f) => f.level !== 'none').map((f) => `${f.kind}/${f.where}: ${f.sentence}`),
      });
    });
  }, 600_000);

  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('flags at least 95% of perturbations at or above visible, with the right kind and region', () => {
    const order = ['colour', 'layout', 'flicker', 'sync'];
    rows.sort((a, b) => order.indexOf(a.group) - order.indexOf(b.group) || a.name.localeCompare(b.name));
    const table = rows.map(
      (r) =>
        `${r.group.padEnd(8)} ${r.name.padEnd(44)} truth ${r.truth.padEnd(10)} expected ${r.expected.padEnd(8)} found ${r.found.padEnd(8)} ${r.right ? '' : '(no finding of that kind/region)'} measured ${r.value}`,
    );
    const positives = rows.filter((r) => r.expected !== 'none');
    const caught = positives.filter((r) => r.right && r.found !== 'none');
    const negatives = rows.filter((r) => r.expected === 'none');
    const quiet = negatives.filter((r) => r.found === 'none');
    const exact = rows.filter((r) => r.found === r.expected);
    const summary = [
      `perturbations at/above visible: ${caught.length}/${positives.length} flagged with the right kind and region`,
      `perturbations below visible: ${quiet.length}/${negatives.length} left unflagged`,
      `level exactly as the truth: ${exact.length}/${rows.length}`,
      `confusion (expected → found): ${confusion(rows)}`,
      `suite time: ${((Date.now() - started) / 1000).toFixed(1)} s`,
    ];
    console.log(`\nDrift calibration\n${table.join('\n')}\n${summary.join('\n')}`);
    expect(rows).toHaveLength(CASES.length);
    expect(caught.length / positives.length).toBeGreaterThanOrEqual(0.95);
  });

  it('raises at most 5% false alarms on clean controls', () => {
    const checks = controlRows.reduce((n, r) => n + r.checks, 0);
    const alarms = controlRows.flatMap((r) => r.alarms.map((a) => `${r.name}: ${a}`));
    console.log(
      `\nControls\n${controlRows.map((r) => `${r.name.padEnd(52)} ${r.checks} checks, ${r.alarms.length} alarms`).join('\n')}\n${alarms.join('\n')}\nfalse alarms: ${alarms.length}/${checks}`,
    );
    expect(controlRows).toHaveLength(CONTROLS.length);
    expect(checks).toBeGreaterThan(40);
    expect(alarms.length / checks).toBeLessThanOrEqual(0.05);
  });
});

function confusion(rows: readonly { expected: DriftLevel; found: DriftLevel }[]): string {
  const levels: DriftLevel[] = ['none', 'visible', 'obvious'];
  return levels
    .map(
      (e) =>
        `${e}: ${levels.map((f) => `${f} ${rows.filter((r) => r.expected === e && r.found === f).length}`).join(', ')}`,
    )
    .join(' | ');
}
