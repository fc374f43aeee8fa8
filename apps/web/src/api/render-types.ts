import type { VideoCapabilities } from '@ministudio/domain';

// Shapes of the render and provider routes (docs/api.md, "Rendering"). The server declares them in
// apps/api, not in the domain package, so the editor keeps its own copy of what it reads.

export type JobKind = 'speech' | 'picture' | 'conform' | 'fit' | 'previews' | 'film';
export type JobStatus = 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';

export interface JobError {
  code: string;
  message: string;
  advice: string;
}

export interface JobSummary {
  id: string;
  kind: JobKind;
  shotId: string | null;
  takeId: string | null;
  status: JobStatus;
  progress: number;
  attempts: number;
  maxAttempts: number;
  error: JobError | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

/** What an `event: job` carries: a whole job on a status change, only id/kind/shot/status/progress on a tick. */
export type JobEvent = Pick<JobSummary, 'id' | 'kind' | 'status' | 'progress'> &
  Partial<Omit<JobSummary, 'id' | 'kind' | 'status' | 'progress'>>;

export interface TakeEvent {
  id: string;
  shotId: string;
  status: TakeStatus;
}

export interface FilmEvent {
  jobId: string;
  status: JobStatus;
}

export type TakeStatus = 'rendering' | 'succeeded' | 'failed' | 'cancelled';

export interface TakeView {
  id: string;
  shotId: string;
  number: number;
  status: TakeStatus;
  inputHash: string;
  prompt: string;
  seed: number | null;
  seedApplied: boolean;
  provider: string;
  model: string;
  durationSeconds: number | null;
  pinned: boolean;
  chosen: boolean;
  stale: boolean;
  notes: string[];
  createdAt: string;
  urls: {
    video: string | null;
    proxy: string | null;
    poster: string | null;
    filmstrip: string | null;
    waveform: string | null;
  };
}

export interface ShotState {
  shotId: string;
  chosenTakeId: string | null;
  status: TakeStatus | null;
  stale: boolean;
}

/** The shot field a violation concerns, so the editor can show it next to that field. */
export type ViolationField =
  | 'duration'
  | 'continuity'
  | 'seed'
  | 'references'
  | 'prompt'
  | 'size'
  | 'provider'
  | (string & {});

export interface Violation {
  constraint: string;
  field: ViolationField;
  message: string;
  fix: string;
}

export interface ShotCheck {
  shotId: string;
  violations: Violation[];
  notes: string[];
}

export interface RenderStart {
  jobs: JobSummary[];
  shots: { shotId: string; takeId: string; outcome: 'queued' | 'cached' | 'rendering' }[];
}

export interface ProviderSetting {
  name: string;
  set: boolean;
  secret: boolean;
}

export interface ProviderDescription {
  id: string;
  label: string;
  kind: 'video' | 'speech';
  configured: boolean;
  models: VideoCapabilities[];
  settings: ProviderSetting[];
  required: string[][];
}

export interface Waveform {
  peaksPerSecond: number;
  durationSeconds: number;
  peaks: number[];
}
