import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { clampZoom, DEFAULT_PIXELS_PER_SECOND } from './timeline-layout';

// The timeline's view state, one of each per project (module-level, keyed by project id: it is never saved
// and lives as long as the page, like the project sessions). Zoom and playhead are separate stores, so
// moving the playhead re-renders the playhead and its timecode, never the clips.

export interface ZoomState {
  pixelsPerSecond: number;
  setPixelsPerSecond(pixelsPerSecond: number): void;
}

export interface PlayheadState {
  seconds: number;
  setSeconds(seconds: number): void;
}

const zooms = new Map<string, StoreApi<ZoomState>>();
const playheads = new Map<string, StoreApi<PlayheadState>>();

export function zoomStore(projectId: string): StoreApi<ZoomState> {
  let store = zooms.get(projectId);
  if (!store) {
    store = createStore<ZoomState>()((set) => ({
      pixelsPerSecond: DEFAULT_PIXELS_PER_SECOND,
      setPixelsPerSecond: (pixelsPerSecond) => set({ pixelsPerSecond: clampZoom(pixelsPerSecond) }),
    }));
    zooms.set(projectId, store);
  }
  return store;
}

export function playheadStore(projectId: string): StoreApi<PlayheadState> {
  let store = playheads.get(projectId);
  if (!store) {
    store = createStore<PlayheadState>()((set) => ({
      seconds: 0,
      setSeconds: (seconds) => set({ seconds: Math.max(0, seconds) }),
    }));
    playheads.set(projectId, store);
  }
  return store;
}

export const usePixelsPerSecond = (projectId: string) =>
  useStore(zoomStore(projectId), (s) => s.pixelsPerSecond);

export const usePlayheadSeconds = (projectId: string) => useStore(playheadStore(projectId), (s) => s.seconds);
