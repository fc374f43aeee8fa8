import type { ShotState } from '@ministudio/domain';
import type { ShotProgress } from './shot-progress';

// Which shots each render button covers. Pure: the render bar only counts and posts what these answer.

export type RenderScopeKind = 'selected' | 'scene' | 'stale' | 'all';

/** The little of a project a scope needs: scenes in order, each with its shots in order. */
export interface ScopeProject {
  scenes: readonly { id: string; title?: string; shots: readonly { id: string }[] }[];
}

/**
 * The selected shot ids, whatever shape the selection store has: the store's list of selected shots
 * (the timeline selects several) when it has one, else the primary selection: one shot
 * (`{kind:'shot', id}`) or several (`ids` on a shot or shots selection). Anything else selects no shot.
 */
export function selectedShotIds(selection: unknown, shots?: readonly string[]): string[] {
  if (shots && shots.length > 0) return [...shots];
  if (!selection || typeof selection !== 'object') return [];
  const s = selection as { kind?: unknown; id?: unknown; ids?: unknown; shotIds?: unknown };
  if (s.kind !== 'shot' && s.kind !== 'shots') return [];
  const many = Array.isArray(s.ids) ? s.ids : Array.isArray(s.shotIds) ? s.shotIds : null;
  if (many) return many.filter((x): x is string => typeof x === 'string');
  return typeof s.id === 'string' ? [s.id] : [];
}

/** Shot number by film order (1-based), as the cards and the timeline number them. */
export function shotNumbers(project: ScopeProject): Map<string, number> {
  const numbers = new Map<string, number>();
  for (const scene of project.scenes) for (const shot of scene.shots) numbers.set(shot.id, numbers.size + 1);
  return numbers;
}

/** The scenes holding any of `shotIds`, in film order. */
export function scenesOf(project: ScopeProject, shotIds: readonly string[]): string[] {
  const wanted = new Set(shotIds);
  return project.scenes.filter((sc) => sc.shots.some((s) => wanted.has(s.id))).map((sc) => sc.id);
}

/**
 * Shots that need a render: their chosen take is stale, or they have none. A shot whose render is
 * already queued or running is on its way and not counted again.
 */
export function staleShotIds(
  project: ScopeProject,
  states: readonly ShotState[] | undefined,
  byShot: Readonly<Record<string, ShotProgress>>,
): string[] {
  const stateOf = new Map((states ?? []).map((s) => [s.shotId, s]));
  const ids: string[] = [];
  for (const scene of project.scenes)
    for (const shot of scene.shots) {
      const phase = byShot[shot.id]?.phase;
      if (phase === 'queued' || phase === 'rendering') continue;
      const state = stateOf.get(shot.id);
      if (!state || state.chosenTakeId === null || state.stale) ids.push(shot.id);
    }
  return ids;
}

/** The render body of a scope; null when it covers nothing (its button is disabled). */
export function scopeBody(
  kind: RenderScopeKind,
  project: ScopeProject,
  selected: readonly string[],
  stale: readonly string[],
): { shotIds?: string[]; sceneIds?: string[] } | null {
  const known = new Set(project.scenes.flatMap((sc) => sc.shots.map((s) => s.id)));
  switch (kind) {
    case 'selected': {
      const ids = selected.filter((id) => known.has(id));
      return ids.length ? { shotIds: ids } : null;
    }
    case 'scene': {
      const sceneIds = scenesOf(project, selected);
      return sceneIds.length ? { sceneIds } : null;
    }
    case 'stale':
      return stale.length ? { shotIds: [...stale] } : null;
    case 'all':
      // An empty body is every shot; the server reuses each take that still matches its shot.
      return known.size ? {} : null;
  }
}
