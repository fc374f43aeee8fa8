import { createStore } from 'zustand/vanilla';

// One project's selection (session state, never saved): at most one shot, character or environment.
// Each project session has its own store, so an id selected in one project never reaches another.
export type Selection =
  | { kind: 'none' }
  | { kind: 'shot'; id: string }
  | { kind: 'character'; id: string }
  | { kind: 'environment'; id: string };

export interface SelectionState {
  selection: Selection;
  select(selection: Selection): void;
}

export type SelectionStore = ReturnType<typeof createSelectionStore>;

export function createSelectionStore() {
  return createStore<SelectionState>()((set) => ({
    selection: { kind: 'none' },
    select: (selection) => set({ selection }),
  }));
}
