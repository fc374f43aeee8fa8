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

/** What the editor's keys ask of the timeline: edits that need its layout (where the playhead falls). */
export interface TimelineActions {
  split(): void;
  trim(edge: 'start' | 'end'): void;
}

const actions = new Map<string, TimelineActions>();

/** The mounted timeline registers its actions; null unregisters. */
export function registerTimelineActions(projectId: string, a: TimelineActions | null): void {
  if (a) actions.set(projectId, a);
  else actions.delete(projectId);
}

export function timelineActions(projectId: string): TimelineActions | null {
  return actions.get(projectId) ?? null;
}

/** A pointer gesture in progress on the track: drawn by the gesture layer, never by the clips. */
export type Gesture =
  | {
      kind: 'move';
      shotIds: string[];
      /** Pointer travel since the press, in pixels: the ghosts' transform. */
      dx: number;
      /** The moved clips as they stand (content pixels). */
      ghosts: { x: number; width: number; number: number }[];
      marker: number | null;
    }
  | {
      kind: 'trim';
      shotId: string;
      x: number;
      width: number;
      seconds: number;
      snap: { x: number; label: string; kind: string };
    }
  | { kind: 'marquee'; x0: number; x1: number };

export interface GestureState {
  gesture: Gesture | null;
  set(gesture: Gesture | null): void;
}

const gestures = new Map<string, StoreApi<GestureState>>();

export function gestureStore(projectId: string): StoreApi<GestureState> {
  let store = gestures.get(projectId);
  if (!store) {
    store = createStore<GestureState>()((set) => ({ gesture: null, set: (gesture) => set({ gesture }) }));
    gestures.set(projectId, store);
  }
  return store;
}

export const useGesture = (projectId: string) => useStore(gestureStore(projectId), (s) => s.gesture);
