import type { Db } from '@ministudio/db';
import {
  checkLimits,
  estimateRender,
  formatUsd,
  type LimitBreach,
  type PeriodSpend,
  type ProjectSpend,
  type ProjectView,
  periodStarts,
  type RenderEstimate,
  type SpendLimits,
  type SpendLimitsView,
  unpricedUnderLimits,
} from '@ministudio/domain';
import { estimatedSpeechShotSeconds, type RenderSelection, type RenderService } from '@ministudio/pipeline';
import { modelSpecFor, nearestDuration, priceFor, readPriceOverrides } from '@ministudio/providers';
import { HttpError } from '../lib/http-error';

export type EstimateWithLimits = RenderEstimate & { breaches: LimitBreach[] };

const STUDIO = { scope: 'studio', provider: '' } as const;
const toMicros = (v: bigint | null | undefined): number | null =>
  v === null || v === undefined ? null : Number(v);

/**
 * What renders cost: the estimate before queueing (shots × the seconds the provider renders × its price),
 * the owner's daily and monthly limits checked before anything is queued, and what each new take cost,
 * recorded when it is queued. Estimates come from the same plans the render uses, so they cannot disagree.
 */
export class SpendService {
  // Check, queue and record run one at a time: two renders at once must not both fit the same budget.
  private chain: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly db: Db,
    private readonly render: RenderService,
    private readonly dataDir: string,
  ) {}

  async estimate(
    project: ProjectView,
    selection: RenderSelection,
    now = new Date(),
  ): Promise<EstimateWithLimits> {
    // check() refuses ids not in the project (404) and names the selected shots in order.
    const selected = this.render.check(project, selection).map((c) => c.shotId);
    const plans = this.render.plan(project);
    const overrides = pricesFrom(this.dataDir);
    const chosen = selected.map((id) => plans.get(id)!);
    const existing = await this.db.take.findMany({
      where: {
        shotId: { in: chosen.map((p) => p.shot.id) },
        inputHash: { in: chosen.map((p) => p.inputHash) },
        status: { in: ['succeeded', 'rendering'] },
      },
      select: { shotId: true, inputHash: true },
    });
    const reused = new Set(existing.map((t) => `${t.shotId}\u0000${t.inputHash}`));
    const estimate = estimateRender(
      chosen.map((plan) => {
        const requested =
          plan.shot.duration === 'speech'
            ? estimatedSpeechShotSeconds(plan.lines, project.fps)
            : plan.shot.duration;
        // The provider renders (and bills) its nearest allowed length, not the shot's.
        const seconds = plan.capabilities
          ? nearestDuration(
              plan.capabilities.durations,
              requested,
              modelSpecFor(plan.provider, plan.model)?.durationStep ?? null,
            )
          : requested;
        return {
          shotId: plan.shot.id,
          provider: plan.provider,
          model: plan.model,
          label: plan.capabilities?.label ?? plan.provider,
          seconds,
          cached: reused.has(`${plan.shot.id}\u0000${plan.inputHash}`),
          price: plan.capabilities ? priceFor(plan.capabilities, overrides) : null,
        };
      }),
    );
    return { ...estimate, breaches: await this.breaches(estimate, now) };
  }

  /**
   * Renders as RenderService does, after refusing (422 over_spend_limit, the remaining budget in details) a
   * render that would pass a limit; then records the cost of every take it queued. Reused takes cost nothing.
   */
  renderWithinLimits<T extends { shots: { shotId: string; takeId: string; outcome: string }[] }>(
    project: ProjectView,
    selection: RenderSelection,
    queue: () => Promise<T>,
  ): Promise<T> {
    const run = this.chain.then(async () => {
      // A shot the provider cannot take is refused by the render itself, with its own code, first.
      if (this.render.check(project, selection).some((c) => c.violations.length)) return queue();
      const estimate = await this.estimate(project, selection);
      if (estimate.breaches.length) throw overLimit(estimate);
      const unpriced = unpricedUnderLimits(estimate, await this.readLimits());
      if (unpriced.length) throw unpricedUnderLimit(unpriced);
      const result = await queue();
      const byShot = new Map(estimate.perShot.map((s) => [s.shotId, s]));
      const rows = result.shots
        .filter((s) => s.outcome === 'queued')
        .map((s) => {
          const cost = byShot.get(s.shotId)!;
          return {
            takeId: s.takeId,
            projectId: project.id,
            provider: cost.provider,
            model: cost.model,
            seconds: cost.seconds,
            costMicros: cost.costMicros === null ? null : BigInt(cost.costMicros),
          };
        });
      if (rows.length) await this.db.takeSpend.createMany({ data: rows });
      return result;
    });
    this.chain = run.catch(() => undefined);
    return run;
  }

  async projectSpend(projectId: string): Promise<ProjectSpend> {
    const rows = await this.db.takeSpend.findMany({ where: { projectId }, orderBy: { createdAt: 'asc' } });
    const takes = rows.map((r) => ({
      takeId: r.takeId,
      provider: r.provider,
      model: r.model,
      seconds: r.seconds,
      costMicros: toMicros(r.costMicros),
      createdAt: r.createdAt.toISOString(),
    }));
    return {
      totalMicros: takes.reduce((sum, t) => sum + (t.costMicros ?? 0), 0),
      unknownTakes: takes.filter((t) => t.costMicros === null).length,
      takes,
    };
  }

  async limits(now = new Date()): Promise<SpendLimitsView> {
    const { studio, providers } = await this.readLimits();
    const spent = await this.spent(now);
    const zero: PeriodSpend = { dayMicros: 0, monthMicros: 0 };
    const { day, month } = periodStarts(now);
    return {
      studio: { ...studio, spent: spent.studio },
      providers: Object.entries(providers).map(([provider, l]) => ({
        provider,
        ...l,
        spent: spent.providers[provider] ?? zero,
      })),
      periods: { dayStart: day.toISOString(), monthStart: month.toISOString() },
    };
  }

  async setLimits(scope: 'studio' | 'provider', provider: string, limits: SpendLimits): Promise<void> {
    const key = scope === 'studio' ? STUDIO : { scope, provider };
    const data = {
      dailyMicros: limits.dailyMicros === null ? null : BigInt(limits.dailyMicros),
      monthlyMicros: limits.monthlyMicros === null ? null : BigInt(limits.monthlyMicros),
    };
    await this.db.spendLimit.upsert({
      where: { scope_provider: key },
      create: { ...key, ...data },
      update: data,
    });
  }

  private async readLimits(): Promise<{ studio: SpendLimits; providers: Record<string, SpendLimits> }> {
    const rows = await this.db.spendLimit.findMany();
    const read = (r: (typeof rows)[number]): SpendLimits => ({
      dailyMicros: toMicros(r.dailyMicros),
      monthlyMicros: toMicros(r.monthlyMicros),
    });
    const studioRow = rows.find((r) => r.scope === 'studio');
    return {
      studio: studioRow ? read(studioRow) : { dailyMicros: null, monthlyMicros: null },
      providers: Object.fromEntries(
        rows.filter((r) => r.scope === 'provider').map((r) => [r.provider, read(r)]),
      ),
    };
  }

  /** What was spent today and this month (UTC), in the studio and per provider. */
  private async spent(now: Date): Promise<{ studio: PeriodSpend; providers: Record<string, PeriodSpend> }> {
    const { day, month } = periodStarts(now);
    const sums = async (since: Date) =>
      this.db.takeSpend.groupBy({
        by: ['provider'],
        where: { createdAt: { gte: since } },
        _sum: { costMicros: true },
      });
    const [daily, monthly] = await Promise.all([sums(day), sums(month)]);
    const providers: Record<string, PeriodSpend> = {};
    for (const r of monthly)
      providers[r.provider] = { dayMicros: 0, monthMicros: toMicros(r._sum.costMicros) ?? 0 };
    for (const r of daily) {
      // Whatever was spent today was spent this month too, so the month's sums already hold the provider.
      const p = providers[r.provider] ?? { dayMicros: 0, monthMicros: 0 };
      p.dayMicros = toMicros(r._sum.costMicros) ?? 0;
      providers[r.provider] = p;
    }
    const values = Object.values(providers);
    return {
      studio: {
        dayMicros: values.reduce((s, p) => s + p.dayMicros, 0),
        monthMicros: values.reduce((s, p) => s + p.monthMicros, 0),
      },
      providers,
    };
  }

  private async breaches(estimate: RenderEstimate, now: Date): Promise<LimitBreach[]> {
    const { studio, providers } = await this.readLimits();
    const byProvider: Record<string, number> = {};
    for (const s of estimate.perShot)
      if (s.costMicros) byProvider[s.provider] = (byProvider[s.provider] ?? 0) + s.costMicros;
    return checkLimits({
      studio,
      providers,
      spent: await this.spent(now),
      adding: { totalMicros: estimate.knownMicros, byProvider },
    });
  }
}

/** The owner's price overrides; a malformed entry is said in plain words (422), not a crash. */
function pricesFrom(dataDir: string): ReturnType<typeof readPriceOverrides> {
  try {
    return readPriceOverrides(dataDir);
  } catch (error) {
    throw new HttpError(
      'provider_not_configured',
      `${error instanceof Error ? error.message : String(error)}. Fix it in this data folder's providers.json (see the providers page).`,
      { setting: 'prices' },
    );
  }
}

function unpricedUnderLimit(groups: ReturnType<typeof unpricedUnderLimits>): HttpError {
  const names = groups.map((g) => `${g.label} (${g.shots} shot${g.shots === 1 ? '' : 's'}, ${g.seconds} s)`);
  return new HttpError(
    'price_unknown_under_limit',
    `A spend limit is set, but ${names.join(' and ')} has no known price, so the limit could not count it. Set its price in this data folder's providers.json ("prices", see the providers page) or lift the limit. Nothing was queued.`,
    {
      models: groups.map((g) => ({
        provider: g.provider,
        model: g.model,
        shots: g.shots,
        seconds: g.seconds,
      })),
    },
  );
}

function overLimit(estimate: EstimateWithLimits): HttpError {
  const first = estimate.breaches[0]!;
  const whose = first.scope === 'studio' ? 'the studio’s' : `${first.provider}’s`;
  const period = first.period === 'day' ? 'daily' : 'monthly';
  return new HttpError(
    'over_spend_limit',
    `This render would cost about ${formatUsd(first.wouldSpendMicros)}, past ${whose} ${period} limit of ${formatUsd(first.limitMicros)}: ${formatUsd(first.remainingMicros)} remains. Nothing was queued.`,
    {
      remainingMicros: Math.min(...estimate.breaches.map((b) => b.remainingMicros)),
      breaches: estimate.breaches,
      estimate: {
        shots: estimate.shots,
        seconds: estimate.seconds,
        knownMicros: estimate.knownMicros,
        unknownShots: estimate.unknownShots,
      },
    },
  );
}
