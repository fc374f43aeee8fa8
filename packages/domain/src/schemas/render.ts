import Type, { type Static } from 'typebox';
import type { VideoCapabilities } from '../providers';
import type { DriftEvent } from './drift';
import { Nullable, StringEnum } from './helpers';

// The render and provider routes' shapes (docs/api.md, "Rendering"): one definition for the API's
// response schemas, the pipeline and the editor.

export const JOB_KINDS = ['speech', 'picture', 'conform', 'fit', 'previews', 'film'] as const;
export type JobKind = (typeof JOB_KINDS)[number];

export const JOB_STATUSES = ['queued', 'running', 'succeeded', 'failed', 'cancelled'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

export const TAKE_STATUSES = ['rendering', 'succeeded', 'failed', 'cancelled'] as const;
export type TakeStatus = (typeof TAKE_STATUSES)[number];

export const JobError = Type.Object({ code: Type.String(), message: Type.String(), advice: Type.String() });
export type JobError = Static<typeof JobError>;

export const JobSummary = Type.Object({
  id: Type.String(),
  kind: StringEnum(JOB_KINDS),
  shotId: Nullable(Type.String()),
  takeId: Nullable(Type.String()),
  status: StringEnum(JOB_STATUSES),
  progress: Type.Number({ minimum: 0, maximum: 1 }),
  /** The progress is the studio's estimate from elapsed time: the provider reports none. */
  progressEstimated: Type.Boolean(),
  attempts: Type.Integer(),
  maxAttempts: Type.Integer(),
  error: Nullable(JobError),
  createdAt: Type.String(),
  startedAt: Nullable(Type.String()),
  finishedAt: Nullable(Type.String()),
});
export type JobSummary = Static<typeof JobSummary>;

// The payloads of the project event stream (`GET /api/projects/:id/events`), typed once for the pipeline
// that publishes them, the API that streams them and the editor that reads them.

/** `event: job` on a progress tick: only what a tick changes. A status change carries the whole JobSummary. */
export interface JobProgressEvent {
  id: string;
  kind: JobKind;
  shotId: string | null;
  status: 'running';
  progress: number;
  progressEstimated: boolean;
}
export type JobEvent = JobSummary | JobProgressEvent;

/** `event: take`: a take started, finished, failed or was cancelled, chosen or deleted. */
export interface TakeEvent {
  id: string;
  shotId: string;
  status: TakeStatus;
  number?: number;
  /** Why a take failed or was cancelled: the error of the job that ended it. */
  error?: { code: string; message: string } | null;
}

/** `event: film`: the film job of the project changed status. */
export interface FilmEvent {
  jobId: string;
  status: JobStatus;
}

export interface StudioEventPayloads {
  job: JobEvent;
  take: TakeEvent;
  film: FilmEvent;
  /** A drift review job's progress (`POST /api/projects/:id/drift`). */
  drift: DriftEvent;
}
export type StudioEventType = keyof StudioEventPayloads;

export const TakeUrls = Type.Object({
  video: Nullable(Type.String()),
  proxy: Nullable(Type.String()),
  poster: Nullable(Type.String()),
  filmstrip: Nullable(Type.String()),
  waveform: Nullable(Type.String()),
  /** The take's frame regions (TakeRegions): only the local animatic writes them. */
  regionsUrl: Nullable(Type.String()),
});

export const TakeView = Type.Object({
  id: Type.String(),
  shotId: Type.String(),
  number: Type.Integer(),
  status: StringEnum(TAKE_STATUSES),
  inputHash: Type.String(),
  prompt: Type.String(),
  seed: Nullable(Type.Integer()),
  seedApplied: Type.Boolean(),
  provider: Type.String(),
  model: Type.String(),
  durationSeconds: Nullable(Type.Number()),
  pinned: Type.Boolean(),
  chosen: Type.Boolean(),
  /** The shot changed since this take was rendered. */
  stale: Type.Boolean(),
  notes: Type.Array(Type.String()),
  createdAt: Type.String(),
  urls: TakeUrls,
});
export type TakeView = Static<typeof TakeView>;

export const ShotState = Type.Object({
  shotId: Type.String(),
  chosenTakeId: Nullable(Type.String()),
  status: Nullable(StringEnum(TAKE_STATUSES)),
  stale: Type.Boolean(),
  posterUrl: Nullable(Type.String()),
  /** The chosen take's media, for the timeline's filmstrip and waveform and the whole-film player. */
  videoUrl: Nullable(Type.String()),
  filmstripUrl: Nullable(Type.String()),
  waveformUrl: Nullable(Type.String()),
  /** How long the chosen take really is (a shot that follows its speech learns its length from it). */
  durationSeconds: Nullable(Type.Number()),
});
export type ShotState = Static<typeof ShotState>;

export const Violation = Type.Object({
  /** Machine id of the broken constraint, e.g. 'duration', 'references_with_first_frame'. */
  constraint: Type.String(),
  /** The shot field it concerns: duration, continuity, seed, references, prompt, size, provider. */
  field: Type.String(),
  message: Type.String(),
  fix: Type.String(),
});
export type Violation = Static<typeof Violation>;

export const ShotCheck = Type.Object({
  shotId: Type.String(),
  violations: Type.Array(Violation),
  notes: Type.Array(Type.String()),
});
export type ShotCheck = Static<typeof ShotCheck>;

export const RenderOutcome = StringEnum(['queued', 'cached', 'rendering'] as const);

export const RenderStart = Type.Object({
  jobs: Type.Array(JobSummary),
  shots: Type.Array(Type.Object({ shotId: Type.String(), takeId: Type.String(), outcome: RenderOutcome })),
});
export type RenderStart = Static<typeof RenderStart>;

export const RenderBody = Type.Object(
  {
    sceneIds: Type.Optional(Type.Array(Type.String(), { maxItems: 500 })),
    shotIds: Type.Optional(Type.Array(Type.String(), { maxItems: 5000 })),
  },
  { additionalProperties: false },
);
export type RenderBody = Static<typeof RenderBody>;

export const ProviderSetting = Type.Object({
  name: Type.String(),
  set: Type.Boolean(),
  secret: Type.Boolean(),
  /** Where the value comes from: the environment wins over providers.json. */
  source: Type.Optional(Type.Union([Type.Literal('env'), Type.Literal('file'), Type.Null()])),
  /** A secret's last four characters ("…abcd"), only when it is at least 12 long; never the value. */
  hint: Type.Optional(Type.Union([Type.String(), Type.Null()])),
});
export type ProviderSetting = Static<typeof ProviderSetting>;

/** Where this studio reads provider settings from a file, and what such a file looks like. Never a value. */
export const ProviderSettingsFile = Type.Object({
  /** The absolute path of providers.json in this studio's data folder. */
  path: Type.String(),
  exists: Type.Boolean(),
  /** A providers.json with every setting name and placeholder values. */
  example: Type.String(),
  /** Names the file sets (values are never sent). */
  namesSet: Type.Array(Type.String()),
});
export type ProviderSettingsFile = Static<typeof ProviderSettingsFile>;

/** Settings the owner writes to providers.json: a value sets a name, null removes it. */
export const ProviderSettingsUpdate = Type.Object(
  {
    values: Type.Record(
      Type.String({ pattern: '^[A-Z][A-Z0-9_]*$', maxLength: 64 }),
      Type.Union([Type.String({ minLength: 1, maxLength: 8192 }), Type.Null()]),
    ),
  },
  { additionalProperties: false },
);
export type ProviderSettingsUpdate = Static<typeof ProviderSettingsUpdate>;

/** What one cheap authenticated call to a provider found, in plain words (never a key). */
export const ConnectionTest = Type.Object({
  ok: Type.Boolean(),
  message: Type.String(),
});
export type ConnectionTest = Static<typeof ConnectionTest>;

/** What the editor may know of a provider: names and booleans, never a key's value. */
export const ProviderDescription = Type.Object({
  id: Type.String(),
  label: Type.String(),
  kind: StringEnum(['video', 'speech'] as const),
  configured: Type.Boolean(),
  // Any JSON: capability tables are typed in providers.ts and grow without a schema change here.
  models: Type.Array(Type.Unsafe<VideoCapabilities>({})),
  settings: Type.Array(ProviderSetting),
  /** What must be set, as alternatives: [["GEMINI_API_KEY"]]; [] = nothing (built in). */
  required: Type.Array(Type.Array(Type.String())),
});
export type ProviderDescription = Static<typeof ProviderDescription>;

/** After a write: the providers as they now are, and the names the environment still overrides. */
export const ProviderSettingsWritten = Type.Object({
  providers: Type.Array(ProviderDescription),
  /** Names written to the file that the studio's environment also sets: the environment's value is used. */
  environmentWins: Type.Array(Type.String()),
});
export type ProviderSettingsWritten = Static<typeof ProviderSettingsWritten>;

export interface Waveform {
  peaksPerSecond: number;
  durationSeconds: number;
  peaks: number[];
}
