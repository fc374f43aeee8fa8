import type { ShotState } from '@ministudio/domain';
import { useQuery } from '@tanstack/react-query';
import { shotStatesKey } from '../api/query-keys';
import { shotStates } from '../api/render-endpoints';

/**
 * How long each shot's chosen take really is, by shot id, from the project's shot states: the one request the
 * cards already make, not one per shot.
 */
export function useTakeSeconds(projectId: string): ReadonlyMap<string, number> {
  return (
    useQuery({
      queryKey: shotStatesKey(projectId),
      queryFn: () => shotStates(projectId),
      select: secondsByShot,
    }).data ?? NONE
  );
}

const NONE: ReadonlyMap<string, number> = new Map();

// Module level, so react-query runs it again only when the shot states change, not on every render.
function secondsByShot(states: ShotState[]): ReadonlyMap<string, number> {
  return new Map(
    states.flatMap((s) => (s.durationSeconds !== null ? [[s.shotId, s.durationSeconds] as const] : [])),
  );
}
