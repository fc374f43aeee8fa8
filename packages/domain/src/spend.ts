import type { ModelPrice } from './providers';

// Money is integer micro-dollars everywhere (1 USD = 1,000,000): sums of many shots never drift the way
// floating-point dollars do, and a limit compares exactly with what was spent.

export const MICROS_PER_USD = 1_000_000;

/** One shot of a render as spend sees it: what it would ask the provider for, and whether it is reused. */
export interface ShotCostInput {
  shotId: string;
  provider: string;
  model: string;
  /** The model's label ("Veo 3.1 (Gemini API)"), for the sentence the editor shows. */
  label: string;
  /** Seconds the provider renders (the model's nearest allowed length). */
  seconds: number;
  /** An identical take exists or is on its way: nothing new is rendered, nothing is paid. */
  cached: boolean;
  price: ModelPrice | null | undefined;
}

export interface ShotCost {
  shotId: string;
  provider: string;
  model: string;
  seconds: number;
  cached: boolean;
  /** null: the model has no published price (unknown, not zero). 0 for a reused take. */
  costMicros: number | null;
}

/** The shots of one model in a render. */
export interface EstimateGroup {
  provider: string;
  model: string;
  label: string;
  shots: number;
  seconds: number;
  /** null when the model has no published price: those seconds are not counted in the total. */
  costMicros: number | null;
  price: ModelPrice | null;
}

export interface RenderEstimate {
  /** Shots that will be rendered anew (reused takes are not counted). */
  shots: number;
  /** Shots whose identical take already exists or is rendering: they cost nothing. */
  cachedShots: number;
  seconds: number;
  /** Sum over the shots whose model has a price. */
  knownMicros: number;
  /** New shots whose model has no published price: their cost is unknown and not in knownMicros. */
  unknownShots: number;
  groups: EstimateGroup[];
  perShot: ShotCost[];
}

/** A shot's cost: seconds × price, rounded to the micro-dollar; null when there is no price. */
export function shotCostMicros(seconds: number, price: ModelPrice | null | undefined): number | null {
  if (!price) return null;
  return Math.round(seconds * price.microsPerSecond);
}

/** What a render will cost, grouped by model, from its shots' lengths and their models' prices. */
export function estimateRender(items: ShotCostInput[]): RenderEstimate {
  const groups = new Map<string, EstimateGroup>();
  const perShot: ShotCost[] = [];
  let knownMicros = 0;
  let unknownShots = 0;
  let seconds = 0;
  let cachedShots = 0;
  for (const item of items) {
    if (item.cached) {
      cachedShots += 1;
      perShot.push({ ...pick(item), costMicros: 0 });
      continue;
    }
    const cost = shotCostMicros(item.seconds, item.price);
    perShot.push({ ...pick(item), costMicros: cost });
    seconds += item.seconds;
    if (cost === null) unknownShots += 1;
    else knownMicros += cost;
    const key = `${item.provider}\u0000${item.model}`;
    const group = groups.get(key) ?? {
      provider: item.provider,
      model: item.model,
      label: item.label,
      shots: 0,
      seconds: 0,
      costMicros: item.price ? 0 : null,
      price: item.price ?? null,
    };
    group.shots += 1;
    group.seconds += item.seconds;
    if (group.costMicros !== null && cost !== null) group.costMicros += cost;
    groups.set(key, group);
  }
  return {
    shots: items.length - cachedShots,
    cachedShots,
    seconds,
    knownMicros,
    unknownShots,
    groups: [...groups.values()],
    perShot,
  };
}

function pick(item: ShotCostInput) {
  return {
    shotId: item.shotId,
    provider: item.provider,
    model: item.model,
    seconds: item.seconds,
    cached: item.cached,
  };
}

/** A daily and a monthly limit; null: none. */
export interface SpendLimits {
  dailyMicros: number | null;
  monthlyMicros: number | null;
}

export interface PeriodSpend {
  dayMicros: number;
  monthMicros: number;
}

export interface LimitCheckInput {
  studio: SpendLimits;
  providers: Record<string, SpendLimits>;
  spent: { studio: PeriodSpend; providers: Record<string, PeriodSpend> };
  /** What the render would add: in total and per provider (known prices only). */
  adding: { totalMicros: number; byProvider: Record<string, number> };
}

export interface LimitBreach {
  scope: 'studio' | 'provider';
  provider: string | null;
  period: 'day' | 'month';
  limitMicros: number;
  spentMicros: number;
  /** What is left of the limit before this render (never below zero). */
  remainingMicros: number;
  /** What this render would spend under that limit. */
  wouldSpendMicros: number;
}

/** Every limit the render would go past; empty when it fits all of them. A render that adds nothing fits. */
export function checkLimits(input: LimitCheckInput): LimitBreach[] {
  const breaches: LimitBreach[] = [];
  const test = (
    scope: LimitBreach['scope'],
    provider: string | null,
    limits: SpendLimits,
    spent: PeriodSpend,
    adding: number,
  ) => {
    if (adding <= 0) return;
    for (const [period, limit, already] of [
      ['day', limits.dailyMicros, spent.dayMicros],
      ['month', limits.monthlyMicros, spent.monthMicros],
    ] as const) {
      if (limit === null) continue;
      const remaining = Math.max(0, limit - already);
      if (adding > remaining)
        breaches.push({
          scope,
          provider,
          period,
          limitMicros: limit,
          spentMicros: already,
          remainingMicros: remaining,
          wouldSpendMicros: adding,
        });
    }
  };
  test('studio', null, input.studio, input.spent.studio, input.adding.totalMicros);
  for (const [provider, adding] of Object.entries(input.adding.byProvider)) {
    const limits = input.providers[provider];
    if (!limits) continue;
    test(
      'provider',
      provider,
      limits,
      input.spent.providers[provider] ?? { dayMicros: 0, monthMicros: 0 },
      adding,
    );
  }
  return breaches;
}

/**
 * The models of a render that have no price while a limit watches their spend (the studio's, or their
 * provider's): a limit cannot hold back what it cannot count, so such a render is refused until the owner
 * sets a price in providers.json, rather than let unknown spend slip past the limit.
 */
export function unpricedUnderLimits(
  estimate: Pick<RenderEstimate, 'groups'>,
  limits: { studio: SpendLimits; providers: Record<string, SpendLimits> },
): EstimateGroup[] {
  const watched = (l: SpendLimits | undefined) => !!l && (l.dailyMicros !== null || l.monthlyMicros !== null);
  const studioWatched = watched(limits.studio);
  return estimate.groups.filter(
    (g) => g.costMicros === null && (studioWatched || watched(limits.providers[g.provider])),
  );
}

/** Where today and this month began, in UTC (the periods limits count over). */
export function periodStarts(now: Date): { day: Date; month: Date } {
  return {
    day: new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate())),
    month: new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1)),
  };
}

/** "$1.40"; amounts under a cent keep their digits ("$0.0045") so a small spend does not read as nothing. */
export function formatUsd(micros: number): string {
  const sign = micros < 0 ? '-' : '';
  const abs = Math.abs(micros);
  const dollars = Math.floor(abs / MICROS_PER_USD);
  const rest = abs % MICROS_PER_USD;
  if (abs > 0 && abs < 10_000) {
    const digits = String(rest).padStart(6, '0').replace(/0+$/, '');
    return `${sign}$0.${digits.length < 2 ? digits.padEnd(2, '0') : digits}`;
  }
  const cents = Math.round(rest / 10_000);
  const whole = dollars + (cents === 100 ? 1 : 0);
  return `${sign}$${whole.toLocaleString('en-US')}.${String(cents === 100 ? 0 : cents).padStart(2, '0')}`;
}

/**
 * "12.5", "$12.50", "0.000001" → micro-dollars, read as text so no float rounding enters a limit; null for
 * anything that is not a non-negative amount with at most six decimals.
 */
export function parseUsd(text: string): number | null {
  const m = /^\s*\$?\s*(\d{1,9})(?:\.(\d{0,6}))?\s*$/.exec(text);
  if (!m) return null;
  return Number(m[1]) * MICROS_PER_USD + Number((m[2] ?? '').padEnd(6, '0') || '0');
}

/** What runs on this studio's own machines (the built-in animatic, ComfyUI): no provider bills for it. */
export const SELF_HOSTED_PRICE: ModelPrice = {
  microsPerSecond: 0,
  source: 'self-hosted',
  readOn: '2026-12-04',
  note: 'Runs on this studio’s own machines: no provider charges for it.',
};
