import type { Violation } from '@ministudio/domain';
import { useShotCheck } from '../../render/render-queries';
import { violationsFor } from '../../render/violations';

/** What the shot's provider cannot do with this field, and how to fix it; nothing when all is well. */
export function FieldViolations({
  projectId,
  shotId,
  field,
}: {
  projectId: string;
  shotId: string;
  field: string;
}) {
  const violations = violationsFor(useShotCheck(projectId, shotId), field);
  return <ViolationList violations={violations} field={field} />;
}

export function ViolationList({ violations, field }: { violations: readonly Violation[]; field: string }) {
  if (violations.length === 0) return null;
  return (
    <ul className="violations" data-field={field} aria-label={`Provider limits: ${field}`}>
      {violations.map((v) => (
        <li key={`${v.constraint}:${v.message}`}>
          <strong>{v.message}</strong> {v.fix}
        </li>
      ))}
    </ul>
  );
}
