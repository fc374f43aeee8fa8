export { EmbeddedEngine, type Engine, type RunJob } from './engines/embedded-engine';
export { deliveryId, QUEUE_NAME, RedisEngine, redisConnection } from './engines/redis-engine';
export { type RemoteWorkerOptions, startRemoteWorker } from './engines/remote-worker';
export type { HandlerContext } from './handlers/context';
export { filmCues } from './handlers/film';
export type * from './handlers/payloads';
export { runJobKind } from './handlers/run-job';
export { placeSpeech } from './handlers/speech-track';
export { createHttpIO, type StudioClient } from './io/http-io';
export type { JobIO, OutputMeta, StoredFile } from './io/job-io';
export {
  isJpeg,
  PREVIEW_MAX_BYTES,
  previewDirOf,
  readJobPreview,
  removeJobPreview,
  writeJobPreview,
} from './io/job-preview';
export { createLocalIO, storeFile } from './io/local-io';
export { jobContext, type PipelineLog, SILENT_LOG } from './log/pipeline-log';
export { EventLog, type StudioEvent } from './queue/event-log';
export { jobSummary } from './queue/job-summary';
export * from './queue/job-types';
export { DEFAULT_RETRY_POLICY, type RetryPolicy, retryDelaySeconds } from './queue/retry-policy';
export { jobSignal, toFailure } from './queue/run-context';
export { Scheduler, type SchedulerOptions, toJobRecord } from './queue/scheduler';
export { createRenderRuntime, type RenderRuntime, type RenderRuntimeOptions } from './runtime';
export { FilmService } from './service/film-service';
export { PlanCache } from './service/plan-cache';
export {
  estimatedSpeechShotSeconds,
  PIPELINE_VERSION,
  type ProviderLookup,
  parseProviderChoice,
  planProject,
  planShot,
  type ShotPlan,
  speechCacheKey,
} from './service/plan-shot';
export { productionView } from './service/production-view';
export { RenderRefused } from './service/render-refused';
export {
  providerLookup,
  type RenderSelection,
  RenderService,
  type ShotOutcome,
} from './service/render-service';
export { type SpeechPreviewFile, SpeechPreviews, speechPreviewKey } from './service/speech-preview';
export { TakeBook } from './service/take-book';
export { assetUrl, readTakeAssets, type TakeAssets } from './service/takes';
