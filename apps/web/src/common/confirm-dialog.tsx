import { useId, useRef } from 'react';
import { useModalFocus } from './use-modal-focus';

interface ConfirmDialogProps {
  title: string;
  message: string;
  confirmLabel: string;
  onConfirm(): void;
  onCancel(): void;
}

/** A modal question; focus starts on Cancel so Enter never destroys anything by accident. */
export function ConfirmDialog({ title, message, confirmLabel, onConfirm, onCancel }: ConfirmDialogProps) {
  const titleId = useId();
  const modal = useRef<HTMLDivElement>(null);
  // Cancel is the dialog's first button.
  const onKeyDown = useModalFocus(modal, 'button', onCancel);
  return (
    <div className="modal-backdrop">
      <div
        ref={modal}
        className="modal"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby={titleId}
        onKeyDown={onKeyDown}
      >
        <h2 id={titleId}>{title}</h2>
        <p>{message}</p>
        <div className="modal-actions">
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
          <button type="button" className="danger" onClick={onConfirm}>
            {confirmLabel}
          </button>
        </div>
      </div>
    </div>
  );
}
