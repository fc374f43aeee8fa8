import type { ShotState } from '@ministudio/domain';
import { useRender } from '../app/session';
import { useShotState } from './render-queries';
import { type ShotProgress, type ShotStatus, shotStatus } from './shot-progress';

export interface ShotRender {
  progress: ShotProgress | null;
  state: ShotState | null;
  status: ShotStatus;
}

/** One shot's render: live progress from the store, chosen take and staleness from the server. */
export function useShotRender(projectId: string, shotId: string): ShotRender {
  const progress = useRender((s) => s.byShot[shotId] ?? null);
  const state = useShotState(projectId, shotId);
  return { progress, state, status: shotStatus(progress, state) };
}
