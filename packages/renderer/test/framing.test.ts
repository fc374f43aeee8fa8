import { CAMERA_MOVES, SHOT_TYPES } from '@ministudio/domain';
import { describe, expect, it } from 'vitest';
import {
  cameraAt,
  cameraPath,
  clampView,
  easeInOutCubic,
  fittedZoom,
  focusFor,
  SAFE_MARGIN,
  SHOT_ZOOM,
  stageCast,
} from '../src/index';

const W = 1280;
const H = 720;

describe('framing', () => {
  it('magnifies more from extreme wide to extreme close-up', () => {
    const zooms = SHOT_TYPES.map((t) => SHOT_ZOOM[t]);
    expect([...zooms].sort((a, b) => a - b)).toEqual(zooms);
  });

  it('eases in and out', () => {
    expect(easeInOutCubic(0)).toBe(0);
    expect(easeInOutCubic(1)).toBe(1);
    expect(easeInOutCubic(0.5)).toBeCloseTo(0.5);
    expect(easeInOutCubic(0.1)).toBeLessThan(0.1);
    expect(easeInOutCubic(0.9)).toBeGreaterThan(0.9);
  });

  it('never shows past the plate’s edge', () => {
    const v = clampView({ cx: -500, cy: 9999, zoom: 2 }, W, H);
    expect(v.cx - W / (2 * v.zoom)).toBeGreaterThanOrEqual(0);
    expect(v.cy + H / (2 * v.zoom)).toBeLessThanOrEqual(H);
    expect(clampView({ cx: 0, cy: 0, zoom: 0.5 }, W, H).zoom).toBe(1);
  });

  it('centres close-ups on the subject’s face and wide shots on the group', () => {
    const marks = stageCast(
      [
        { key: 'a', heightFactor: 1 },
        { key: 'b', heightFactor: 1 },
      ],
      W,
      H,
      7,
    );
    const close = focusFor('close-up', marks, 'b', W, H);
    expect(close.x).toBeCloseTo(marks[1]!.x);
    expect(close.y).toBeLessThan(marks[1]!.floorY - marks[1]!.height * 0.7);
    const wide = focusFor('extreme-wide', marks, 'b', W, H);
    expect(wide.x).toBeCloseTo((marks[0]!.x + marks[1]!.x) / 2);
  });

  const focus = { x: W / 2, y: H / 2 };
  const at = (move: (typeof CAMERA_MOVES)[number], p: number) => cameraAt('medium', move, focus, W, H, p);

  it.each(SHOT_TYPES)(
    '%s: every camera move changes the view from first to last frame, static does not',
    (type) => {
      for (const move of CAMERA_MOVES) {
        const first = cameraAt(type, move, focus, W, H, 0);
        const last = cameraAt(type, move, focus, W, H, 1);
        const same = JSON.stringify(first) === JSON.stringify(last);
        expect(same, `${type} ${move}`).toBe(move === 'static');
      }
    },
  );

  it('moves each way it says', () => {
    expect(at('pan-left', 1).background.cx).toBeLessThan(at('pan-left', 0).background.cx);
    expect(at('pan-right', 1).background.cx).toBeGreaterThan(at('pan-right', 0).background.cx);
    expect(at('tilt-up', 1).background.cy).toBeLessThan(at('tilt-up', 0).background.cy);
    expect(at('tilt-down', 1).background.cy).toBeGreaterThan(at('tilt-down', 0).background.cy);
    expect(at('zoom-in', 1).background.zoom).toBeGreaterThan(at('zoom-in', 0).background.zoom);
    expect(at('zoom-out', 1).background.zoom).toBeLessThan(at('zoom-out', 0).background.zoom);
  });

  it('zooms the set and the people together, but a dolly grows the people more (parallax)', () => {
    const zoom = at('zoom-in', 1);
    expect(zoom.foreground.zoom).toBeCloseTo(zoom.background.zoom);
    const dolly = at('dolly-in', 1);
    const start = at('dolly-in', 0);
    const fgGrowth = dolly.foreground.zoom / start.foreground.zoom;
    const bgGrowth = dolly.background.zoom / start.background.zoom;
    expect(fgGrowth).toBeGreaterThan(bgGrowth * 1.2);
    expect(at('dolly-out', 1).foreground.zoom).toBeLessThan(at('dolly-out', 0).foreground.zoom);
  });

  it('stages a cast the same way for the same seed', () => {
    const cast = [
      { key: 'a', heightFactor: 1 },
      { key: 'b', heightFactor: 1.08 },
    ];
    expect(stageCast(cast, W, H, 3)).toEqual(stageCast(cast, W, H, 3));
    expect(stageCast(cast, W, H, 3)[1]!.height).toBeGreaterThan(stageCast(cast, W, H, 3)[0]!.height);
  });

  it('frames no tighter than the cast fits, leaving a zoom its full travel when there is room', () => {
    // Two people a third of the frame apart: a medium shot's 2.3× would cut one of them off.
    const cast = { x: W * 0.3, y: H * 0.3, w: W * 0.4, h: H * 0.3 };
    const still = fittedZoom('medium', 'static', cast, W, H);
    expect(still.zoom).toBeLessThan(SHOT_ZOOM.medium);
    expect(cast.w * still.zoom).toBeLessThanOrEqual(W * (1 - 2 * SAFE_MARGIN));
    const zoom = fittedZoom('medium', 'zoom-in', cast, W, H);
    expect(zoom.zoom * 1.4).toBeLessThanOrEqual(still.zoom + 1e-9);
    expect(zoom.moveScale).toBe(1);
    // One small figure: the shot type's own magnification.
    expect(fittedZoom('medium', 'static', { x: 600, y: 300, w: 80, h: 150 }, W, H).zoom).toBe(
      SHOT_ZOOM.medium,
    );
    // A cast as wide as the set: a zoom still moves, only less far.
    const crowd = fittedZoom('wide', 'zoom-in', { x: W * 0.1, y: H * 0.3, w: W * 0.8, h: H * 0.4 }, W, H);
    expect(crowd.zoom).toBe(1);
    expect(crowd.moveScale).toBeGreaterThan(0);
    expect(crowd.moveScale).toBeLessThan(1);
  });

  it('pans only as far as the cast stays in the safe area, and still pans', () => {
    const cast = { x: W * 0.3, y: H * 0.35, w: W * 0.35, h: H * 0.3 };
    const views = cameraPath('medium', 'pan-right', { x: W * 0.6, y: H * 0.5 }, cast, W, H, 48);
    for (const v of views) {
      const left = (cast.x - v.foreground.cx) * v.foreground.zoom + W / 2;
      const right = (cast.x + cast.w - v.foreground.cx) * v.foreground.zoom + W / 2;
      expect(left).toBeGreaterThanOrEqual(W * SAFE_MARGIN - 1e-6);
      expect(right).toBeLessThanOrEqual(W * (1 - SAFE_MARGIN) + 1e-6);
    }
    expect(views.at(-1)!.background.cx).toBeGreaterThan(views[0]!.background.cx + 10);
  });
});
