import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { AssetStore, Db } from '@ministudio/db';
import type { ProjectView } from '@ministudio/domain';
import type { ProviderRegistry } from '@ministudio/providers';
import { EmbeddedEngine, type Engine, type RunJob } from './engines/embedded-engine';
import type { HandlerContext } from './handlers/context';
import { runJobKind } from './handlers/run-job';
import { previewDirOf } from './io/job-preview';
import { createLocalIO } from './io/local-io';
import type { PipelineLog } from './log/pipeline-log';
import { EventLog } from './queue/event-log';
import type { JobRecord } from './queue/job-types';
import { Scheduler, type SchedulerOptions, toJobRecord } from './queue/scheduler';
import { FilmService } from './service/film-service';
import { PlanCache } from './service/plan-cache';
import { providerLookup, RenderService } from './service/render-service';
import { SpeechPreviews } from './service/speech-preview';
import { TakeBook } from './service/take-book';

export interface RenderRuntimeOptions {
  db: Db;
  store: AssetStore;
  dataDir: string;
  providers: ProviderRegistry;
  concurrency: number;
  scheduler: Partial<SchedulerOptions>;
  /** Builds the engine; the default runs jobs in this process. */
  engine: ((scheduler: Scheduler, runLocal: RunJob) => Engine) | null;
  /** The render workers hold the provider keys (Redis mode): the studio cannot check them before queueing. */
  providerKeysOnWorkers: boolean;
  /** Where unexpected errors go (Fastify's pino logger in the studio). */
  log: PipelineLog;
}

export interface RenderRuntime {
  events: EventLog;
  scheduler: Scheduler;
  engine: Engine;
  service: RenderService;
  takes: TakeBook;
  film: FilmService;
  /** A shot's speech mixed on its timeline, for the editor to play under a card that has no take yet. */
  speechPreviews: SpeechPreviews;
  /** Dependencies of a job with their results (for workers). */
  dependenciesOf(job: JobRecord): Promise<JobRecord[]>;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** The render machinery of one studio process: event log, scheduler, engine and the render service. */
export function createRenderRuntime(options: RenderRuntimeOptions): RenderRuntime {
  const { db, store, providers } = options;
  const events = new EventLog();
  const scheduler = new Scheduler(db, events, options.scheduler);
  const workRoot = path.join(options.dataDir, 'tmp', 'jobs');
  const previewDir = previewDirOf(options.dataDir);
  const dependenciesOf = async (job: JobRecord) =>
    (await db.renderJob.findMany({ where: { id: { in: job.dependsOn } } })).map(toJobRecord);
  const runLocal: RunJob = async (job, signal, onProgress) => {
    const { io, dispose } = await createLocalIO(db, store, job.projectId, workRoot, job.id, previewDir);
    try {
      const deps = await dependenciesOf(job);
      const context: HandlerContext = { io, signal, onProgress, providers, deps, onWorker: false };
      return await runJobKind(job, context);
    } finally {
      await dispose();
    }
  };
  const engine = options.engine
    ? options.engine(scheduler, runLocal)
    : new EmbeddedEngine(scheduler, runLocal, options.concurrency, options.log);
  const wake = () => engine.wake();
  const abort = (id: string) => engine.abort(id);
  const lookup = providerLookup(providers, options.providerKeysOnWorkers);
  // One plan cache for the take book (shot states) and the render service (checks, renders).
  const plans = new PlanCache(lookup);
  const plan = (project: ProjectView) => plans.planProject(project);
  const takes = new TakeBook({ db, store, scheduler, events, abort, plan });
  const service = new RenderService({ db, store, scheduler, events, lookup, plan, wake, abort, takes });
  const film = new FilmService({ db, scheduler, wake });
  const speechPreviews = new SpeechPreviews({ db, store, providers, plan, workRoot });
  return {
    events,
    scheduler,
    engine,
    service,
    takes,
    film,
    speechPreviews,
    dependenciesOf,
    async start() {
      // Nothing runs before start: whatever is in the work folder or half-written in the store is debris.
      await rm(path.join(options.dataDir, 'tmp'), { recursive: true, force: true });
      await rm(previewDir, { recursive: true, force: true });
      await store.sweepTemporaryFiles();
      await takes.recoverTakes();
      await engine.start();
    },
    async stop() {
      await engine.stop();
    },
  };
}
