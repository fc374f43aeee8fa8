/** Seconds from ffmpeg's `time=HH:MM:SS.cc` progress field, or null when the line has none. */
export function parseProgressTime(line: string): number | null {
  const match = /time=\s*(-?)(\d+):(\d{2}):(\d{2}(?:\.\d+)?)/.exec(line);
  if (!match) return null;
  if (match[1] === '-') return 0;
  return Number(match[2]) * 3600 + Number(match[3]) * 60 + Number(match[4]);
}

/** Turns ffmpeg's time stamps into a fraction that only ever rises, from 0 to 1. */
export function createProgressTracker(
  durationSeconds: number | null,
  onProgress: ((fraction: number) => void) | null,
): { line(line: string): void; done(): void; start(): void } {
  let last = -1;
  const emit = (fraction: number) => {
    const clamped = Math.min(1, Math.max(0, fraction));
    if (clamped <= last || !onProgress) return;
    last = clamped;
    onProgress(clamped);
  };
  return {
    start: () => emit(0),
    line: (line) => {
      if (!durationSeconds || durationSeconds <= 0) return;
      const seconds = parseProgressTime(line);
      // Hold back the last percent for done(): the muxer still has work after the last time stamp.
      if (seconds !== null) emit(Math.min(0.99, seconds / durationSeconds));
    },
    done: () => emit(1),
  };
}
