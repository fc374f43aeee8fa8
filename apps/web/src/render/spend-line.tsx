import type { RenderBody } from '@ministudio/domain';
import { SpendLimitsButton } from './spend-limits';
import { useProjectSpend, useRenderEstimate } from './spend-queries';
import { estimateText, spentText } from './spend-text';

/**
 * Before a render is queued: what the scope under the pointer (or the primary one) will cost, and what the
 * project has spent. A model with no published price says so instead of a figure.
 */
export function SpendLine({
  projectId,
  scopeLabel,
  body,
  revision,
}: {
  projectId: string;
  scopeLabel: string;
  body: RenderBody | null;
  revision: string;
}) {
  // A cost line must never take the render bar down: an answer of another shape shows nothing.
  const estimate = useRenderEstimate(projectId, body, revision).data;
  const spentAnswer = useProjectSpend(projectId, revision).data;
  const text = estimate && Array.isArray(estimate.groups) ? estimateText(estimate) : null;
  const spent = typeof spentAnswer?.totalMicros === 'number' ? spentAnswer : null;
  return (
    <div className="render-spend" role="note" aria-label="Render cost">
      {spent && <span className="render-spent">{spentText(spent.totalMicros, spent.unknownTakes)}</span>}
      {text && body && (
        <span
          className={`render-estimate${text.over ? ' over' : ''}${text.unknown ? ' unknown' : ''}`}
          title={text.detail}
        >
          {scopeLabel}: {text.text}
        </span>
      )}
      <SpendLimitsButton />
    </div>
  );
}
