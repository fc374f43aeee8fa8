import type { TakeView } from '@ministudio/domain';
import { useRef } from 'react';
import { takeFacts, takeListName } from './take-facts';

/**
 * Takes side by side (two to four), started and scrubbed together so the difference is what you see.
 * The first player's transport drives the rest; only its sound plays.
 */
export function TakeCompare({ takes, onClose }: { shotId: string; takes: TakeView[]; onClose(): void }) {
  const videos = useRef<(HTMLVideoElement | null)[]>([]);
  const others = () => videos.current.slice(1).filter((v): v is HTMLVideoElement => v !== null);
  const all = () => videos.current.filter((v): v is HTMLVideoElement => v !== null);
  const playTogether = () => {
    for (const v of all()) v.currentTime = 0;
    void videos.current[0]?.play().catch(() => {});
  };
  return (
    <section className="take-compare" aria-label={`Compare ${takeListName(takes.map((t) => t.number))}`}>
      <div className={`take-compare-videos take-compare-${Math.min(takes.length, 4)}`}>
        {takes.map((take, i) => {
          const facts = takeFacts(take);
          return (
            <figure key={take.id}>
              <video
                ref={(el) => {
                  videos.current[i] = el;
                }}
                aria-label={`Take ${take.number}`}
                src={take.urls.proxy ?? take.urls.video ?? undefined}
                poster={take.urls.poster ?? undefined}
                preload="metadata"
                playsInline
                // Only the first take's sound plays: several tracks at once are noise, not a comparison.
                muted={i > 0}
                controls={i === 0}
                onPlay={
                  i === 0
                    ? () => {
                        for (const v of others()) void v.play().catch(() => {});
                      }
                    : undefined
                }
                onPause={
                  i === 0
                    ? () => {
                        for (const v of others()) v.pause();
                      }
                    : undefined
                }
                onSeeked={
                  i === 0
                    ? (e) => {
                        for (const v of others()) v.currentTime = e.currentTarget.currentTime;
                      }
                    : undefined
                }
              />
              <figcaption>
                <strong>Take {take.number}</strong>
                {take.chosen && ' · chosen'} · {facts.source} · {facts.seed}
                {facts.duration && ` · ${facts.duration}`}
              </figcaption>
            </figure>
          );
        })}
      </div>
      <div className="take-compare-actions">
        <button type="button" className="primary" onClick={playTogether}>
          {takes.length === 2 ? 'Play both' : 'Play all'}
        </button>
        <button
          type="button"
          onClick={() => {
            for (const v of all()) v.pause();
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
