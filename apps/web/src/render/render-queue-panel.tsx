import type { JobSummary } from '@ministudio/domain';
import { useMemo } from 'react';
import { useProject } from '../api/hooks';
import { useRender } from '../app/session';
import { ProgressBar } from './progress-bar';
import { cancel, render } from './render-actions';
import { PHASE_LABELS, type QueueEntry, queueEntries } from './render-queue';
import { shotNumbers } from './render-scope';
import { useRenderDeps } from './use-render-deps';

const EMPTY_NUMBERS = new Map<string, number>();

/**
 * Every render of the project, live from the events stream: running first, then waiting, then what
 * finished. Each says its shot, its stages, why it failed in plain words, and offers Cancel or Retry.
 * A panel of its own, so any layout can place it.
 */
export function RenderQueuePanel({ projectId, onClose }: { projectId: string; onClose?: () => void }) {
  const deps = useRenderDeps();
  const jobs = useRender((s) => s.jobs);
  const byShot = useRender((s) => s.byShot);
  const numbers = useProject(projectId, shotNumbers).data ?? EMPTY_NUMBERS;
  const entries = useMemo(() => queueEntries(jobs, numbers, byShot), [jobs, numbers, byShot]);
  return (
    <section className="render-queue" aria-label="Render queue">
      <header className="render-queue-head">
        <h3>Render queue</h3>
        {onClose && (
          <button type="button" className="quiet" onClick={onClose} aria-label="Close the render queue">
            Close
          </button>
        )}
      </header>
      {entries.length === 0 ? (
        <p className="muted small">Nothing rendered yet in this session’s project.</p>
      ) : (
        <ol className="render-queue-list">
          {entries.map((entry) => (
            <QueueItem
              key={entry.key}
              entry={entry}
              onCancel={() => void cancel(entry.activeJobIds)}
              onRetry={() => void render(deps, { shotIds: [entry.shotId!] })}
            />
          ))}
        </ol>
      )}
    </section>
  );
}

function clock(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime())
    ? ''
    : d.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
}

function entryTitle(entry: QueueEntry): string {
  if (entry.shotId === null) return 'Film';
  return entry.shotNumber !== null ? `Shot ${entry.shotNumber}` : 'Deleted shot';
}

function QueueItem({ entry, onCancel, onRetry }: { entry: QueueEntry; onCancel(): void; onRetry(): void }) {
  const title = entryTitle(entry);
  const active = entry.activeJobIds.length > 0;
  return (
    <li
      className={`render-queue-item queue-${entry.phase}`}
      aria-label={`${title} render`}
      data-status={PHASE_LABELS[entry.phase]}
    >
      <div className="render-queue-row">
        <strong>{title}</strong>
        <span className={`queue-status queue-status-${entry.phase}`}>{PHASE_LABELS[entry.phase]}</span>
        {/* Two renders of one shot read apart by when they were asked for. */}
        <time className="queue-time" dateTime={entry.createdAt}>
          {clock(entry.createdAt)}
        </time>
        <span className="spacer" />
        {active && (
          <button type="button" onClick={onCancel} aria-label={`Cancel ${title}`}>
            Cancel
          </button>
        )}
        {entry.retryable && (
          <button type="button" onClick={onRetry} aria-label={`Retry ${title}`}>
            Retry
          </button>
        )}
      </div>
      {active && (
        <ProgressBar value={entry.progress} estimated={entry.estimated} label={`${title} progress`} />
      )}
      <ul className="render-queue-jobs" aria-label={`${title} jobs`}>
        {entry.jobs.map((job) => (
          <JobRow key={job.id} job={job} />
        ))}
      </ul>
      {entry.error && (
        <p className="render-queue-error" role="note">
          {entry.error.message}
          {entry.error.advice && <span className="render-queue-advice"> {entry.error.advice}</span>}
        </p>
      )}
    </li>
  );
}

function JobRow({ job }: { job: JobSummary }) {
  const running = job.status === 'running';
  return (
    <li className={`render-queue-job job-${job.status}`} data-kind={job.kind} data-status={job.status}>
      <span className="job-kind">{job.kind}</span>
      <span className="job-status">
        {job.status}
        {job.attempts > 1 && ` · attempt ${job.attempts} of ${job.maxAttempts}`}
      </span>
      {running && (
        <ProgressBar
          value={job.progress}
          estimated={job.progressEstimated}
          caption={false}
          label={`${job.kind} progress`}
        />
      )}
    </li>
  );
}
