import type { ShotCheck, Violation } from '@ministudio/domain';

// Capability violations: from render-check, or from a render the server refused (422).

export interface RefusedShot {
  shotId: string;
  violations: Violation[];
}

/** Reads `details.shots` of a 422 unsupported_by_provider; anything else gives []. */
export function refusedShots(details: unknown): RefusedShot[] {
  const shots = (details as { shots?: unknown } | null)?.shots;
  if (!Array.isArray(shots)) return [];
  return shots.filter(
    (s): s is RefusedShot =>
      typeof s === 'object' && s !== null && typeof s.shotId === 'string' && Array.isArray(s.violations),
  );
}

/** The refusal's violations replace those render-check had for the same shots; other shots keep theirs. */
export function mergeRefusal(
  checks: readonly ShotCheck[] | undefined,
  refused: readonly RefusedShot[],
): ShotCheck[] {
  const byShot = new Map(refused.map((r) => [r.shotId, r.violations]));
  const merged = (checks ?? []).map((c) =>
    byShot.has(c.shotId) ? { ...c, violations: byShot.get(c.shotId)! } : c,
  );
  for (const r of refused)
    if (!merged.some((c) => c.shotId === r.shotId))
      merged.push({ shotId: r.shotId, violations: r.violations, notes: [] });
  return merged;
}

/** The fields the inspector shows next to its inputs; others are listed with the render controls. */
export const INLINE_FIELDS = ['duration', 'continuity', 'seed', 'references', 'prompt', 'provider'] as const;

export function violationsFor(check: ShotCheck | null, field: string): Violation[] {
  return check ? check.violations.filter((v) => v.field === field) : [];
}

export function otherViolations(check: ShotCheck | null): Violation[] {
  const inline: readonly string[] = INLINE_FIELDS;
  return check ? check.violations.filter((v) => !inline.includes(v.field)) : [];
}
