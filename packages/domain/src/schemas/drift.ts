import Type, { type Static } from 'typebox';
import { RegionBox } from './frame-regions';
import { Nullable, StringEnum } from './helpers';

// Drift review's shapes: the engine's finding (packages/drift computes it, `pnpm drift --json` prints it) and
// the project report the API answers at `GET /api/projects/:id/drift` (docs/api.md, "Drift"), which the
// editor's Review view reads. One definition for the engine, the API and the editor.

export const DRIFT_KINDS = ['colour', 'identity', 'layout', 'grade', 'flicker', 'jitter', 'sync'] as const;
export type DriftKind = (typeof DRIFT_KINDS)[number];

export const DRIFT_LEVELS = ['none', 'visible', 'obvious'] as const;
export type DriftLevel = (typeof DRIFT_LEVELS)[number];

export const DriftFinding = Type.Object({
  kind: StringEnum(DRIFT_KINDS),
  /** `cut`: between the end of A and the start of B; `a` / `b`: within that clip. */
  where: StringEnum(['cut', 'a', 'b'] as const),
  /** `[x, y, w, h]` in 0..1 of the frame (of A for a cut), or null for the whole frame / no place. */
  box: Nullable(RegionBox),
  value: Type.Number(),
  unit: Type.String(),
  /** The value at which this kind of finding becomes visible. */
  threshold: Type.Number(),
  /** `visible`: side by side; `obvious`: in playback. */
  level: StringEnum(DRIFT_LEVELS),
  /** A character key, a set-piece element id, or null. */
  subject: Nullable(Type.String()),
  /** The figure part for a character finding ("outfit", "hair"…), else null. */
  part: Nullable(Type.String()),
  sentence: Type.String(),
  /** For colour and grade: both colours as hex and the CIELCh deltas the sentence's words come from. */
  colours: Type.Optional(
    Type.Object({
      a: Type.String(),
      b: Type.String(),
      lightness: Type.Number(),
      chroma: Type.Number(),
      hue: Type.Number(),
      histogram: Nullable(Type.Number()),
    }),
  ),
  /** Frame numbers the finding is about (within the clip, or of B for a cut), when it is about some frames. */
  frames: Type.Optional(Type.Array(Type.Integer({ minimum: 0 }))),
});
export type DriftFinding = Static<typeof DriftFinding>;

/** `pnpm drift A.mp4 B.mp4 --json` (and `--project ID --json`): every finding, flat. */
export const DriftReport = Type.Object({ findings: Type.Array(DriftFinding) });
export type DriftReport = Static<typeof DriftReport>;

/**
 * A finding in a project's report: the engine's finding plus which chosen takes it concerns.
 * - cut: `shotId`/`takeId` are the shot after the cut (B), `againstShotId`/`againstTakeId` the shot before (A);
 *   the finding's `box` is in A's frame.
 * - shot (within): `shotId`/`takeId` the shot; `against*` null.
 * - appearance: `shotId`/`takeId` the later appearance, `against*` the character's first appearance.
 */
export const ProjectDriftFinding = Type.Intersect([
  DriftFinding,
  Type.Object({
    /**
     * Unique and stable within the report: `<section>:<shotId>:<againstShotId>:<where>:<kind>:<subject>:<part>`, with `#2`, `#3`…
     * when one list has several with that stem (two grade findings at a cut). Dismissals use kind/subject/part.
     */
    id: Type.String(),
    shotId: Type.String(),
    takeId: Type.String(),
    againstShotId: Nullable(Type.String()),
    againstTakeId: Nullable(Type.String()),
    /** A PNG (block ΔE00 map of the two frames, red = changed) via /api/assets/:id, when there is a block map. */
    heatmapUrl: Nullable(Type.String()),
    /** Accepted as intended for this take (`POST /api/takes/:id/drift-dismissals`); its level still shows. */
    dismissed: Type.Boolean(),
  }),
]);
export type ProjectDriftFinding = Static<typeof ProjectDriftFinding>;

export const DriftShotReport = Type.Object({
  shotId: Type.String(),
  takeId: Type.String(),
  /** "Shot 3" — film order, 1-based. */
  label: Type.String(),
  /** The worst level among the shot's own (within-shot) findings that are not dismissed. */
  worst: StringEnum(DRIFT_LEVELS),
  findings: Type.Array(ProjectDriftFinding),
});
export type DriftShotReport = Static<typeof DriftShotReport>;

export const DriftCutReport = Type.Object({
  fromShotId: Type.String(),
  fromTakeId: Type.String(),
  toShotId: Type.String(),
  toTakeId: Type.String(),
  worst: StringEnum(DRIFT_LEVELS),
  /** The whole cut's block ΔE00 map (last frames of A against first frames of B, registered), PNG. */
  heatmapUrl: Nullable(Type.String()),
  findings: Type.Array(ProjectDriftFinding),
});
export type DriftCutReport = Static<typeof DriftCutReport>;

export const DriftAppearance = Type.Object({
  shotId: Type.String(),
  takeId: Type.String(),
  worst: StringEnum(DRIFT_LEVELS),
  findings: Type.Array(ProjectDriftFinding),
});

export const DriftCharacterReport = Type.Object({
  /** The character's key in the production. */
  key: Type.String(),
  name: Type.String(),
  firstShotId: Type.String(),
  firstTakeId: Type.String(),
  /** Later appearances (not the shot right after the first: that is a cut) against the first one. */
  appearances: Type.Array(DriftAppearance),
});
export type DriftCharacterReport = Static<typeof DriftCharacterReport>;

/** `GET /api/projects/:id/drift`. */
export const ProjectDriftReport = Type.Object({
  projectId: Type.String(),
  /** The job that computed it (the id `POST /api/projects/:id/drift` answered). */
  jobId: Type.String(),
  computedAt: Type.String(),
  /** The chosen takes changed since this report was computed: run it again. */
  stale: Type.Boolean(),
  /** The worst level anywhere (not dismissed). */
  worst: StringEnum(DRIFT_LEVELS),
  /** The chosen takes in film order. */
  shots: Type.Array(DriftShotReport),
  cuts: Type.Array(DriftCutReport),
  characters: Type.Array(DriftCharacterReport),
  /** What the run measured afresh and what it reused (re-running after one shot changed recomputes little). */
  work: Type.Object({
    clipsAnalysed: Type.Integer(),
    clipsReused: Type.Integer(),
    pairsCompared: Type.Integer(),
    pairsReused: Type.Integer(),
    seconds: Type.Number(),
  }),
});
export type ProjectDriftReport = Static<typeof ProjectDriftReport>;

/** `POST /api/projects/:id/drift` → 202. */
export const DriftJobAccepted = Type.Object({ jobId: Type.String() });
export type DriftJobAccepted = Static<typeof DriftJobAccepted>;

/** `POST /api/takes/:id/drift-dismissals`: a finding accepted as intended for that take. */
export const DriftDismissalInput = Type.Object({
  kind: StringEnum(DRIFT_KINDS),
  subject: Nullable(Type.String({ maxLength: 200 })),
  part: Nullable(Type.String({ maxLength: 100 })),
});
export type DriftDismissalInput = Static<typeof DriftDismissalInput>;

/** `event: drift` on the project's event stream: a drift job's progress and end. */
export interface DriftEvent {
  jobId: string;
  status: 'running' | 'succeeded' | 'failed';
  progress: number;
  /** What it is doing ("Measuring shot 3 of 8"), or why it failed. */
  message: string;
}
