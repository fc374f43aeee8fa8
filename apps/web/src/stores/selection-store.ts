import { create } from 'zustand';

// This tab's selection (session state, never saved): at most one shot, character or environment.
export type Selection =
  | { kind: 'none' }
  | { kind: 'shot'; id: string }
  | { kind: 'character'; id: string }
  | { kind: 'environment'; id: string };

interface SelectionState {
  selection: Selection;
  select(selection: Selection): void;
}

export const useSelection = create<SelectionState>()((set) => ({
  selection: { kind: 'none' },
  select: (selection) => set({ selection }),
}));

export const selectedShotId = (s: SelectionState): string | null =>
  s.selection.kind === 'shot' ? s.selection.id : null;
