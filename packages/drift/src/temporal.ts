import type { RegionBox, RegionTrack } from '@ministudio/domain';
import { hellinger, lumaHistogram } from './colour';
import { boxToRect, type Frame, gridBoxes, lumaPlane, meanLuma } from './frame';
import { FLICKER_GRID, SCENE_CHANGE_BLOCK_LEVELS, SCENE_CHANGE_HELLINGER } from './thresholds';

// What happens within a shot, from per-frame numbers: flicker (mean luma against its own short median) and
// jitter (how unevenly a region moves). The per-frame numbers are small, so a clip's are cached whole.

/** The numbers flicker needs from one frame. */
export interface FrameStats {
  luma: number;
  /** Mean luma of each block of FLICKER_GRID, row by row. */
  blocks: number[];
  /** 32-bin luma histogram, for scene changes. */
  histogram: number[];
}

export function frameStats(frame: Frame): FrameStats {
  const blocks = gridBoxes(FLICKER_GRID.cols, FLICKER_GRID.rows).map((box) =>
    meanLuma(frame, boxToRect(box, frame.width, frame.height)),
  );
  const histogram = Array.from(lumaHistogram(lumaPlane(frame), 32));
  return { luma: meanLuma(frame), blocks, histogram };
}

/** Frame indices that start a new scene (a cut inside the clip): the luma histogram jumps. */
export function sceneChanges(stats: readonly FrameStats[]): number[] {
  const cuts: number[] = [];
  for (let i = 1; i < stats.length; i++) {
    const before = stats[i - 1]!;
    const after = stats[i]!;
    if (hellinger(before.histogram, after.histogram) <= SCENE_CHANGE_HELLINGER) continue;
    const moved = after.blocks.filter(
      (v, b) => Math.abs(v - (before.blocks[b] ?? v)) > SCENE_CHANGE_BLOCK_LEVELS,
    );
    if (moved.length * 2 >= after.blocks.length) cuts.push(i);
  }
  return cuts;
}

export interface FlickerMeasure {
  rms: number;
  peak: number;
  /** The frame of the peak. */
  peakFrame: number;
  /** Per frame: the value minus its moving median (0 at segment edges it cannot judge). */
  residual: number[];
}

/**
 * High-passes a series: each value minus the median of its neighbours (two each side, the value itself left
 * out), within each segment (segments split at scene changes, so a cut is not flicker). The neighbours' median
 * follows fades and pans (it is exact on a ramp) but not a pulse, and, unlike a median that includes the value,
 * it also sees flicker that alternates every frame.
 */
export function flickerOf(series: readonly number[], cuts: readonly number[], half = 2): FlickerMeasure {
  const residual = new Array<number>(series.length).fill(0);
  const bounds = [0, ...cuts, series.length];
  let sum2 = 0;
  let count = 0;
  let peak = 0;
  let peakFrame = 0;
  for (let s = 0; s + 1 < bounds.length; s++) {
    const start = bounds[s]!;
    const end = bounds[s + 1]!;
    // Only frames with full neighbours on both sides: at the edges a one-sided median would read a ramp as flicker.
    for (let i = start + half; i < end - half; i++) {
      const neighbours = [...series.slice(i - half, i), ...series.slice(i + 1, i + half + 1)].sort(
        (a, b) => a - b,
      );
      const mid = neighbours.length >> 1;
      const r = series[i]! - (neighbours[mid - 1]! + neighbours[mid]!) / 2;
      residual[i] = r;
      sum2 += r * r;
      count++;
      if (Math.abs(r) > peak) {
        peak = Math.abs(r);
        peakFrame = i;
      }
    }
  }
  return { rms: count > 0 ? Math.sqrt(sum2 / count) : 0, peak, peakFrame, residual };
}

export interface FlickerResult {
  frame: FlickerMeasure;
  /** The worst block, when it flickers more than the frame as a whole. */
  worstBlock: { box: RegionBox; measure: FlickerMeasure } | null;
  sceneChanges: number[];
}

export function measureFlicker(stats: readonly FrameStats[]): FlickerResult {
  const cuts = sceneChanges(stats);
  const frame = flickerOf(
    stats.map((s) => s.luma),
    cuts,
  );
  const boxes = gridBoxes(FLICKER_GRID.cols, FLICKER_GRID.rows);
  let worstBlock: FlickerResult['worstBlock'] = null;
  boxes.forEach((box, b) => {
    const measure = flickerOf(
      stats.map((s) => s.blocks[b] ?? 0),
      cuts,
    );
    if (measure.rms > (worstBlock?.measure.rms ?? frame.rms)) worstBlock = { box, measure };
  });
  return { frame, worstBlock, sceneChanges: cuts };
}

export interface JitterMeasure {
  /** RMS of the second difference of centre and size, in % of the frame width per frame². */
  rms: number;
  peak: number;
  peakFrame: number;
  /** Frames where the box was present on three consecutive frames. */
  samples: number;
}

/**
 * The unevenness of a region's motion. For every three consecutive frames with a box, the second difference
 * (acceleration) of its centre x, centre y, width and height (y and height scaled to width units by the
 * aspect); then, like flicker, each acceleration series minus the median of its neighbours. Eased key-to-key
 * motion has an acceleration that changes slowly, so it passes; a wobble between keys flips sign every frame
 * or two and does not. The worst of the four components counts.
 */
export function jitterOf(track: RegionTrack, aspect: number): JitterMeasure {
  const values = track.map((b) =>
    b ? [b[0] + b[2] / 2, (b[1] + b[3] / 2) / aspect, b[2], b[3] / aspect].map((v) => v * 100) : null,
  );
  const accel: number[][] = [[], [], [], []];
  const frames: number[] = [];
  const breaks: number[] = [];
  for (let i = 1; i + 1 < values.length; i++) {
    const p = values[i - 1];
    const c = values[i];
    const n = values[i + 1];
    if (!p || !c || !n) {
      if (frames.length > 0 && breaks.at(-1) !== frames.length) breaks.push(frames.length);
      continue;
    }
    for (let k = 0; k < 4; k++) accel[k]!.push(n[k]! - 2 * c[k]! + p[k]!);
    frames.push(i);
  }
  let best: JitterMeasure = { rms: 0, peak: 0, peakFrame: 0, samples: frames.length };
  for (const series of accel) {
    const m = flickerOf(
      series,
      breaks.filter((b) => b > 0 && b < series.length),
    );
    if (m.rms > best.rms)
      best = { rms: m.rms, peak: m.peak, peakFrame: frames[m.peakFrame] ?? 0, samples: frames.length };
  }
  return best;
}
