// Shapes of the render and provider routes (docs/api.md, "Rendering"), defined once in the domain
// package; the editor only adds the shapes of its event stream.
import type { JobStatus, JobSummary, TakeStatus } from '@ministudio/domain';

export type {
  JobError,
  JobKind,
  JobStatus,
  JobSummary,
  ProviderDescription,
  ProviderSetting,
  RenderStart,
  ShotCheck,
  ShotState,
  TakeStatus,
  TakeView,
  Violation,
  Waveform,
} from '@ministudio/domain';

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
