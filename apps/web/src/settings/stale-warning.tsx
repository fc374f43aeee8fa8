import '../styles/settings.css';
import { useEffect, useRef } from 'react';
import { describeChange } from './describe-change';
import type { PendingChange, SettingsChange } from './use-settings-change';

/** Says how many rendered shots a change would make stale, before it is applied. */
export function StaleWarning({
  pending,
  onApply,
  onCancel,
}: {
  pending: PendingChange;
  onApply(): void;
  onCancel(): void;
}) {
  const cancel = useRef<HTMLButtonElement>(null);
  // Focus on Cancel, as in the confirm dialog: Enter never throws renders away by accident.
  useEffect(() => cancel.current?.focus(), []);
  const n = pending.staleShots;
  return (
    <div className="stale-warning" role="alert">
      <p>
        <strong>
          This makes {n} {n === 1 ? 'shot' : 'shots'} stale.
        </strong>{' '}
        {describeChange(pending.patch)}: {n === 1 ? 'its take' : 'their takes'} will no longer match until
        rendered again.
      </p>
      <div className="modal-actions">
        <button type="button" ref={cancel} onClick={onCancel}>
          Cancel
        </button>
        <button type="button" className="primary" onClick={onApply}>
          Apply
        </button>
      </div>
    </div>
  );
}

/** What a settings change has to say, wherever it was made: the stale warning while it waits, or its error. */
export function SettingsChangeNotices({ change }: { change: SettingsChange }) {
  return (
    <>
      {change.pending && (
        <StaleWarning pending={change.pending} onApply={change.confirm} onCancel={change.cancel} />
      )}
      {change.error && (
        <p className="field-error" role="alert">
          {change.error}
        </p>
      )}
    </>
  );
}
