import type { ShotState, ShotView } from '@ministudio/domain';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useRef } from 'react';
import { useProject } from '../api/hooks';
import { shotStatesKey } from '../api/query-keys';
import { shotStates } from '../api/render-endpoints';

export interface TakeFact {
  seconds: number;
  stale: boolean;
}

/**
 * How long each shot's chosen take really is, by shot id, from the project's shot states (the one request
 * the cards already make, not one per shot) — for takes that still fit their shot. A shot that follows its
 * speech keeps its take's length until a new take says otherwise. A shot of set length keeps its take's
 * only while the take was made for that length: the take is not stale, and the shot's length is the one it
 * had when the studio said so. Without the second check a trim would show the old take's length until the
 * next shot-states answer marked it stale.
 */
export function useTakeSeconds(projectId: string): ReadonlyMap<string, number> {
  const facts = useQuery({
    queryKey: shotStatesKey(projectId),
    queryFn: () => shotStates(projectId),
    select: factsByShot,
  }).data;
  const scenes = useProject(projectId, (p) => p.scenes).data;
  const latestScenes = useRef(scenes);
  latestScenes.current = scenes;
  // The length each current take was made for: its shot's length when the answer came.
  const madeFor = useMemo(() => {
    const lengths = durationsById(latestScenes.current);
    const out = new Map<string, ShotView['duration'] | undefined>();
    for (const id of facts?.keys() ?? []) out.set(id, lengths.get(id));
    return out;
  }, [facts]);
  return useMemo(() => {
    if (!facts || !scenes) return NONE;
    return currentTakeSeconds(facts, durationsById(scenes), madeFor);
  }, [facts, scenes, madeFor]);
}

/**
 * The take lengths that still hold, by shot id: a speech shot's always, a set-length shot's while its take
 * is not stale and the shot still has the length it had when the studio said so (`madeFor`). Pure.
 */
export function currentTakeSeconds(
  facts: ReadonlyMap<string, TakeFact>,
  lengths: ReadonlyMap<string, ShotView['duration']>,
  madeFor: ReadonlyMap<string, ShotView['duration'] | undefined>,
): ReadonlyMap<string, number> {
  const out = new Map<string, number>();
  for (const [id, fact] of facts) {
    const duration = lengths.get(id);
    if (duration === 'speech' || (!fact.stale && duration !== undefined && madeFor.get(id) === duration))
      out.set(id, fact.seconds);
  }
  return out;
}

const NONE: ReadonlyMap<string, number> = new Map();

function durationsById(
  scenes: readonly { shots: readonly Pick<ShotView, 'id' | 'duration'>[] }[] | undefined,
): Map<string, ShotView['duration']> {
  return new Map((scenes ?? []).flatMap((s) => s.shots.map((shot) => [shot.id, shot.duration] as const)));
}

// Module level, so react-query runs it again only when the shot states change, not on every render.
function factsByShot(states: ShotState[]): ReadonlyMap<string, TakeFact> {
  return new Map(
    states.flatMap((s) =>
      s.durationSeconds !== null ? [[s.shotId, { seconds: s.durationSeconds, stale: s.stale }] as const] : [],
    ),
  );
}
