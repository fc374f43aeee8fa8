import { useState } from 'react';
import { ViolationList } from './field-violations';
import { ProgressBar } from './progress-bar';
import { cancel, render } from './render-actions';
import { useChosenTake, useShotCheck } from './render-queries';
import { ShotPreview } from './shot-preview';
import { SHOT_STATUS_LABELS } from './shot-progress';
import { useRenderDeps } from './use-render-deps';
import { useShotRender } from './use-shot-render';
import { byField, otherViolations } from './violations';

/** The top of the shot inspector: what the render looks like now, and the buttons that change it. */
export function ShotRenderPanel({ projectId, shotId }: { projectId: string; shotId: string }) {
  const deps = useRenderDeps();
  const { progress, state, status } = useShotRender(projectId, shotId);
  const take = useChosenTake(shotId, state?.chosenTakeId ?? null);
  const check = useShotCheck(projectId, shotId);
  const [starting, setStarting] = useState(false);
  const active = status === 'queued' || status === 'rendering';
  return (
    <section className="render-panel" aria-label="Shot render">
      <div className="render-panel-head">
        <span className={`render-status status-${status}`} data-render-status={status}>
          {SHOT_STATUS_LABELS[status]}
        </span>
        {active ? (
          <button type="button" onClick={() => void cancel(progress?.activeJobIds ?? [])}>
            Cancel render
          </button>
        ) : (
          <button
            type="button"
            className="primary"
            disabled={starting}
            onClick={() => {
              setStarting(true);
              void render(deps, { shotIds: [shotId] }).finally(() => setStarting(false));
            }}
          >
            Render shot
          </button>
        )}
      </div>
      {active && (
        <ProgressBar
          value={progress?.progress ?? 0}
          estimated={progress?.estimated ?? false}
          label="Shot render progress"
        />
      )}
      {status === 'failed' && progress?.error && (
        <p className="render-error" role="note">
          <code>{progress.error.code}</code> {progress.error.message}. {progress.error.advice}
        </p>
      )}
      {status === 'stale' && (
        <p className="muted small">The shot changed since this take: render it again to see the change.</p>
      )}
      {byField(otherViolations(check)).map(([field, list]) => (
        <ViolationList key={field} violations={list} field={field} />
      ))}
      {check && check.notes.length > 0 && (
        <ul className="render-notes" aria-label="Render notes">
          {check.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
      {take && take.status === 'succeeded' && <ShotPreview shotId={shotId} take={take} />}
    </section>
  );
}
