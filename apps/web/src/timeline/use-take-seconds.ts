import type { SceneView } from '@ministudio/domain';
import { useQueries } from '@tanstack/react-query';
import { takesKey } from '../api/query-keys';
import { listTakes } from '../api/render-endpoints';

/**
 * How long the chosen take of each shot that follows its speech really is, by shot id: only those shots'
 * lengths depend on a take. Shares the takes cache with the inspector's takes panel.
 */
export function useTakeSeconds(scenes: readonly SceneView[]): ReadonlyMap<string, number> {
  const wanted = scenes
    .flatMap((scene) => scene.shots)
    .filter((shot) => shot.duration === 'speech' && shot.chosenTakeId !== null);
  return useQueries({
    queries: wanted.map((shot) => ({
      queryKey: takesKey(shot.id),
      queryFn: () => listTakes(shot.id),
      select: (takes: Awaited<ReturnType<typeof listTakes>>) =>
        takes.find((t) => t.id === shot.chosenTakeId)?.durationSeconds ?? null,
    })),
    combine: (results) => {
      const seconds = new Map<string, number>();
      results.forEach((r, i) => {
        if (typeof r.data === 'number') seconds.set(wanted[i]!.id, r.data);
      });
      return seconds;
    },
  });
}
