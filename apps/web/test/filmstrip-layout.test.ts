import { describe, expect, it } from 'vitest';
import { FILMSTRIP_FRAMES, planFilmstrip } from '../src/timeline/filmstrip-layout';

describe('planFilmstrip', () => {
  it('shows every thumbnail once when the clip is exactly as wide as the row', () => {
    // 8 thumbnails of 16:9 at 45 px high are 80 px wide each: 640 px holds all of them, in order.
    const plan = planFilmstrip({ widthPx: 640, heightPx: 45 });
    expect(plan.slotWidth).toBe(80);
    expect(plan.backgroundSize).toBe('640px 45px');
    expect(plan.slots.map((s) => s.frame)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(plan.slots.map((s) => s.left)).toEqual([0, 80, 160, 240, 320, 400, 480, 560]);
    expect(plan.slots[3]!.backgroundPosition).toBe('-240px 0px');
  });

  it('skips frames evenly on a narrow clip: each slot shows the moment under its middle', () => {
    const plan = planFilmstrip({ widthPx: 160, heightPx: 45 });
    expect(plan.slots.map((s) => s.frame)).toEqual([2, 6]);
    const one = planFilmstrip({ widthPx: 30, heightPx: 45 });
    // Narrower than one thumbnail: a single cropped slot showing the middle of the take.
    expect(one.slots).toHaveLength(1);
    expect(one.slots[0]!.width).toBe(30);
    expect(one.slots[0]!.frame).toBe(4);
  });

  it('repeats frames on a wide clip and crops the last slot at the clip end', () => {
    const plan = planFilmstrip({ widthPx: 1300, heightPx: 45 });
    expect(plan.slots).toHaveLength(17);
    const frames = plan.slots.map((s) => s.frame);
    // Never goes backwards and reaches the last thumbnail.
    expect(frames).toEqual([...frames].sort((a, b) => a - b));
    expect(frames[0]).toBe(0);
    expect(frames.at(-1)).toBe(FILMSTRIP_FRAMES - 1);
    expect(new Set(frames).size).toBe(FILMSTRIP_FRAMES);
    const last = plan.slots.at(-1)!;
    expect(last.left + last.width).toBeCloseTo(1300);
    expect(last.width).toBeCloseTo(20);
  });

  it('covers the whole clip with no gap and no overlap', () => {
    const plan = planFilmstrip({ widthPx: 517.5, heightPx: 58 });
    let edge = 0;
    for (const slot of plan.slots) {
      expect(slot.left).toBeCloseTo(edge);
      edge = slot.left + slot.width;
    }
    expect(edge).toBeCloseTo(517.5);
  });

  it('honours another frame count and aspect', () => {
    const plan = planFilmstrip({ widthPx: 90, heightPx: 40, frames: 3, frameAspect: 0.75 });
    expect(plan.slotWidth).toBe(30);
    expect(plan.backgroundSize).toBe('90px 40px');
    expect(plan.slots.map((s) => s.frame)).toEqual([0, 1, 2]);
  });

  it('plans nothing for an empty or degenerate clip', () => {
    expect(planFilmstrip({ widthPx: 0, heightPx: 45 }).slots).toEqual([]);
    expect(planFilmstrip({ widthPx: 200, heightPx: 0 }).slots).toEqual([]);
    expect(planFilmstrip({ widthPx: Number.NaN, heightPx: 45 }).slots).toEqual([]);
    expect(planFilmstrip({ widthPx: Number.POSITIVE_INFINITY, heightPx: 45 }).slots).toEqual([]);
  });
});
