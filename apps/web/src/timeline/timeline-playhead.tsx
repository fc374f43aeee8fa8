import type { KeyboardEvent } from 'react';
import { formatTimecode, snapToFrame } from './timeline-layout';
import { playheadStore, usePixelsPerSecond, usePlayheadSeconds } from './timeline-stores';

// The playhead and its timecode: the only parts that follow the playhead store, so moving it (a click now,
// a player later) re-renders these two and nothing else.

/** Arrow keys step a frame, with Shift a second; Home and End go to the ends. */
function keyTarget(e: KeyboardEvent, seconds: number, fps: number, totalSeconds: number): number | null {
  const step = e.shiftKey ? 1 : 1 / fps;
  if (e.key === 'ArrowLeft') return seconds - step;
  if (e.key === 'ArrowRight') return seconds + step;
  if (e.key === 'Home') return 0;
  if (e.key === 'End') return totalSeconds;
  return null;
}

export function TimelinePlayhead({
  projectId,
  fps,
  totalSeconds,
}: {
  projectId: string;
  fps: number;
  totalSeconds: number;
}) {
  const seconds = usePlayheadSeconds(projectId);
  const pixelsPerSecond = usePixelsPerSecond(projectId);
  const frames = Math.round(seconds * fps);
  return (
    <div
      className="timeline-playhead"
      role="slider"
      tabIndex={0}
      aria-label="Playhead"
      aria-valuemin={0}
      aria-valuemax={Math.round(totalSeconds * fps)}
      aria-valuenow={frames}
      aria-valuetext={formatTimecode(seconds, fps)}
      style={{ left: seconds * pixelsPerSecond }}
      onKeyDown={(e) => {
        const target = keyTarget(e, seconds, fps, totalSeconds);
        if (target === null) return;
        e.preventDefault();
        const clamped = Math.min(Math.max(0, target), totalSeconds);
        playheadStore(projectId).getState().setSeconds(snapToFrame(clamped, fps));
      }}
    />
  );
}

export function PlayheadTimecode({ projectId, fps }: { projectId: string; fps: number }) {
  const seconds = usePlayheadSeconds(projectId);
  return (
    <output className="timeline-timecode" aria-label="Playhead position">
      {formatTimecode(seconds, fps)}
    </output>
  );
}
