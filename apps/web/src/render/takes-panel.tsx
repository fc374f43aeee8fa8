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

/** Every take of the shot, newest first: pin, choose, delete, and pick two to compare. */
export function TakesPanel({ shotId }: { shotId: string }) {
  const { editor } = useSession();
  const client = useQueryClient();
  const takes = useTakes(shotId, true).data ?? [];
  const [deleting, setDeleting] = useState<TakeView | null>(null);
  const [compare, setCompare] = useState<string[]>([]);
  const refresh = () => {
    void client.invalidateQueries({ queryKey: takesKey(shotId) });
    void client.invalidateQueries({ queryKey: shotStatesKey(editor.projectId) });
  };
  const change = (take: TakeView, body: { pinned?: boolean; chosen?: true }, what: string) =>
    void patchTake(take.id, body)
      .catch((e: unknown) => reportError(e, what))
      .finally(refresh);
  const ordered = [...takes].sort((a, b) => b.number - a.number);
  const pair = compare.map((id) => takes.find((t) => t.id === id)).filter((t): t is TakeView => !!t);

  return (
    <section className="takes-panel" aria-labelledby={`takes-${shotId}`}>
      <h3 id={`takes-${shotId}`}>Takes</h3>
      {ordered.length === 0 && <p className="muted small">No takes yet: render the shot.</p>}
      <ol className="take-list" aria-label="Takes">
        {ordered.map((take) => (
          <li key={take.id} className={`take${take.chosen ? ' chosen' : ''}`} data-take-number={take.number}>
            {take.urls.poster ? (
              <img className="take-poster" src={take.urls.poster} alt="" />
            ) : (
              <span className="take-poster take-poster-empty" />
            )}
            <div className="take-body">
              <div className="take-title">
                <strong>Take {take.number}</strong>
                <span className={`take-status take-${take.status}`}>{take.status}</span>
                {take.chosen && <span className="take-flag">chosen</span>}
                {take.pinned && <span className="take-flag">pinned</span>}
                {take.stale && <span className="take-flag take-flag-stale">stale</span>}
              </div>
              <div className="take-meta">
                {take.provider}/{take.model} · seed {take.seed ?? '—'}
                {!take.seedApplied && <span className="take-warning"> (seed not applied)</span>}
              </div>
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
                        onChange={(e) =>
                          setCompare((c) =>
                            e.target.checked
                              ? [...c.filter((id) => id !== take.id), take.id].slice(-2)
                              : c.filter((id) => id !== take.id),
                          )
                        }
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
      {pair.length === 2 && (
        <TakeCompare shotId={shotId} takes={[pair[0]!, pair[1]!]} onClose={() => setCompare([])} />
      )}
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
