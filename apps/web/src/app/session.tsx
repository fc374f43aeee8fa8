import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import { projectKey } from '../api/query-keys';
import type { Command } from '../commands/command';
import { createEditor } from '../commands/editor';
import { createIdMap } from '../commands/id-map';
import { createRenderStore, type RenderStoreState } from '../render/render-store';
import { createHistoryStore, type HistoryState } from '../stores/history-store';
import { createSelectionStore, type Selection, type SelectionState } from '../stores/selection-store';
import { reportError } from './report-error';
import { queryClient, writeQueue } from './services';
import { type Session, sessions } from './sessions';

export function openSession(projectId: string): Session {
  const existing = sessions.get(projectId);
  if (existing) return existing;
  const editor = createEditor(projectId, queryClient, writeQueue, createIdMap());
  const history = createHistoryStore((error, command) => {
    reportError(error, command.label.toLowerCase());
    // Whatever failed, show what the server really has.
    void queryClient.invalidateQueries({ queryKey: projectKey(projectId) });
  });
  const session = { editor, history, selection: createSelectionStore(), render: createRenderStore() };
  sessions.set(projectId, session);
  return session;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside a project page');
  return session;
}

export function useHistory<T>(selector: (s: HistoryState) => T): T {
  return useStore(useSession().history, selector);
}

/** This project's selection, through a selector. */
export function useSelection<T>(selector: (s: SelectionState) => T): T {
  return useStore(useSession().selection, selector);
}

/** Selects in this project (a stable function: safe in callbacks that run after a later render). */
export function useSelect(): (selection: Selection) => void {
  return useSession().selection.getState().select;
}

/** Applies a command through history: the one way the editor changes a project. */
export function useRun(): (command: Command) => Promise<boolean> {
  const { history } = useSession();
  return (command) => history.getState().execute(command);
}

/** This project's live render state, through a selector (cards re-render only for their own shot). */
export function useRender<T>(selector: (s: RenderStoreState) => T): T {
  return useStore(useSession().render, selector);
}
