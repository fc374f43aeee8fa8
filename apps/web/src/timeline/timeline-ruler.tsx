import { type RefObject, useEffect, useState } from 'react';
import { formatTimecode, snapToFrame, tickSpacing } from './timeline-layout';
import { playheadStore, usePixelsPerSecond } from './timeline-stores';

/** The ticks drawn beyond each side of the visible part, so a quick scroll shows no gap. */
const OVERDRAW_PIXELS = 400;

/**
 * The scroller's visible stretch, for drawing only what shows. Scroll events are coalesced to one update
 * per frame (a fling fires many), and the width comes from the resize observer, so a scroll never forces
 * a layout to measure it.
 */
export function useVisibleRange(scroller: RefObject<HTMLDivElement | null>) {
  const [range, setRange] = useState({ left: 0, width: 2000 });
  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    let width = el.clientWidth || 2000;
    let frame = 0;
    const update = () => {
      frame = 0;
      setRange((r) => (r.left === el.scrollLeft && r.width === width ? r : { left: el.scrollLeft, width }));
    };
    const onScroll = () => {
      if (!frame) frame = requestAnimationFrame(update);
    };
    update();
    el.addEventListener('scroll', onScroll, { passive: true });
    const resize =
      typeof ResizeObserver === 'undefined'
        ? null
        : new ResizeObserver((entries) => {
            width = entries[0]?.contentRect.width || el.clientWidth || 2000;
            update();
          });
    resize?.observe(el);
    return () => {
      el.removeEventListener('scroll', onScroll);
      if (frame) cancelAnimationFrame(frame);
      resize?.disconnect();
    };
  }, [scroller]);
  return range;
}

/**
 * Timecode along the top, ticks adapting to the zoom; only the visible stretch is drawn, so a long film
 * at a close zoom stays light. Clicking it moves the playhead to the frame under the pointer.
 */
export function TimelineRuler({
  projectId,
  fps,
  totalSeconds,
  scroller,
}: {
  projectId: string;
  fps: number;
  totalSeconds: number;
  scroller: RefObject<HTMLDivElement | null>;
}) {
  const pixelsPerSecond = usePixelsPerSecond(projectId);
  const { left, width } = useVisibleRange(scroller);
  const { majorFrames, minorFrames } = tickSpacing(pixelsPerSecond, fps);
  const framePixels = pixelsPerSecond / fps;
  const first = Math.max(0, Math.floor((left - OVERDRAW_PIXELS) / framePixels / minorFrames));
  const last = Math.ceil((left + width + OVERDRAW_PIXELS) / framePixels / minorFrames);
  const ticks = [];
  for (let i = first; i <= last; i++) {
    const frame = i * minorFrames;
    const major = frame % majorFrames === 0;
    ticks.push(
      <span
        key={frame}
        className={`timeline-tick${major ? ' major' : ''}`}
        style={{ left: frame * framePixels }}
      >
        {major && <span className="timeline-tick-label">{formatTimecode(frame / fps, fps)}</span>}
      </span>,
    );
  }
  const moveTo = (clientX: number, ruler: HTMLElement) => {
    const x = clientX - ruler.getBoundingClientRect().left;
    const seconds = Math.min(Math.max(0, x / pixelsPerSecond), totalSeconds);
    playheadStore(projectId).getState().setSeconds(snapToFrame(seconds, fps));
  };
  return (
    // The pointer's way to place the playhead; keyboards use the playhead slider.
    <div
      className="timeline-ruler"
      aria-hidden="true"
      onPointerDown={(e) => {
        if (e.button === 0) moveTo(e.clientX, e.currentTarget);
      }}
    >
      {ticks}
    </div>
  );
}
