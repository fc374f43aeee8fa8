import type { ProjectView } from '@ministudio/domain';
import { useEffect } from 'react';
import { findShot, flatShots } from '../api/project-patches';
import { useSession } from '../app/session';
import { moveShotToScene } from '../commands/move-commands';
import { moveShot } from '../commands/shot-commands';
import { deleteShots, duplicateShots, moveShots } from '../commands/timeline-commands';
import { focusShot } from '../storyboard/focus-shot';
import { shotStepTarget } from '../storyboard/move-target';
import { blockStepTarget, inOrder } from '../timeline/timeline-selection';
import { timelineActions } from '../timeline/timeline-stores';
import { isTyping } from './is-typing';
import { keyAction } from './key-action';

// The editor's shortcuts. Typing in a field keeps the browser's own behaviour (including its own undo).
// Delete, duplicate and move act on every selected shot (the timeline selects several); the rest on the
// primary one.

export function useEditorKeys(projectId: string): void {
  const { editor, history, selection: selected } = useSession();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || isTyping(e.target) || document.querySelector('[aria-modal="true"]')) return;
      const action = keyAction(e);
      if (!action) return;
      const project: ProjectView = editor.project();
      const state = selected.getState();
      const selection = state.selection;
      const selectedId = selection.kind === 'shot' ? editor.ids.resolve(selection.id) : null;
      const found = selectedId ? findShot(project, selectedId) : null;
      const order = flatShots(project).map((s) => s.id);
      const many = inOrder(
        order,
        state.shots.map((id) => editor.ids.resolve(id)),
      );
      const select = (id: string) => {
        selected.getState().select({ kind: 'shot', id });
        focusShot(id);
      };
      switch (action.type) {
        case 'undo':
          e.preventDefault();
          void history.getState().undo();
          return;
        case 'redo':
          e.preventDefault();
          void history.getState().redo();
          return;
        case 'select': {
          if (order.length === 0) return;
          e.preventDefault();
          const at = found ? order.indexOf(found.shot.id) : -1;
          const next = at < 0 ? 0 : Math.min(Math.max(at + action.delta, 0), order.length - 1);
          select(order[next]!);
          return;
        }
        case 'move': {
          if (!found) return;
          e.preventDefault();
          const id = found.shot.id;
          if (many.length > 1) {
            const to = blockStepTarget(project, many, action.delta);
            if (to) void history.getState().execute(moveShots(editor, many, to.sceneId, to.beforeShotId));
            return;
          }
          // Past the scene's first or last shot, the shot moves on into the neighbouring scene.
          const to = shotStepTarget(project, id, action.delta);
          if (!to) return;
          const command = to.across
            ? moveShotToScene(editor, id, to.sceneId, to.index)
            : moveShot(editor, id, to.index);
          void history
            .getState()
            .execute(command)
            .then(() => focusShot(id));
          return;
        }
        case 'delete': {
          if (!found) return;
          e.preventDefault();
          const ids = many.length > 0 ? many : [found.shot.id];
          const gone = new Set(ids);
          const last = order.indexOf(ids.at(-1)!);
          const first = order.indexOf(ids[0]!);
          const neighbour =
            order.slice(last + 1).find((id) => !gone.has(id)) ??
            order
              .slice(0, first)
              .reverse()
              .find((id) => !gone.has(id)) ??
            null;
          void history.getState().execute(deleteShots(editor, ids));
          if (neighbour) select(neighbour);
          else selected.getState().select({ kind: 'none' });
          return;
        }
        case 'duplicate': {
          if (!found) return;
          e.preventDefault();
          const ids = many.length > 0 ? many : [found.shot.id];
          void history.getState().execute(
            duplicateShots(editor, ids, (copies) => {
              if (copies.length > 0) selected.getState().selectShots(copies, copies.at(-1)!);
            }),
          );
          return;
        }
        case 'split':
        case 'trim': {
          const timeline = timelineActions(projectId);
          if (!timeline) return;
          e.preventDefault();
          if (action.type === 'split') timeline.split();
          else timeline.trim(action.edge);
          return;
        }
        case 'deselect':
          selected.getState().select({ kind: 'none' });
          return;
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [editor, history, selected, projectId]);
}
