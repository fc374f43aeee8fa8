import { progressReading } from './progress-reading';
import { SHOT_STATUS_LABELS, type ShotProgress, type ShotStatus } from './shot-progress';

/**
 * A shot's render status in words (not rendered, queued, rendering, ready, failed, stale): cards and
 * clips. Given the shot's progress, a render says how far it is and a failure says why on hover.
 */
export function RenderStatusBadge({
  status,
  progress = null,
}: {
  status: ShotStatus;
  progress?: ShotProgress | null;
}) {
  const reading =
    status === 'rendering' && progress ? progressReading(progress.progress, progress.estimated) : null;
  const reason = status === 'failed' && progress?.error ? progress.error.message : undefined;
  const label = SHOT_STATUS_LABELS[status];
  return (
    <span
      className={`render-status status-${status}`}
      data-render-status={status}
      title={reason ? `Failed: ${reason}` : undefined}
    >
      {reading ? `${label} ${reading.estimated ? '≈ ' : ''}${reading.percent}%` : label}
    </span>
  );
}
