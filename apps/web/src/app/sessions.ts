import type { Editor } from '../commands/editor';
import type { HistoryStore } from '../stores/history-store';

// One editing session per opened project: its editor (writes) and its undo history.
export interface Session {
  editor: Editor;
  history: HistoryStore;
}

export const sessions = new Map<string, Session>();
