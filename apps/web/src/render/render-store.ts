import type { JobEvent, JobSummary } from '@ministudio/domain';
import { createStore } from 'zustand/vanilla';
import { applyJobEvents, EMPTY_RENDER_STATE, loadJobs, type RenderState } from './render-state';

// One project's live render state (session state: rebuilt from the server on every visit).

export interface RenderStoreState extends RenderState {
  /** Shots the film could not be made without (a 409 not_ready), highlighted until they render. */
  missing: string[];
  load(jobs: readonly JobSummary[], since: readonly JobEvent[]): void;
  apply(events: readonly JobEvent[]): void;
  setMissing(shotIds: string[]): void;
}

export type RenderStore = ReturnType<typeof createRenderStore>;

export function createRenderStore() {
  return createStore<RenderStoreState>()((set) => ({
    ...EMPTY_RENDER_STATE,
    missing: [],
    load: (jobs, since) => set(loadJobs(jobs, since)),
    apply: (events) =>
      set((s) => {
        const next = applyJobEvents(s, events);
        if (next === s) return s;
        // A missing shot that starts rendering is being dealt with.
        const missing = s.missing.filter((id) => next.byShot[id] === s.byShot[id]);
        return missing.length === s.missing.length ? next : { ...next, missing };
      }),
    setMissing: (missing) => set({ missing }),
  }));
}
