import type { ShotCheck, ShotState, TakeView } from '@ministudio/domain';
import { useQuery } from '@tanstack/react-query';
import { providersKey, renderCheckKey, shotStatesKey, takesKey, waveformKey } from '../api/query-keys';
import { getWaveform, listProviders, listTakes, renderCheck, shotStates } from '../api/render-endpoints';

// Server render state in the query cache; components read their slice through `select`, so one shot's
// change re-renders that shot's card only.

// Every card and clip reads its own shot's entry from one list (states, checks): an index built once per
// answer (keyed by the answer itself) makes each read O(1), so an update costs O(shots), not O(shots²).
const indexes = new WeakMap<readonly { shotId: string }[], Map<string, unknown>>();

export function byShotId<T extends { shotId: string }>(all: readonly T[]): ReadonlyMap<string, T> {
  let index = indexes.get(all);
  if (!index) {
    index = new Map(all.map((s) => [s.shotId, s]));
    indexes.set(all, index);
  }
  return index as ReadonlyMap<string, T>;
}

export function useShotState(projectId: string, shotId: string): ShotState | null {
  return (
    useQuery({
      queryKey: shotStatesKey(projectId),
      queryFn: () => shotStates(projectId),
      select: (all) => byShotId(all).get(shotId) ?? null,
    }).data ?? null
  );
}

/** Every shot's render state (the render bar counts the stale ones). */
export function useShotStates(projectId: string): ShotState[] | undefined {
  return useQuery({ queryKey: shotStatesKey(projectId), queryFn: () => shotStates(projectId) }).data;
}

export function useShotCheck(projectId: string, shotId: string): ShotCheck | null {
  return (
    useQuery({
      queryKey: renderCheckKey(projectId),
      queryFn: () => renderCheck(projectId),
      select: (all) => byShotId(all).get(shotId) ?? null,
    }).data ?? null
  );
}

export function useTakes<T = TakeView[]>(
  shotId: string,
  enabled: boolean,
  select?: (takes: TakeView[]) => T,
) {
  return useQuery({ queryKey: takesKey(shotId), queryFn: () => listTakes(shotId), enabled, select });
}

/** The chosen take of a shot, once it has one (fetched only then). */
export function useChosenTake(shotId: string, chosenTakeId: string | null): TakeView | null {
  return (
    useTakes(shotId, chosenTakeId !== null, (takes) => takes.find((t) => t.id === chosenTakeId) ?? null)
      .data ?? null
  );
}

export const useProviders = () =>
  useQuery({ queryKey: providersKey, queryFn: listProviders, staleTime: 5 * 60_000 });

export const useWaveform = (url: string | null) =>
  useQuery({
    queryKey: waveformKey(url ?? ''),
    queryFn: () => getWaveform(url!),
    enabled: url !== null,
    staleTime: Number.POSITIVE_INFINITY,
  });
