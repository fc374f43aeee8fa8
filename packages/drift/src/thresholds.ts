// Every number that decides whether a drift is "visible" or "obvious", with where it comes from. One file, so a
// change of calibration is one reviewed diff, and the Review view can quote the source beside a finding.

export type DriftLevel = 'none' | 'visible' | 'obvious';

export interface LevelThreshold {
  visible: number;
  obvious: number;
  unit: string;
  source: string;
}

/**
 * Colour difference of a region (character part, set piece, block of the plate). CIEDE2000 ≈ 1 is the
 * just-noticeable difference of two patches touching; ≈ 2 is seen side by side by most viewers, ≈ 5 is
 * plain in playback (Sharma, Wu & Dalal 2005, "The CIEDE2000 color-difference formula"; Mahy et al. 1994 on
 * JND ≈ 2.3 in CIELAB; the print/packaging practice of tolerances 2–5 ΔE00).
 */
export const COLOUR: LevelThreshold = {
  visible: 2,
  obvious: 5,
  unit: 'ΔE00',
  source: 'CIEDE2000 (Sharma et al. 2005): ≈2 visible side by side, ≥5 obvious',
};

/**
 * A region smaller than this share of the frame needs an obvious difference before it counts as visible:
 * below it the patch subtends too small an angle for side-by-side judgement at normal viewing distance.
 */
export const MIN_REGION_AREA = 0.01;

/** Grade: the same ΔE00 scale applied to the background as a whole (mean colour of the registered overlap). */
export const GRADE: LevelThreshold = { ...COLOUR, source: `${COLOUR.source}, on the background as a whole` };

/**
 * Luma histogram jump at a cut (earth mover's distance between the two luma histograms, in 8-bit code values).
 * A uniform exposure shift of 4 code values (≈1.6%) is about the Weber fraction at mid grey; 10 is a clear
 * exposure jump. Calibrated on the suite's clean re-encodes, which stay under 1.
 */
export const LUMA_HISTOGRAM: LevelThreshold = {
  visible: 4,
  obvious: 10,
  unit: 'luma levels (EMD)',
  source: 'Weber fraction ≈1.5% at mid grey; calibrated on the suite (re-encodes < 1)',
};

/**
 * Flicker within a shot: RMS of the frame's (or a block's) mean luma minus its 5-frame moving median, in 8-bit
 * code values. Temporal contrast sensitivity near 10–15 Hz is about 0.5–1% modulation (Kelly 1961); 1 code
 * value at mid grey is ≈0.8%. Calibrated on the suite: clean re-encodes and re-renders measure < 0.3.
 */
export const FLICKER: LevelThreshold = {
  visible: 1,
  obvious: 3,
  unit: 'luma levels RMS',
  source: 'temporal contrast sensitivity ≈0.5–1% (Kelly 1961); calibrated on the suite (controls < 0.3)',
};

/** Flicker's blocks: a grid over the frame (each block 1/16 of it, above MIN_REGION_AREA). */
export const FLICKER_GRID = { cols: 4, rows: 4 } as const;

/**
 * A scene change (a cut inside a clip) is not flicker: consecutive frames whose luma histograms differ by more
 * than this (Hellinger, 0..1) AND where at least half of the blocks' mean luma moved by more than
 * SCENE_CHANGE_BLOCK_LEVELS. The histogram alone would call a flat picture's flicker a cut.
 */
export const SCENE_CHANGE_HELLINGER = 0.45;
export const SCENE_CHANGE_BLOCK_LEVELS = 20;

/**
 * Jitter: RMS of the second difference of a region's centroid and size, in % of the frame width per frame².
 * Eased key-to-key motion of a third of the frame over a second stays under 0.1; a one-pixel wobble at 320 px
 * (0.3%) measures ≈0.6. Set on synthetic tracks (unit tests), pending the renderer's own sidecars.
 */
export const JITTER: LevelThreshold = {
  visible: 0.25,
  obvious: 0.75,
  unit: '% width/frame²',
  source: 'synthetic tracks: eased motion < 0.1, ±1 px wobble at 320 px ≈ 0.6',
};

/**
 * Layout: how far a fixed element moved between two shots of the same place after the frames are registered,
 * in % of frame width. Calibrated on the suite: registration error of clean pairs (re-encode, medium vs wide)
 * stays under 0.3%; the suite's 1% move (3 px at 320) is found reliably.
 */
export const LAYOUT: LevelThreshold = {
  visible: 0.7,
  obvious: 2.5,
  unit: '% width',
  source: 'calibrated on the suite: clean pairs < 0.3% after registration, 1% moves found',
};

/**
 * Two frames are the same place when registration correlates this well and this share of textured blocks agrees
 * with it within 1 px (RANSAC's inlier ratio). Calibrated on the suite: a medium inside a wide with a set piece
 * moved keeps ≈0.45 (the moved piece and resampling cost some blocks), identical framings ≈0.7.
 */
export const SAME_PLACE = { correlation: 0.5, matchedBlocks: 0.35 } as const;

/**
 * Audio/video sync, ITU-R BT.1359-1 (1998): detectable at +45 ms (sound before picture) and −125 ms (sound
 * after picture); acceptable up to +90 / −185 ms, so beyond those it is obvious. Positive = audio early.
 */
export const SYNC = {
  earlyVisibleMs: 45,
  earlyObviousMs: 90,
  lateVisibleMs: 125,
  lateObviousMs: 185,
  unit: 'ms (+ audio early)',
  source: 'ITU-R BT.1359-1: detectable +45/−125 ms, acceptable +90/−185 ms',
} as const;

/** Frames summarised at each end of a shot (median over the window, so one transition frame does not flag). */
export const CUT_WINDOW_FRAMES = 8;

export function levelFor(value: number, threshold: { visible: number; obvious: number }): DriftLevel {
  if (value >= threshold.obvious) return 'obvious';
  if (value >= threshold.visible) return 'visible';
  return 'none';
}

/** A colour difference's level with the area rule: a small region needs an obvious difference to be visible. */
export function colourLevel(
  deltaE: number,
  areaFraction: number,
  threshold: LevelThreshold = COLOUR,
): DriftLevel {
  const level = levelFor(deltaE, threshold);
  if (areaFraction >= MIN_REGION_AREA) return level;
  return level === 'obvious' ? 'visible' : 'none';
}

/** The level of a signed offset (positive = audio early), per BT.1359's asymmetric window. */
export function syncLevel(offsetMs: number): DriftLevel {
  if (offsetMs >= 0) {
    if (offsetMs >= SYNC.earlyObviousMs) return 'obvious';
    return offsetMs >= SYNC.earlyVisibleMs ? 'visible' : 'none';
  }
  const late = -offsetMs;
  if (late >= SYNC.lateObviousMs) return 'obvious';
  return late >= SYNC.lateVisibleMs ? 'visible' : 'none';
}

export const LEVEL_RANK: Record<DriftLevel, number> = { none: 0, visible: 1, obvious: 2 };
