import type { Editor } from '../commands/editor';
import type { RenderStore } from '../render/render-store';
import type { HistoryStore } from '../stores/history-store';
import type { SelectionStore } from '../stores/selection-store';

// One editing session per opened project: its editor (writes), its undo history, what is selected in it
// and its live render state.
export interface Session {
  editor: Editor;
  history: HistoryStore;
  selection: SelectionStore;
  render: RenderStore;
}

export const sessions = new Map<string, Session>();
