import { useRender } from '../app/session';
import { ProgressBar } from './progress-bar';
import { useShotCheck } from './render-queries';
import { RenderStatusBadge } from './render-status-badge';
import { useShotRender } from './use-shot-render';

// The picture part of a shot card: the chosen take's poster, the render's progress and status, and
// what went wrong. Its own component, so progress ticks re-render this and nothing around it.

/** Failures whose message names what to set: the card shows it, since the advice only says to set it. */
const NAMES_THE_SETTING = new Set(['provider_not_configured', 'worker_not_configured']);

export function CardRender({ projectId, shotId }: { projectId: string; shotId: string }) {
  const { progress, state, status } = useShotRender(projectId, shotId);
  const missing = useRender((s) => s.missing.includes(shotId));
  // The shot states carry the chosen take's poster, so a card needs no request of its own.
  const poster = state?.posterUrl ?? null;
  const active = status === 'queued' || status === 'rendering';
  return (
    <span className={`card-render${missing ? ' missing' : ''}`}>
      <span className="card-poster">
        {poster ? (
          <img src={poster} alt="" loading="lazy" />
        ) : (
          <span className="card-poster-empty">{active ? 'Rendering…' : 'No take yet'}</span>
        )}
        <RenderStatusBadge status={status} />
      </span>
      {active && (
        <ProgressBar
          value={progress?.progress ?? 0}
          estimated={progress?.estimated ?? false}
          label="Render progress"
        />
      )}
      {status === 'failed' && progress?.error && (
        <span
          className="card-error"
          role="note"
          title={`${progress.error.code}: ${progress.error.message}. ${progress.error.advice}`}
        >
          <code>{progress.error.code}</code>{' '}
          {NAMES_THE_SETTING.has(progress.error.code) ? progress.error.message : progress.error.advice}
        </span>
      )}
      {missing && <span className="card-missing">Needs a take for the film</span>}
    </span>
  );
}

/** A small mark on the card when the shot breaks its provider's limits; the inspector says which. */
export function CardViolations({ projectId, shotId }: { projectId: string; shotId: string }) {
  const violations = useShotCheck(projectId, shotId)?.violations ?? [];
  if (violations.length === 0) return null;
  const label = `${violations.length} provider ${violations.length === 1 ? 'issue' : 'issues'}`;
  return (
    <span
      className="violation-badge"
      role="img"
      title={violations.map((v) => v.message).join('\n')}
      aria-label={label}
    >
      ⚠ {violations.length}
    </span>
  );
}
