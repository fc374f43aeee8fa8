import type { ShotProgress } from './shot-progress';

// How a progress figure reads: a measured one as "40%", the studio's estimate as "≈ 40% (estimate)".
// Pure: tested without a DOM.

export interface ProgressReading {
  /** 0..100, whole. */
  percent: number;
  estimated: boolean;
  text: string;
}

export function progressReading(fraction: number, estimated: boolean): ProgressReading {
  const clamped = Number.isFinite(fraction) ? Math.min(Math.max(fraction, 0), 1) : 0;
  const percent = Math.round(clamped * 100);
  return { percent, estimated, text: estimated ? `≈ ${percent}% (estimate)` : `${percent}%` };
}

export interface ProjectProgress {
  /** Shots queued or rendering. */
  shots: number;
  /** Their mean progress, 0..100, whole. */
  percent: number;
  /** At least one of them is driven by an estimate, so the mean is one too. */
  estimated: boolean;
}

/** The render bar's summary over every shot under way; null when none is. */
export function projectProgress(byShot: Readonly<Record<string, ShotProgress>>): ProjectProgress | null {
  const active = Object.values(byShot).filter((p) => p.phase === 'queued' || p.phase === 'rendering');
  if (active.length === 0) return null;
  const mean = active.reduce((sum, p) => sum + p.progress, 0) / active.length;
  return {
    shots: active.length,
    percent: progressReading(mean, false).percent,
    estimated: active.some((p) => p.estimated),
  };
}
