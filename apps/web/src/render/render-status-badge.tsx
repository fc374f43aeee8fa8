import { SHOT_STATUS_LABELS, type ShotStatus } from './shot-progress';

/** A shot's render status in words (not rendered, queued, rendering, ready, failed, stale): cards and clips. */
export function RenderStatusBadge({ status }: { status: ShotStatus }) {
  return (
    <span className={`render-status status-${status}`} data-render-status={status}>
      {SHOT_STATUS_LABELS[status]}
    </span>
  );
}
