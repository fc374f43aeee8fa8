import type { TakeView } from '@ministudio/domain';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { shotStatesKey, takesKey } from '../api/query-keys';
import { deleteTake, patchTake } from '../api/render-endpoints';
import { reportError } from '../app/report-error';
import { useSession } from '../app/session';
import { ConfirmDialog } from '../common/confirm-dialog';
import { useTakes } from './render-queries';
import { TakeCompare } from './take-compare';
import { takeFacts, toggleCompare } from './take-facts';

/** Every take of the shot, newest first: play, pin, choose, delete, and pick two to four to compare. */
export function TakesPanel({ shotId }: { shotId: string }) {
  const { editor } = useSession();
  const client = useQueryClient();
  const takes = useTakes(shotId, true).data ?? [];
  const [deleting, setDeleting] = useState<TakeView | null>(null);
  const [compare, setCompare] = useState<string[]>([]);
  // One take plays in the list at a time; the others show their poster.
  const [playing, setPlaying] = useState<string | null>(null);
  const refresh = () => {
    void client.invalidateQueries({ queryKey: takesKey(shotId) });
    void client.invalidateQueries({ queryKey: shotStatesKey(editor.projectId) });
  };
  const change = (take: TakeView, body: { pinned?: boolean; chosen?: true }, what: string) =>
    void patchTake(take.id, body)
      .catch((e: unknown) => reportError(e, what))
      .finally(refresh);
  const ordered = [...takes].sort((a, b) => b.number - a.number);
  const picked = compare
    .map((id) => takes.find((t) => t.id === id))
    .filter((t): t is TakeView => !!t)
    .sort((a, b) => a.number - b.number);
  const playable = ordered.filter((t) => t.status === 'succeeded');

  return (
    <section className="takes-panel" aria-labelledby={`takes-${shotId}`}>
      <div className="takes-head">
        <h3 id={`takes-${shotId}`}>Takes</h3>
        {playable.length >= 2 && (
          <button
            type="button"
            className="quiet"
            title="Show the newest four finished takes side by side"
            onClick={() => setCompare(playable.slice(0, 4).map((t) => t.id))}
          >
            Compare {playable.length > 4 ? 'newest 4' : 'all'}
          </button>
        )}
      </div>
      {ordered.length === 0 && <p className="muted small">No takes yet: render the shot.</p>}
      <ol className="take-list" aria-label="Takes">
        {ordered.map((take) => (
          <li key={take.id} className={`take${take.chosen ? ' chosen' : ''}`} data-take-number={take.number}>
            <TakeThumb take={take} playing={playing === take.id} onPlay={setPlaying} />
            <div className="take-body">
              <div className="take-title">
                <strong>Take {take.number}</strong>
                <span className={`take-status take-${take.status}`}>{take.status}</span>
                {take.chosen && <span className="take-flag">chosen</span>}
                {take.pinned && <span className="take-flag">pinned</span>}
                {take.stale && <span className="take-flag take-flag-stale">stale</span>}
              </div>
              <TakeMeta take={take} />
              {take.notes.length > 0 && (
                <ul className="take-notes">
                  {take.notes.map((n) => (
                    <li key={n}>{n}</li>
                  ))}
                </ul>
              )}
              <div className="take-actions">
                {take.status === 'succeeded' && (
                  <>
                    <button
                      type="button"
                      aria-pressed={take.pinned}
                      onClick={() => change(take, { pinned: !take.pinned }, 'pin the take')}
                    >
                      {take.pinned ? 'Unpin' : 'Pin'}
                    </button>
                    {!take.chosen && (
                      <button type="button" onClick={() => change(take, { chosen: true }, 'choose the take')}>
                        Choose
                      </button>
                    )}
                    <label className="check">
                      <input
                        type="checkbox"
                        checked={compare.includes(take.id)}
                        onChange={(e) => setCompare((c) => toggleCompare(c, take.id, e.target.checked))}
                      />
                      Compare
                    </label>
                  </>
                )}
                <button
                  type="button"
                  className="danger-quiet"
                  aria-label={`Delete take ${take.number}`}
                  onClick={() => setDeleting(take)}
                >
                  Delete
                </button>
              </div>
            </div>
          </li>
        ))}
      </ol>
      {picked.length >= 2 && <TakeCompare shotId={shotId} takes={picked} onClose={() => setCompare([])} />}
      {deleting && (
        <ConfirmDialog
          title={`Delete take ${deleting.number}?`}
          message={`Its video and previews are deleted too${deleting.chosen ? ', and the shot will have no chosen take until another is chosen or rendered' : ''}. This cannot be undone.`}
          confirmLabel="Delete take"
          onCancel={() => setDeleting(null)}
          onConfirm={() => {
            const take = deleting;
            setDeleting(null);
            setCompare((c) => c.filter((id) => id !== take.id));
            void deleteTake(take.id)
              .catch((e: unknown) => reportError(e, 'delete the take'))
              .finally(refresh);
          }}
        />
      )}
    </section>
  );
}

function TakeMeta({ take }: { take: TakeView }) {
  const facts = takeFacts(take);
  return (
    <div className="take-meta">
      {facts.source} · <span className={facts.seedIgnored ? 'take-warning' : undefined}>{facts.seed}</span>
      {facts.duration && ` · ${facts.duration}`}
      {facts.date && (
        <>
          {' · '}
          <time dateTime={take.createdAt}>{facts.date}</time>
        </>
      )}
    </div>
  );
}

/** The poster; a click plays the take in its place (the proxy, small enough for a list). */
function TakeThumb({
  take,
  playing,
  onPlay,
}: {
  take: TakeView;
  playing: boolean;
  onPlay(id: string | null): void;
}) {
  const src = take.urls.proxy ?? take.urls.video;
  if (playing && src)
    return (
      // biome-ignore lint/a11y/useMediaCaption: the server serves no WebVTT file for a take; its lines are in the inspector
      <video
        className="take-poster"
        aria-label={`Take ${take.number} player`}
        src={src}
        poster={take.urls.poster ?? undefined}
        controls
        autoPlay
        playsInline
        onEnded={() => onPlay(null)}
      />
    );
  if (take.status !== 'succeeded' || !src)
    return take.urls.poster ? (
      <img className="take-poster" src={take.urls.poster} alt="" />
    ) : (
      <span className="take-poster take-poster-empty" />
    );
  return (
    <button
      type="button"
      className="take-play"
      aria-label={`Play take ${take.number}`}
      onClick={() => onPlay(take.id)}
    >
      {take.urls.poster ? (
        <img className="take-poster" src={take.urls.poster} alt="" />
      ) : (
        <span className="take-poster take-poster-empty" />
      )}
      <span className="take-play-icon" aria-hidden="true">
        ▶
      </span>
    </button>
  );
}
