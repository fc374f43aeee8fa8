import { converter, formatRgb } from 'culori';
import { describe, expect, it } from 'vitest';
import {
  boxToRect,
  colourLevel,
  deltaE00,
  describeDelta,
  dominantLab,
  energyEnvelope,
  type Frame,
  fillBox,
  flickerOf,
  frameStats,
  hellinger,
  histogramEmd,
  jitterOf,
  labPixels,
  lumaHistogram,
  lumaPlane,
  makeFrame,
  matchCues,
  measureFlicker,
  medianFrame,
  refineOnBlocks,
  regionColour,
  register,
  rgbHistogram,
  speechOnsets,
  srgbToLab,
  syncLevel,
} from '../src/index';

const toLab = converter('lab65');

/** A frame with a textured "room": stripes and boxes, so registration has something to hold on to. */
function room(width: number, height: number, shiftX = 0): Frame {
  const f = makeFrame(width, height, [120, 110, 100]);
  fillBox(f, [0, 0.7, 1, 0.3], [80, 60, 40]);
  fillBox(f, [0.08, 0.1, 0.2, 0.35], [200, 220, 240]);
  fillBox(f, [0.55 + shiftX, 0.2, 0.12, 0.45], [90, 50, 30]);
  fillBox(f, [0.75, 0.05, 0.15, 0.15], [230, 200, 60]);
  fillBox(f, [0.35, 0.5, 0.08, 0.2], [40, 120, 90]);
  return f;
}

describe('colour', () => {
  it('converts sRGB to the same CIELAB (D65) as culori', () => {
    for (const rgb of [
      [0, 0, 0],
      [255, 255, 255],
      [200, 30, 60],
      [20, 90, 200],
      [128, 128, 128],
    ] as const) {
      const ours = srgbToLab(rgb[0], rgb[1], rgb[2]);
      const theirs = toLab(formatRgb({ mode: 'rgb', r: rgb[0] / 255, g: rgb[1] / 255, b: rgb[2] / 255 }))!;
      expect(ours[0]).toBeCloseTo(theirs.l, 3);
      expect(ours[1]).toBeCloseTo(theirs.a, 3);
      expect(ours[2]).toBeCloseTo(theirs.b, 3);
    }
  });

  it('measures CIEDE2000 with culori (Sharma et al. test pair 1)', () => {
    expect(deltaE00([50, 2.6772, -79.7751], [50, 0, -82.7485])).toBeCloseTo(2.0425, 3);
    expect(deltaE00([60, 10, 10], [60, 10, 10])).toBe(0);
  });

  it('takes the dominant colour of a box that is only partly the sweater', () => {
    const f = makeFrame(40, 40, [240, 240, 240]);
    fillBox(f, [0, 0, 0.65, 1], [30, 60, 160]);
    const lab = dominantLab(labPixels(f, boxToRect([0, 0, 1, 1], 40, 40)))!;
    expect(deltaE00(lab, srgbToLab(30, 60, 160))).toBeLessThan(0.5);
  });

  it('takes the median over a window, so one odd frame does not move the colour', () => {
    const frames = [0, 1, 2, 3, 4].map((i) => makeFrame(8, 8, i === 2 ? [255, 0, 0] : [20, 80, 150]));
    const boxes = frames.map(() => [0, 0, 1, 1] as [number, number, number, number]);
    expect(deltaE00(regionColour(frames, boxes)!, srgbToLab(20, 80, 150))).toBeLessThan(0.01);
    expect(
      regionColour(
        frames,
        frames.map(() => null),
      ),
    ).toBeNull();
    const median = medianFrame(frames);
    expect([...median.data.subarray(0, 3)]).toEqual([20, 80, 150]);
  });

  it('says a change in words: bluer and darker', () => {
    const blue = srgbToLab(60, 80, 160);
    const bluerDarker = srgbToLab(35, 45, 150);
    expect(describeDelta(blue, bluerDarker).words).toMatch(/darker/);
    // Hue angle from 270° up to 290°: heading for blue (≈300° in CIELAB); down to 250°: for cyan.
    expect(describeDelta([60, 0, -40], [60, 14, -38]).words).toBe('bluer');
    expect(describeDelta([60, 0, -40], [60, -14, -38]).words).toBe('more cyan');
    expect(describeDelta([50, 20, 20], [40, 20, 20]).words).toBe('darker');
    expect(describeDelta([50, 20, 20], [50, 30, 30]).words).toBe('more saturated');
    expect(describeDelta([50, 20, 20], [50.2, 20, 20]).words).toBe('');
  });

  it('measures histogram distances', () => {
    const a = makeFrame(10, 10, [10, 10, 10]);
    const b = makeFrame(10, 10, [250, 250, 250]);
    const rect = boxToRect([0, 0, 1, 1], 10, 10);
    expect(hellinger(rgbHistogram(a, rect), rgbHistogram(a, rect))).toBeCloseTo(0, 6);
    expect(hellinger(rgbHistogram(a, rect), rgbHistogram(b, rect))).toBeCloseTo(1, 6);
    const la = lumaHistogram(lumaPlane(makeFrame(10, 10, [100, 100, 100])), 256);
    const lb = lumaHistogram(lumaPlane(makeFrame(10, 10, [110, 110, 110])), 256);
    expect(histogramEmd(la, lb)).toBeCloseTo(10, 0);
  });

  it('needs an obvious difference before a tiny region counts', () => {
    expect(colourLevel(3, 0.05)).toBe('visible');
    expect(colourLevel(3, 0.005)).toBe('none');
    expect(colourLevel(6, 0.005)).toBe('visible');
    expect(colourLevel(6, 0.05)).toBe('obvious');
  });
});

describe('flicker', () => {
  it('ignores a steady fade and finds a pulse', () => {
    const fade = Array.from({ length: 30 }, (_, i) => 100 + i * 2);
    expect(flickerOf(fade, []).rms).toBeLessThan(1e-9);
    const pulsed = fade.map((v, i) => (i % 4 === 0 ? v + 6 : v));
    const m = flickerOf(pulsed, []);
    expect(m.peak).toBeCloseTo(6, 5);
    expect(m.peakFrame % 4).toBe(0);
    expect(m.rms).toBeGreaterThan(2);
  });

  it('skips scene changes and finds a flickering block', () => {
    const frames = Array.from({ length: 24 }, (_, i) => {
      const f = makeFrame(32, 32, i < 12 ? [30, 30, 30] : [220, 220, 220]);
      if (i % 2 === 0) fillBox(f, [0, 0, 0.25, 0.25], i < 12 ? [60, 60, 60] : [250, 250, 250]);
      return f;
    });
    const result = measureFlicker(frames.map(frameStats));
    expect(result.sceneChanges).toEqual([12]);
    expect(result.worstBlock?.box).toEqual([0, 0, 0.25, 0.25]);
    expect(result.worstBlock!.measure.rms).toBeGreaterThan(10);
    // A steady clip with one cut is not flicker.
    const alternating = flickerOf(
      Array.from({ length: 20 }, (_, i) => (i % 2 ? 101 : 99)),
      [],
    );
    expect(alternating.rms).toBeCloseTo(1, 5);
    const steady = Array.from({ length: 24 }, (_, i) =>
      makeFrame(32, 32, i < 12 ? [30, 30, 30] : [220, 220, 220]),
    );
    expect(measureFlicker(steady.map(frameStats)).frame.rms).toBe(0);
  });
});

describe('jitter', () => {
  it('is small for eased motion and large for a wobble', () => {
    const eased = Array.from({ length: 24 }, (_, i) => {
      const t = i / 23;
      const x = 0.1 + 0.33 * (t * t * (3 - 2 * t));
      return [x, 0.3, 0.2, 0.5] as [number, number, number, number];
    });
    expect(jitterOf(eased, 16 / 9).rms).toBeLessThan(0.1);
    const wobble = eased.map((b, i) => [b[0] + (i % 2 ? 1 : -1) / 320, b[1], b[2], b[3]] as typeof b);
    expect(jitterOf(wobble, 16 / 9).rms).toBeGreaterThan(0.5);
    expect(jitterOf([null, eased[0]!, null], 16 / 9).samples).toBe(0);
  });
});

describe('sync', () => {
  it('finds onsets of bursts and pairs them with cues (positive = audio early)', () => {
    const rate = 16000;
    const samples = new Float32Array(rate * 2);
    for (const start of [0.5, 1.3]) {
      for (let i = Math.round(start * rate); i < Math.round((start + 0.3) * rate); i++) {
        samples[i] = 0.5 * Math.sin((2 * Math.PI * 220 * i) / rate);
      }
    }
    const onsets = speechOnsets(energyEnvelope(samples, rate));
    expect(onsets).toHaveLength(2);
    expect(onsets[0]).toBeCloseTo(0.5, 2);
    const matched = matchCues(
      [
        { characterKey: 'emma', startSeconds: 0.6, endSeconds: 0.8 },
        { characterKey: 'emma', startSeconds: 1.2, endSeconds: 1.5 },
      ],
      onsets,
    );
    expect(matched[0]!.offsetMs).toBeCloseTo(100, -1);
    expect(matched[1]!.offsetMs).toBeCloseTo(-100, -1);
  });

  it('grades offsets per BT.1359 (asymmetric)', () => {
    expect(syncLevel(40)).toBe('none');
    expect(syncLevel(50)).toBe('visible');
    expect(syncLevel(100)).toBe('obvious');
    expect(syncLevel(-100)).toBe('none');
    expect(syncLevel(-130)).toBe('visible');
    expect(syncLevel(-200)).toBe('obvious');
  });
});

describe('registration', () => {
  it('finds the shift between two framings of one room', () => {
    const wide = room(320, 180);
    // A pan: B is A moved 12 px left and 5 px up (B's pixel p is at p + (12, 5) in A).
    const panned = makeFrame(320, 180);
    for (let y = 0; y < 180; y++) {
      for (let x = 0; x < 320; x++) {
        const sx = Math.min(319, x + 12);
        const sy = Math.min(179, y + 5);
        for (let c = 0; c < 3; c++) panned.data[(y * 320 + x) * 3 + c] = wide.data[(sy * 320 + sx) * 3 + c]!;
      }
    }
    const r = register(wide, panned);
    expect(r.scale).toBeCloseTo(1, 2);
    expect(r.tx).toBeCloseTo(12, 0);
    expect(r.ty).toBeCloseTo(5, 0);
    expect(r.correlation).toBeGreaterThan(0.95);
  });

  it('finds the zoom of a medium inside a wide', () => {
    const wide = room(320, 180);
    // Medium: the middle 60% of the wide, nearest-neighbour upscaled.
    const medium = makeFrame(320, 180);
    for (let y = 0; y < 180; y++) {
      for (let x = 0; x < 320; x++) {
        const sx = Math.floor(64 + x * 0.6);
        const sy = Math.floor(36 + y * 0.6);
        for (let c = 0; c < 3; c++) medium.data[(y * 320 + x) * 3 + c] = wide.data[(sy * 320 + sx) * 3 + c]!;
      }
    }
    const r = register(wide, medium);
    expect(r.scale).toBeCloseTo(0.6, 1);
    expect(Math.abs(r.tx - 64)).toBeLessThan(2);
    expect(Math.abs(r.ty - 36)).toBeLessThan(2);
    expect(r.correlation).toBeGreaterThan(0.9);
  });
});

describe('registration on blocks', () => {
  it('keeps to the room when one set piece moved, and counts the blocks that agree', () => {
    const a = room(320, 180);
    const b = room(320, 180, 0.03);
    // Start from a registration pulled towards the moved piece, as a global correlation can be.
    const start = { scale: 0.99, tx: 1.6, ty: 0.9, correlation: 0, overlap: 1 };
    const robust = refineOnBlocks(a, b, start);
    expect(robust.registration.scale).toBeCloseTo(1, 2);
    expect(Math.abs(robust.registration.tx)).toBeLessThan(0.5);
    expect(Math.abs(robust.registration.ty)).toBeLessThan(0.5);
    expect(robust.inlierRatio).toBeGreaterThan(0.5);
    expect(robust.inlierRatio).toBeLessThan(1);
  });
});
