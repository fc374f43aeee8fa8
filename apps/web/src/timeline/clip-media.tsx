import { memo, useEffect, useMemo, useRef, useState } from 'react';
import { WaveformCanvas } from '../render/waveform-canvas';
import '../styles/clip-media.css';
import { planFilmstrip } from './filmstrip-layout';

/** Height of the speech waveform strip under the filmstrip, px. */
export const CLIP_WAVEFORM_HEIGHT = 16;

// One observer for every clip: a film of 500 shots must not create 500 observers. Each element keeps
// its callback here; a clip that has been seen once stays loaded (scrolling back must not flash).
type Reveal = () => void;
const waiting = new Map<Element, Reveal>();
let observer: IntersectionObserver | null = null;

function watch(element: Element, reveal: Reveal): () => void {
  if (typeof IntersectionObserver === 'undefined') {
    // No observer (jsdom, old engines): load at once rather than never.
    reveal();
    return () => {};
  }
  observer ??= new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        waiting.get(entry.target)?.();
        waiting.delete(entry.target);
        observer?.unobserve(entry.target);
      }
    },
    // Some slack around the viewport, so clips just below the fold are ready when they scroll in.
    { rootMargin: '200px' },
  );
  waiting.set(element, reveal);
  observer.observe(element);
  return () => {
    waiting.delete(element);
    observer?.unobserve(element);
  };
}

function useSeen<T extends Element>() {
  const ref = useRef<T>(null);
  const [seen, setSeen] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (!element || seen) return;
    return watch(element, () => setSeen(true));
  }, [seen]);
  return { ref, seen };
}

function formatSeconds(seconds: number): string {
  return `${Number.isInteger(seconds) ? seconds : seconds.toFixed(1)} s`;
}

/**
 * A timeline clip's picture and sound: the chosen take's filmstrip, thumbnails tiled across the clip at
 * their own aspect (CSS backgrounds of the one row image, no canvas), and its speech waveform in a thin
 * strip under it. Nothing is fetched or laid out until the clip first comes near the viewport. Memoised
 * on its props: a clip re-renders only when its take or its size changes.
 */
export const ClipMedia = memo(function ClipMedia({
  filmstripUrl,
  waveformUrl,
  widthPx,
  heightPx,
  seconds,
}: {
  filmstripUrl: string | null;
  waveformUrl: string | null;
  widthPx: number;
  heightPx: number;
  seconds: number;
}) {
  const { ref, seen } = useSeen<HTMLDivElement>();
  const waveHeight = waveformUrl ? CLIP_WAVEFORM_HEIGHT : 0;
  const stripHeight = Math.max(0, heightPx - waveHeight);
  const plan = useMemo(
    () => (filmstripUrl && seen ? planFilmstrip({ widthPx, heightPx: stripHeight }) : null),
    [filmstripUrl, seen, widthPx, stripHeight],
  );
  if (!filmstripUrl && !waveformUrl) return null;
  const image = filmstripUrl ? `url(${JSON.stringify(filmstripUrl)})` : undefined;
  return (
    <div
      ref={ref}
      className="clip-media"
      style={{ width: widthPx, height: heightPx }}
      data-filmstrip={filmstripUrl ? 'true' : undefined}
      aria-hidden={waveformUrl ? undefined : true}
    >
      {plan && (
        <div className="clip-filmstrip" style={{ height: stripHeight }}>
          {plan.slots.map((slot) => (
            <span
              key={slot.left}
              className="clip-filmstrip-frame"
              data-frame={slot.frame}
              style={{
                left: slot.left,
                width: slot.width,
                backgroundImage: image,
                backgroundSize: plan.backgroundSize,
                backgroundPosition: slot.backgroundPosition,
              }}
            />
          ))}
        </div>
      )}
      {waveformUrl && seen && (
        <div className="clip-waveform" style={{ height: waveHeight }}>
          <WaveformCanvas url={waveformUrl} label={`Speech waveform, ${formatSeconds(seconds)}`} />
        </div>
      )}
    </div>
  );
});
