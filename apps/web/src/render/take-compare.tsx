import type { TakeView } from '@ministudio/domain';
import { useRef } from 'react';

/** Two takes side by side, started and scrubbed together so the difference is what you see. */
export function TakeCompare({
  takes,
  onClose,
}: {
  shotId: string;
  takes: [TakeView, TakeView];
  onClose(): void;
}) {
  const left = useRef<HTMLVideoElement>(null);
  const right = useRef<HTMLVideoElement>(null);
  const both = () => [left.current, right.current].filter((v): v is HTMLVideoElement => v !== null);
  const playTogether = () => {
    for (const v of both()) v.currentTime = 0;
    void left.current?.play().catch(() => {});
  };
  return (
    <section
      className="take-compare"
      aria-label={`Compare take ${takes[0].number} and take ${takes[1].number}`}
    >
      <div className="take-compare-videos">
        {takes.map((take, i) => (
          <figure key={take.id}>
            <video
              ref={i === 0 ? left : right}
              aria-label={`Take ${take.number}`}
              src={take.urls.proxy ?? take.urls.video ?? undefined}
              poster={take.urls.poster ?? undefined}
              preload="metadata"
              playsInline
              // Only the first take's sound plays: two tracks at once are noise, not a comparison.
              muted={i === 1}
              // The first player's controls drive the second: one transport, two pictures.
              controls={i === 0}
              onPlay={i === 0 ? () => void right.current?.play().catch(() => {}) : undefined}
              onPause={i === 0 ? () => right.current?.pause() : undefined}
              onSeeked={
                i === 0
                  ? (e) => {
                      if (right.current) right.current.currentTime = e.currentTarget.currentTime;
                    }
                  : undefined
              }
            />
            <figcaption>
              Take {take.number} · {take.provider}/{take.model}
            </figcaption>
          </figure>
        ))}
      </div>
      <div className="take-compare-actions">
        <button type="button" className="primary" onClick={playTogether}>
          Play both
        </button>
        <button
          type="button"
          onClick={() => {
            for (const v of both()) v.pause();
          }}
        >
          Pause
        </button>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </section>
  );
}
