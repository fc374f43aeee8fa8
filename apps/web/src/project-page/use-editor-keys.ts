import type { ProjectView } from '@ministudio/domain';
import { useEffect } from 'react';
import { findShot, flatShots } from '../api/project-patches';
import { useSession } from '../app/session';
import { moveShotToScene } from '../commands/move-commands';
import { deleteShot, moveShot } from '../commands/shot-commands';
import { focusShot } from '../storyboard/focus-shot';
import { shotStepTarget } from '../storyboard/move-target';
import { isTyping } from './is-typing';
import { keyAction } from './key-action';

// The editor's shortcuts. Typing in a field keeps the browser's own behaviour (including its own undo).

export function useEditorKeys(projectId: string): void {
  const { editor, history, selection: selected } = useSession();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || isTyping(e.target) || document.querySelector('[aria-modal="true"]')) return;
      const action = keyAction(e);
      if (!action) return;
      const project: ProjectView = editor.project();
      const selection = selected.getState().selection;
      const selectedId = selection.kind === 'shot' ? editor.ids.resolve(selection.id) : null;
      const found = selectedId ? findShot(project, selectedId) : null;
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
          const shots = flatShots(project);
          if (shots.length === 0) return;
          e.preventDefault();
          const at = found ? shots.findIndex((s) => s.id === found.shot.id) : -1;
          const next = at < 0 ? 0 : Math.min(Math.max(at + action.delta, 0), shots.length - 1);
          select(shots[next]!.id);
          return;
        }
        case 'move': {
          if (!found) return;
          e.preventDefault();
          // Past the scene's first or last shot, the shot moves on into the neighbouring scene.
          const to = shotStepTarget(project, found.shot.id, action.delta);
          if (!to) return;
          const id = found.shot.id;
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
          const shots = flatShots(project);
          const at = shots.findIndex((s) => s.id === found.shot.id);
          const neighbour = shots[at + 1] ?? shots[at - 1] ?? null;
          void history.getState().execute(deleteShot(editor, found.shot.id));
          if (neighbour) select(neighbour.id);
          else selected.getState().select({ kind: 'none' });
          return;
        }
        case 'deselect':
          selected.getState().select({ kind: 'none' });
          return;
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [editor, history, selected]);
  void projectId;
}
