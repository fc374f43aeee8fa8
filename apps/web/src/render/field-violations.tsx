import type { Violation } from '@ministudio/domain';
import { useSession } from '../app/session';
import { navigate, providersPath } from '../lib/router';
import { useShotCheck } from './render-queries';
import { NOT_CONFIGURED, violationsFor } from './violations';

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
  const { editor } = useSession();
  if (violations.length === 0) return null;
  const providers = providersPath(editor.projectId);
  return (
    <ul className="violations" data-field={field} aria-label={`Provider limits: ${field}`}>
      {violations.map((v) => (
        <li key={`${v.constraint}:${v.message}`}>
          <strong>{v.message}</strong> {v.fix}
          {v.constraint === NOT_CONFIGURED && (
            <>
              {' '}
              <a
                href={providers}
                onClick={(e) => {
                  e.preventDefault();
                  navigate(providers);
                }}
              >
                Providers page
              </a>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}
