import { createStore } from 'zustand/vanilla';

// One project's selection (session state, never saved). `selection` is the primary item: at most one shot,
// character or environment, what the inspector shows. `shots` is every selected shot (the timeline selects
// several: Shift-click, Ctrl-click, a marquee); it always holds the primary shot when that is a shot, and
// `anchor` is where a Shift-click range starts. Each project session has its own store, so an id selected
// in one project never reaches another.
export type Selection =
  | { kind: 'none' }
  | { kind: 'shot'; id: string }
  | { kind: 'character'; id: string }
  | { kind: 'environment'; id: string };

export interface SelectionState {
  selection: Selection;
  shots: readonly string[];
  anchor: string | null;
  /** Selects one item (and only that shot, when it is one). */
  select(selection: Selection): void;
  /** Selects several shots; `primary` (one of them, or null for none) is what the inspector shows. */
  selectShots(shots: readonly string[], primary: string | null, anchor?: string | null): void;
}

export type SelectionStore = ReturnType<typeof createSelectionStore>;

export function createSelectionStore() {
  return createStore<SelectionState>()((set, get) => ({
    selection: { kind: 'none' },
    shots: [],
    anchor: null,
    select: (selection) =>
      set({
        selection,
        shots: selection.kind === 'shot' ? [selection.id] : [],
        anchor: selection.kind === 'shot' ? selection.id : null,
      }),
    selectShots: (shots, primary, anchor) =>
      set({
        shots: [...new Set(shots)],
        selection: primary !== null ? { kind: 'shot', id: primary } : { kind: 'none' },
        anchor: anchor === undefined ? (primary ?? get().anchor) : anchor,
      }),
  }));
}
