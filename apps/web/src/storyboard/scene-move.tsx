import type { KeyboardEvent } from 'react';
import { useRun, useSession } from '../app/session';
import { moveScene } from '../commands/move-commands';
import { ArrowIcon, GripIcon } from '../common/icons';
import { isTyping } from '../project-page/is-typing';

// Reordering a scene from its header: a drag handle (the board's drag context does the dragging), the
// Move up / Move down buttons, and Alt+ArrowUp/Down while the header has focus. One command per move.

interface Props {
  sceneId: string;
  index: number;
  count: number;
}

export function useSceneMove({ sceneId, index, count }: Props) {
  const { editor } = useSession();
  const run = useRun();
  const moveBy = (delta: -1 | 1, focused: Element | null) => {
    const to = index + delta;
    if (to < 0 || to >= count) return;
    void run(moveScene(editor, sceneId, to)).then(() => refocus(sceneId, focused));
  };
  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    if (!e.altKey || e.ctrlKey || e.metaKey || e.shiftKey || isTyping(e.target)) return;
    if (e.key !== 'ArrowUp' && e.key !== 'ArrowDown') return;
    e.preventDefault();
    moveBy(e.key === 'ArrowUp' ? -1 : 1, document.activeElement);
  };
  return { moveBy, onKeyDown };
}

/** Keeps focus where it was after the scene moved (the handle if that button is now disabled). */
function refocus(sceneId: string, focused: Element | null) {
  requestAnimationFrame(() => {
    if (focused instanceof HTMLElement && focused.isConnected && !focused.matches(':disabled')) {
      focused.focus();
      return;
    }
    document.querySelector<HTMLElement>(`[data-scene-id="${CSS.escape(sceneId)}"] .scene-handle`)?.focus();
  });
}

export function SceneHandle({
  sceneNumber,
  handleRef,
  listeners,
}: {
  sceneNumber: number;
  handleRef: (el: HTMLElement | null) => void;
  listeners: Record<string, unknown> | undefined;
}) {
  return (
    <button
      type="button"
      ref={handleRef}
      className="icon-button scene-handle"
      aria-label={`Drag scene ${sceneNumber}`}
      aria-keyshortcuts="Alt+ArrowUp Alt+ArrowDown"
      title="Drag to reorder the scene (Alt+↑ / Alt+↓ from the keyboard)"
      {...listeners}
    >
      <GripIcon />
    </button>
  );
}

export function SceneMoveButtons({
  index,
  count,
  moveBy,
}: Omit<Props, 'sceneId'> & { moveBy: ReturnType<typeof useSceneMove>['moveBy'] }) {
  return (
    <>
      <button
        type="button"
        className="icon-button"
        aria-label="Move scene up"
        title="Move scene up (Alt+↑)"
        disabled={index === 0}
        onClick={(e) => moveBy(-1, e.currentTarget)}
      >
        <ArrowIcon up />
      </button>
      <button
        type="button"
        className="icon-button"
        aria-label="Move scene down"
        title="Move scene down (Alt+↓)"
        disabled={index >= count - 1}
        onClick={(e) => moveBy(1, e.currentTarget)}
      >
        <ArrowIcon up={false} />
      </button>
    </>
  );
}
