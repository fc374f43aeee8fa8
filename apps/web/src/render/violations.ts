import type { ShotCheck, Violation } from '@ministudio/domain';

// Capability violations: from render-check, or from a render the server refused (422).

export interface RefusedShot {
  shotId: string;
  violations: Violation[];
}

/** Reads `details.shots` of a 422 (unsupported_by_provider, provider_not_configured); anything else gives []. */
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

export const NOT_CONFIGURED = 'provider_not_configured';
export const SPEECH_DOES_NOT_FIT = 'speech_does_not_fit';

/**
 * What the editor says when the server refuses a render. A provider with no key is the studio's setup,
 * not the shot: the notice says what to set (the server's own words, naming the setting) and points to
 * the providers page; shots asking for more than their provider can do are marked on the board.
 */
export function refusalNotice(refused: readonly RefusedShot[]): { text: string; setup: boolean } {
  const setup = [
    ...new Set(
      refused.flatMap((s) =>
        s.violations.filter((v) => v.constraint === NOT_CONFIGURED).map((v) => `${v.message} ${v.fix}`),
      ),
    ),
  ];
  const limited = refused.filter((s) => s.violations.some((v) => v.constraint !== NOT_CONFIGURED)).length;
  const one = limited === 1;
  // Speech too long for its shot is the shot's own problem, not its provider's: said as such.
  const speechOnly = refused.every((s) =>
    s.violations.every((v) => v.constraint === NOT_CONFIGURED || v.constraint === SPEECH_DOES_NOT_FIT),
  );
  const limits = speechOnly
    ? `${one ? 'A shot’s' : `${limited} shots’`} speech ${setup.length > 0 ? 'also ' : ''}${one ? 'runs' : 'run'} past ${one ? 'its' : 'their'} length: see the marked ${one ? 'shot' : 'shots'}.`
    : `${one ? 'A shot' : `${limited} shots`}${setup.length > 0 ? ' also' : ''} ${one ? 'asks' : 'ask'} for more than its provider can do: see the marked ${one ? 'shot' : 'shots'}.`;
  if (setup.length === 0) return { text: `${limits} Nothing was rendered.`, setup: false };
  return {
    text: ['Nothing was rendered.', ...setup, ...(limited > 0 ? [limits] : [])].join(' '),
    setup: true,
  };
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

/** Violations grouped by field, in the order their fields first appear: one labelled list per field. */
export function byField(violations: readonly Violation[]): [string, Violation[]][] {
  const groups = new Map<string, Violation[]>();
  for (const v of violations) groups.set(v.field, [...(groups.get(v.field) ?? []), v]);
  return [...groups];
}
