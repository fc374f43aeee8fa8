import { type KeyboardEvent, type RefObject, useEffect } from 'react';

const FOCUSABLE = 'input, select, textarea, button:not(:disabled)';

/**
 * What every modal of the editor does with the keyboard: focus moves into it when it opens (to the first
 * element matching `initial`) and back where it was when it closes; Tab and Shift+Tab stay inside it;
 * Escape calls `onEscape` and goes no further. Returns the modal's onKeyDown.
 */
export function useModalFocus(
  modal: RefObject<HTMLElement | null>,
  initial: string,
  onEscape: () => void,
): (e: KeyboardEvent) => void {
  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    modal.current?.querySelector<HTMLElement>(initial)?.focus();
    return () => previous?.focus?.();
  }, [modal, initial]);
  return (e) => {
    if (e.key === 'Tab' && modal.current) keepFocusInside(modal.current, e);
    if (e.key !== 'Escape') return;
    e.stopPropagation();
    onEscape();
  };
}

function keepFocusInside(root: HTMLElement, e: KeyboardEvent) {
  const focusable = root.querySelectorAll<HTMLElement>(FOCUSABLE);
  const first = focusable[0];
  const last = focusable[focusable.length - 1];
  if (!first || !last) return;
  if (e.shiftKey && document.activeElement === first) {
    e.preventDefault();
    last.focus();
  } else if (!e.shiftKey && document.activeElement === last) {
    e.preventDefault();
    first.focus();
  }
}
