import type { Editor } from '../commands/editor';
import type { RenderStore } from '../render/render-store';
import type { HistoryStore } from '../stores/history-store';

// One editing session per opened project: its editor (writes), its undo history and its live render state.
export interface Session {
  editor: Editor;
  history: HistoryStore;
  render: RenderStore;
}

export const sessions = new Map<string, Session>();
