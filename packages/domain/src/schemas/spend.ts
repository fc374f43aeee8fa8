import Type, { type Static } from 'typebox';
import { Nullable } from './helpers';

// Money is integer micro-dollars (1 USD = 1,000,000) in every field named *Micros.

const Micros = Type.Integer({ minimum: 0, description: 'Integer micro-dollars (1 USD = 1,000,000)' });

export const ModelPriceSchema = Type.Object({
  microsPerSecond: Micros,
  source: Type.String({ description: 'The provider’s own pricing page, "self-hosted", or "providers.json"' }),
  readOn: Type.String({ description: 'YYYY-MM-DD the source was read' }),
  note: Type.Optional(Type.String()),
});

export const RenderEstimateSchema = Type.Object({
  shots: Type.Integer({ minimum: 0, description: 'Shots rendered anew' }),
  cachedShots: Type.Integer({
    minimum: 0,
    description: 'Shots whose identical take exists: they cost nothing',
  }),
  seconds: Type.Number({ minimum: 0 }),
  knownMicros: Micros,
  unknownShots: Type.Integer({ minimum: 0, description: 'New shots on a model with no published price' }),
  groups: Type.Array(
    Type.Object({
      provider: Type.String(),
      model: Type.String(),
      label: Type.String(),
      shots: Type.Integer({ minimum: 0 }),
      seconds: Type.Number({ minimum: 0 }),
      costMicros: Nullable(Micros),
      price: Nullable(ModelPriceSchema),
    }),
  ),
  perShot: Type.Array(
    Type.Object({
      shotId: Type.String(),
      provider: Type.String(),
      model: Type.String(),
      seconds: Type.Number({ minimum: 0 }),
      cached: Type.Boolean(),
      costMicros: Nullable(Micros),
    }),
  ),
  /** Limits this render would pass: empty when it fits. */
  breaches: Type.Array(
    Type.Object({
      scope: Type.Union([Type.Literal('studio'), Type.Literal('provider')]),
      provider: Nullable(Type.String()),
      period: Type.Union([Type.Literal('day'), Type.Literal('month')]),
      limitMicros: Micros,
      spentMicros: Micros,
      remainingMicros: Micros,
      wouldSpendMicros: Micros,
    }),
  ),
});
export type RenderEstimateResponse = Static<typeof RenderEstimateSchema>;

// Up to a billion dollars: beyond it a limit means nothing, and the column is a 64-bit integer.
const LimitMicros = Type.Integer({
  minimum: 0,
  maximum: 1_000_000_000_000_000,
  description: 'Integer micro-dollars (1 USD = 1,000,000)',
});

export const SpendLimitsBody = Type.Object(
  { dailyMicros: Nullable(LimitMicros), monthlyMicros: Nullable(LimitMicros) },
  { additionalProperties: false },
);
export type SpendLimitsBody = Static<typeof SpendLimitsBody>;

const PeriodSpendSchema = Type.Object({ dayMicros: Micros, monthMicros: Micros });

export const SpendLimitsView = Type.Object({
  studio: Type.Object({
    dailyMicros: Nullable(Micros),
    monthlyMicros: Nullable(Micros),
    spent: PeriodSpendSchema,
  }),
  providers: Type.Array(
    Type.Object({
      provider: Type.String(),
      dailyMicros: Nullable(Micros),
      monthlyMicros: Nullable(Micros),
      spent: PeriodSpendSchema,
    }),
  ),
  periods: Type.Object({ dayStart: Type.String(), monthStart: Type.String() }),
});
export type SpendLimitsView = Static<typeof SpendLimitsView>;

export const ProjectSpend = Type.Object({
  totalMicros: Micros,
  /** Takes on a model with no published price: their cost is not in totalMicros. */
  unknownTakes: Type.Integer({ minimum: 0 }),
  takes: Type.Array(
    Type.Object({
      takeId: Type.String(),
      provider: Type.String(),
      model: Type.String(),
      seconds: Type.Number({ minimum: 0 }),
      costMicros: Nullable(Micros),
      createdAt: Type.String(),
    }),
  ),
});
export type ProjectSpend = Static<typeof ProjectSpend>;
