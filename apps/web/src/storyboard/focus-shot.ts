/** Moves keyboard focus to a shot's card once React has drawn it. */
export function focusShot(shotId: string): void {
  requestAnimationFrame(() => {
    const el = document.querySelector<HTMLElement>(`[data-shot-id="${CSS.escape(shotId)}"] .shot-select`);
    el?.focus();
  });
}
