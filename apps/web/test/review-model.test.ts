import { describe, expect, it } from 'vitest';
import {
  boxToPixels,
  cutsOf,
  differenceInto,
  findingNumber,
  findingSentence,
  fixesFor,
  LEVEL_LOOK,
  onionOpacity,
  sortFindings,
  wipeColumn,
  worstLevel,
} from '../src/review/review-model';
import { finding } from './review-fixture';

describe('worst level', () => {
  it('is the worst of the findings, none when there are none', () => {
    expect(worstLevel([])).toBe('none');
    expect(worstLevel([{ level: 'none' }, { level: 'visible' }])).toBe('visible');
    expect(worstLevel([{ level: 'visible' }, { level: 'obvious' }, { level: 'none' }])).toBe('obvious');
  });

  it('sorts worst first, then by how far past the threshold', () => {
    const a = finding({ id: 'a', level: 'visible', value: 3, threshold: 2 });
    const b = finding({ id: 'b', level: 'visible', value: 9, threshold: 2 });
    const c = finding({ id: 'c', level: 'obvious', value: 5, threshold: 2 });
    const d = finding({ id: 'd', level: 'none', value: 1, threshold: 2 });
    expect(sortFindings([d, a, c, b]).map((f) => f.id)).toEqual(['c', 'b', 'a', 'd']);
  });

  it('tells the levels apart by more than hue: a word, a mark, a pattern and distinct lightness', () => {
    const looks = Object.values(LEVEL_LOOK);
    expect(new Set(looks.map((l) => l.label)).size).toBe(3);
    expect(new Set(looks.map((l) => l.mark)).size).toBe(3);
    expect(new Set(looks.map((l) => l.pattern)).size).toBe(3);
    // Relative luminance of each colour: they must differ enough to read in greyscale.
    const lum = (hex: string) => {
      const [r, g, b] = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16) / 255);
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    const [none, visible, obvious] = [LEVEL_LOOK.none, LEVEL_LOOK.visible, LEVEL_LOOK.obvious].map((l) =>
      lum(l.colour),
    );
    expect(Math.abs(visible! - none!)).toBeGreaterThan(0.2);
    expect(Math.abs(visible! - obvious!)).toBeGreaterThan(0.15);
  });
});

describe('finding sentences', () => {
  it('keeps the engine’s sentence when it carries the number', () => {
    const f = finding({ id: 'x' });
    expect(findingSentence(f)).toBe('Emma’s sweater: ΔE00 6.1, bluer and darker than in shot 2 — visible');
  });

  it('keeps the engine’s sentence when it rounds its number its own way', () => {
    const f = finding({
      id: 'x',
      value: 47.64,
      sentence: "Ava's outfit: ΔE00 47.7, more purple than in shot 1 — obvious",
    });
    expect(findingSentence(f)).toBe("Ava's outfit: ΔE00 47.7, more purple than in shot 1 — obvious");
  });

  it('composes one with the number, the subject’s name and the level when the sentence lacks the number', () => {
    const f = finding({ id: 'x', sentence: 'bluer and darker than before', value: 6.14 });
    expect(findingSentence(f, 'Emma')).toBe(
      'Emma’s outfit colour: bluer and darker than before (ΔE00 6.1) — visible',
    );
    const bare = finding({
      id: 'y',
      kind: 'sync',
      sentence: '',
      value: 120,
      unit: 'ms',
      subject: null,
      part: null,
      level: 'obvious',
    });
    expect(findingSentence(bare)).toBe('Sync: 120 ms — obvious');
  });

  it('writes numbers in their units', () => {
    expect(findingNumber({ value: 6.08, unit: 'ΔE00' })).toBe('ΔE00 6.1');
    expect(findingNumber({ value: -45, unit: 'ms' })).toBe('-45.0 ms');
    expect(findingNumber({ value: 3.25, unit: '%' })).toBe('3.3%');
    expect(findingNumber({ value: 0.42, unit: '' })).toBe('0.4');
  });
});

describe('box to pixels', () => {
  it('maps 0..1 straight onto a view of the frame’s own shape', () => {
    expect(
      boxToPixels([0.25, 0.5, 0.5, 0.25], { width: 1280, height: 720 }, { width: 640, height: 360 }),
    ).toEqual({
      left: 160,
      top: 180,
      width: 320,
      height: 90,
    });
  });

  it('accounts for the letterbox of a 16:9 frame in a square view', () => {
    const r = boxToPixels([0, 0, 1, 1], { width: 1600, height: 900 }, { width: 800, height: 800 });
    expect(r).toEqual({ left: 0, top: 175, width: 800, height: 450 });
  });

  it('accounts for the pillarbox of a 9:16 frame in a wide view and clamps a box that leaves the frame', () => {
    const r = boxToPixels([0.5, -0.1, 0.8, 0.5], { width: 900, height: 1600 }, { width: 1000, height: 800 });
    // Drawn 450 wide, centred: 275 px to the left of the picture.
    expect(r.left).toBeCloseTo(275 + 225);
    expect(r.top).toBe(0);
    expect(r.width).toBeCloseTo(225);
    expect(r.height).toBeCloseTo(0.4 * 800);
  });
});

describe('wipe, difference and onion maths', () => {
  it('puts the wipe at a column and clamps it', () => {
    expect(wipeColumn(0.5, 1280)).toBe(640);
    expect(wipeColumn(-1, 1280)).toBe(0);
    expect(wipeColumn(2, 1280)).toBe(1280);
    expect(wipeColumn(Number.NaN, 1280)).toBe(0);
  });

  it('writes the amplified absolute difference and returns its mean', () => {
    const a = new Uint8ClampedArray([10, 20, 30, 255, 100, 100, 100, 255]);
    const b = new Uint8ClampedArray([12, 10, 30, 255, 100, 100, 100, 0]);
    const out = new Uint8ClampedArray(8);
    const mean = differenceInto(a, b, out, 4);
    expect(Array.from(out)).toEqual([8, 40, 0, 255, 0, 0, 0, 255]);
    expect(mean).toBeCloseTo((2 + 10) / 6);
    expect(differenceInto(a, a, new Uint8ClampedArray(8))).toBe(0);
    expect(() => differenceInto(a, new Uint8ClampedArray(4), out)).toThrow();
  });

  it('clamps the onion opacity', () => {
    expect(onionOpacity(0.3)).toBe(0.3);
    expect(onionOpacity(4)).toBe(1);
    expect(onionOpacity(Number.NaN)).toBe(0.5);
  });

  it('lists the cuts across scenes in film order', () => {
    const cuts = cutsOf([{ shots: [{ id: 'a' }, { id: 'b' }] }, { shots: [] }, { shots: [{ id: 'c' }] }]);
    expect(cuts.map((c) => `${c.from.id}>${c.to.id}`)).toEqual(['a>b', 'b>c']);
    expect(cutsOf([{ shots: [{ id: 'a' }] }])).toEqual([]);
  });
});

describe('fixes on a finding', () => {
  it('offers only what would change the shot', () => {
    expect(fixesFor({ continuity: false, seed: 7 })).toEqual(['continuity', 'scene-seed']);
    expect(fixesFor({ continuity: true, seed: 7 })).toEqual(['scene-seed']);
    expect(fixesFor({ continuity: false, seed: null })).toEqual(['continuity']);
    expect(fixesFor({ continuity: true, seed: null })).toEqual([]);
    expect(fixesFor(undefined)).toEqual([]);
  });
});
