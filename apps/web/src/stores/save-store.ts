import { create } from 'zustand';

// How many writes are queued or in flight, per project, for the "Saving…" indicator.
interface SaveState {
  pending: Record<string, number>;
  setPending(projectId: string, count: number): void;
}

export const useSaveState = create<SaveState>()((set) => ({
  pending: {},
  setPending: (projectId, count) => set((s) => ({ pending: { ...s.pending, [projectId]: count } })),
}));
