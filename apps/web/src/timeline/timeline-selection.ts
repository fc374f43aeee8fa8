// Which shots a click, a modified click or a marquee selects (pure, tested without a DOM). `order` is the
// film's shot ids in timeline order.

export interface ShotSelection {
  shots: string[];
  primary: string | null;
  anchor: string | null;
}

export interface ClickModifiers {
  /** Shift: extend a range from the anchor. */
  range: boolean;
  /** Ctrl or Cmd: add or remove one shot. */
  toggle: boolean;
}

/** The ids from `anchor` to `id` inclusive, in film order (just `id` when the anchor is gone). */
export function rangeIds(order: readonly string[], anchor: string | null, id: string): string[] {
  const to = order.indexOf(id);
  const from = anchor === null ? -1 : order.indexOf(anchor);
  if (to < 0) return [];
  if (from < 0) return [id];
  const [lo, hi] = from <= to ? [from, to] : [to, from];
  return order.slice(lo, hi + 1);
}

/** `ids` with `id` added or, if present, removed. */
export function toggleId(ids: readonly string[], id: string): string[] {
  return ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id];
}

/** What clicking shot `id` selects, given the current selection. */
export function clickSelection(
  order: readonly string[],
  current: ShotSelection,
  id: string,
  mods: ClickModifiers,
): ShotSelection {
  if (mods.range)
    return { shots: rangeIds(order, current.anchor, id), primary: id, anchor: current.anchor ?? id };
  if (mods.toggle) {
    const shots = toggleId(current.shots, id);
    const primary = shots.includes(id) ? id : (shots.at(-1) ?? null);
    return { shots: inOrder(order, shots), primary, anchor: primary };
  }
  return { shots: [id], primary: id, anchor: id };
}

/** The clips a marquee from x0 to x1 (either way round) crosses: any overlap counts. */
export function marqueeHits(
  clips: readonly { shotId: string; x: number; width: number }[],
  x0: number,
  x1: number,
): string[] {
  const lo = Math.min(x0, x1);
  const hi = Math.max(x0, x1);
  return clips.filter((c) => c.x < hi && c.x + c.width > lo).map((c) => c.shotId);
}

/** `ids` sorted into film order (ids not in the film dropped). */
export function inOrder(order: readonly string[], ids: readonly string[]): string[] {
  const set = new Set(ids);
  return order.filter((id) => set.has(id));
}

/**
 * Alt+Arrow with several shots selected: the whole selection, closed up in film order, steps one shot past
 * its neighbour. Answers the scene and the shot to go before (null: the scene's end); null at the ends.
 */
export function blockStepTarget(
  project: { scenes: readonly { id: string; shots: readonly { id: string }[] }[] },
  selected: readonly string[],
  delta: -1 | 1,
): { sceneId: string; beforeShotId: string | null } | null {
  const sceneOf = new Map(project.scenes.flatMap((s) => s.shots.map((sh) => [sh.id, s.id] as const)));
  const order = project.scenes.flatMap((s) => s.shots.map((sh) => sh.id));
  const set = new Set(selected);
  const firstAt = order.findIndex((id) => set.has(id));
  if (firstAt < 0) return null;
  const others = order.filter((id) => !set.has(id));
  const p = order.slice(0, firstAt).filter((id) => !set.has(id)).length;
  if (delta < 0) {
    const prev = others[p - 1];
    return prev === undefined ? null : { sceneId: sceneOf.get(prev)!, beforeShotId: prev };
  }
  const next = others[p];
  if (next === undefined) return null;
  const after = others[p + 1];
  const scene = sceneOf.get(next)!;
  return { sceneId: scene, beforeShotId: after !== undefined && sceneOf.get(after) === scene ? after : null };
}
