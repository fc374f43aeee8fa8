import { RegionBox } from '@ministudio/domain';
import Type, { type Static } from 'typebox';

// The drift engine's answer, as TypeBox so the API can validate and document it (`GET /api/projects/:id/drift`)
// and the CLI's `--json` prints exactly this shape. Kept here, beside the engine, until the API route needs it
// in the domain.

export const DRIFT_KINDS = ['colour', 'identity', 'layout', 'grade', 'flicker', 'jitter', 'sync'] as const;
export type DriftKind = (typeof DRIFT_KINDS)[number];

const enumOf = <const T extends readonly string[]>(values: T) =>
  Type.Unsafe<T[number]>({ type: 'string', enum: [...values] });

export const DriftFinding = Type.Object({
  kind: enumOf(DRIFT_KINDS),
  /** `cut`: between the end of A and the start of B; `a` / `b`: within that clip. */
  where: enumOf(['cut', 'a', 'b'] as const),
  /** `[x, y, w, h]` in 0..1 of the frame (of A for a cut), or null for the whole frame / no place. */
  box: Type.Union([RegionBox, Type.Null()]),
  value: Type.Number(),
  unit: Type.String(),
  /** The value at which this kind of finding becomes visible. */
  threshold: Type.Number(),
  level: enumOf(['none', 'visible', 'obvious'] as const),
  /** A character key, a set-piece element id, or null. */
  subject: Type.Union([Type.String(), Type.Null()]),
  /** The figure part for a character finding ("outfit", "hair"…), else null. */
  part: Type.Union([Type.String(), Type.Null()]),
  sentence: Type.String(),
  /** For colour and grade: both colours as hex and the CIELCh deltas the sentence's words come from. */
  colours: Type.Optional(
    Type.Object({
      a: Type.String(),
      b: Type.String(),
      lightness: Type.Number(),
      chroma: Type.Number(),
      hue: Type.Number(),
      histogram: Type.Union([Type.Number(), Type.Null()]),
    }),
  ),
  /** Frame numbers the finding is about (within the clip, or of B for a cut), when it is about some frames. */
  frames: Type.Optional(Type.Array(Type.Integer({ minimum: 0 }))),
});
export type DriftFinding = Static<typeof DriftFinding>;

export const DriftReport = Type.Object({ findings: Type.Array(DriftFinding) });
export type DriftReport = Static<typeof DriftReport>;
