import { formatUsd, type RenderEstimateResponse } from '@ministudio/domain';

// What the render bar says a render will cost, in words a filmmaker reads at a glance. Pure, tested.

const shots = (n: number) => `${n} ${n === 1 ? 'shot' : 'shots'}`;
const secs = (s: number) => `${Number(s.toFixed(1))} s`;

export interface EstimateText {
  /** "5 shots, 40 s on Veo 3.1 ≈ $16.00 · 2 shots, 10 s on Luma Ray 2: price unknown — not counted" */
  text: string;
  /** Says how the figure was made (prices and their sources), for the title. */
  detail: string;
  /** Some of it has no published price. */
  unknown: boolean;
  /** The render passes a limit: it will be refused. */
  over: boolean;
}

export function estimateText(estimate: RenderEstimateResponse): EstimateText {
  const parts = estimate.groups.map((g) =>
    g.costMicros === null
      ? `${shots(g.shots)}, ${secs(g.seconds)} on ${g.label}: price unknown — not counted`
      : g.costMicros === 0
        ? `${shots(g.shots)}, ${secs(g.seconds)} on ${g.label}: free`
        : `${shots(g.shots)}, ${secs(g.seconds)} on ${g.label} ≈ ${formatUsd(g.costMicros)}`,
  );
  if (estimate.shots === 0) parts.push('nothing new to render: $0.00');
  else if (estimate.groups.length > 1) parts.push(`total ≈ ${formatUsd(estimate.knownMicros)}`);
  if (estimate.cachedShots > 0) parts.push(`${shots(estimate.cachedShots)} reused (free)`);
  const over = estimate.breaches.length > 0;
  if (over) {
    const b = estimate.breaches[0]!;
    const whose = b.scope === 'studio' ? 'studio' : b.provider;
    parts.push(
      `over the ${whose} ${b.period === 'day' ? 'daily' : 'monthly'} limit: ${formatUsd(b.remainingMicros)} left`,
    );
  }
  const detail = estimate.groups
    .map((g) =>
      g.price
        ? `${g.label}: ${formatUsd(g.price.microsPerSecond)}/s (${g.price.source}${g.price.readOn ? `, read ${g.price.readOn}` : ''})`
        : `${g.label}: no published price found — set one in providers.json ("prices")`,
    )
    .join('\n');
  return { text: parts.join(' · '), detail, unknown: estimate.unknownShots > 0, over };
}

/** "Spent on this project: $2.80 (1 take price unknown)". */
export function spentText(totalMicros: number, unknownTakes: number): string {
  const unknown =
    unknownTakes > 0 ? ` (+ ${unknownTakes} ${unknownTakes === 1 ? 'take' : 'takes'}, price unknown)` : '';
  return `Spent on this project: ${formatUsd(totalMicros)}${unknown}`;
}
