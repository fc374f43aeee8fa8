import { createHash, randomUUID } from 'node:crypto';
import type { AssetStore, Db } from '@ministudio/db';
import type {
  ProjectView,
  ShotState,
  ShotView,
  TakeStatus,
  TakeView,
  VideoCapabilities,
} from '@ministudio/domain';
import type { ProviderRegistry, Violation } from '@ministudio/providers';
import type {
  ConformOutput,
  FilmPayload,
  FitOutput,
  PictureOutput,
  PicturePayload,
  PreviewsOutput,
} from '../handlers/payloads';
import type { EventLog } from '../queue/event-log';
import type { JobRecord, JobSpec } from '../queue/job-types';
import { type Scheduler, toJobRecord } from '../queue/scheduler';
import { type ProviderLookup, parseProviderChoice, planShot, type ShotPlan } from './plan-shot';
import { ownedAssetIds, readTakeAssets, type TakeAssets, takeView } from './takes';

export class RenderRefused extends Error {
  constructor(
    readonly code: 'unsupported_by_provider' | 'not_ready' | 'not_found',
    message: string,
    readonly details: unknown,
  ) {
    super(message);
  }
}

export interface RenderSelection {
  sceneIds?: string[];
  shotIds?: string[];
}

export interface ShotOutcome {
  shotId: string;
  takeId: string;
  /** queued: new jobs; cached: an identical take exists; rendering: an identical take is already on its way. */
  outcome: 'queued' | 'cached' | 'rendering';
}

export interface RenderServiceDeps {
  db: Db;
  store: AssetStore;
  scheduler: Scheduler;
  events: EventLog;
  providers: ProviderRegistry;
  /** Tells the engine there is new work. */
  wake: () => void;
  /** Stops a running job at once. */
  abort: (jobId: string) => void;
}

const MAX_ATTEMPTS: Record<string, number> = {
  speech: 4,
  picture: 4,
  conform: 2,
  fit: 2,
  previews: 2,
  film: 2,
};

export function providerLookup(registry: ProviderRegistry): ProviderLookup {
  return {
    capabilities(provider, model): VideoCapabilities | null {
      const models = registry.video(provider)?.models() ?? [];
      return (model ? models.find((m) => m.model === model) : models[0]) ?? null;
    },
  };
}

/** Turns "render" and "make the film" into takes and jobs, and takes finished jobs back into takes. */
export class RenderService {
  private readonly lookup: ProviderLookup;

  constructor(private readonly deps: RenderServiceDeps) {
    this.lookup = providerLookup(deps.providers);
    deps.scheduler.onFinished((job) => this.onJobFinished(job));
  }

  plan(project: ProjectView): Map<string, ShotPlan> {
    const plans = new Map<string, ShotPlan>();
    for (const scene of project.scenes) {
      for (const shot of scene.shots) plans.set(shot.id, planShot(project, scene, shot, this.lookup));
    }
    return plans;
  }

  /** Checks the selected shots against their providers without rendering. */
  check(
    project: ProjectView,
    selection: RenderSelection,
  ): { shotId: string; violations: Violation[]; notes: string[] }[] {
    const plans = this.plan(project);
    return this.select(project, selection).map((shot) => {
      const plan = plans.get(shot.id)!;
      return { shotId: shot.id, violations: plan.violations, notes: plan.notes };
    });
  }

  async render(
    project: ProjectView,
    selection: RenderSelection,
  ): Promise<{ jobs: JobRecord[]; shots: ShotOutcome[] }> {
    const shots = this.select(project, selection);
    const plans = this.plan(project);
    const refused = shots
      .map((shot) => ({ shotId: shot.id, violations: plans.get(shot.id)!.violations }))
      .filter((s) => s.violations.length > 0);
    if (refused.length) {
      const first = refused[0]!.violations[0]!;
      throw new RenderRefused('unsupported_by_provider', `${first.message} ${first.fix}`, { shots: refused });
    }
    const jobs: JobRecord[] = [];
    const outcomes: ShotOutcome[] = [];
    // Fit jobs queued in this batch, by shot: a shot continuing from the previous one waits for it.
    const fitJobs = new Map<string, string>();
    const ordered = project.scenes.flatMap((scene) => scene.shots);
    for (const shot of shots) {
      const plan = plans.get(shot.id)!;
      const previous = ordered[ordered.findIndex((s) => s.id === shot.id) - 1] ?? null;
      const { outcome, jobs: queued } = await this.renderShot(project.id, plan, previous, fitJobs);
      jobs.push(...queued);
      outcomes.push(outcome);
      const fit = queued.find((job) => job.kind === 'fit');
      if (fit) fitJobs.set(shot.id, fit.id);
    }
    if (jobs.length) this.deps.wake();
    return { jobs, shots: outcomes };
  }

  private select(project: ProjectView, selection: RenderSelection): ShotView[] {
    const all = project.scenes.flatMap((scene) => scene.shots.map((shot) => ({ scene, shot })));
    const unknown = [
      ...(selection.sceneIds ?? []).filter((id) => !project.scenes.some((s) => s.id === id)),
      ...(selection.shotIds ?? []).filter((id) => !all.some((s) => s.shot.id === id)),
    ];
    if (unknown.length)
      throw new RenderRefused('not_found', `Not in this project: ${unknown.join(', ')}`, { ids: unknown });
    if (!selection.sceneIds?.length && !selection.shotIds?.length) return all.map((s) => s.shot);
    return all
      .filter((s) => selection.sceneIds?.includes(s.scene.id) || selection.shotIds?.includes(s.shot.id))
      .map((s) => s.shot);
  }

  private async renderShot(
    projectId: string,
    plan: ShotPlan,
    previous: ShotView | null,
    fitJobs: Map<string, string>,
  ): Promise<{ outcome: ShotOutcome; jobs: JobRecord[] }> {
    const { db } = this.deps;
    const shotId = plan.shot.id;
    // One transaction decides: reuse an identical take, join one in progress, or start a new one.
    const decision = await db.$transaction(async (tx) => {
      const same = await tx.take.findFirst({
        where: { shotId, inputHash: plan.inputHash, status: { in: ['succeeded', 'rendering'] } },
        orderBy: { number: 'desc' },
      });
      if (same) return { take: same, created: false };
      const last = await tx.take.findFirst({
        where: { shotId },
        orderBy: { number: 'desc' },
        select: { number: true },
      });
      const take = await tx.take.create({
        data: {
          id: randomUUID(),
          shotId,
          number: (last?.number ?? 0) + 1,
          status: 'rendering',
          inputHash: plan.inputHash,
          prompt: plan.picture.prompt,
          seed: plan.picture.seed,
          seedApplied: false,
          provider: plan.provider,
          model: plan.model,
          notes: JSON.stringify(plan.notes),
        },
      });
      return { take, created: true };
    });
    const { take } = decision;
    if (!decision.created) {
      if (take.status === 'succeeded') await this.choose(shotId, take.id, false);
      return {
        outcome: { shotId, takeId: take.id, outcome: take.status === 'succeeded' ? 'cached' : 'rendering' },
        jobs: [],
      };
    }
    let firstFrameFrom: PicturePayload['firstFrameFrom'] = null;
    const after: string[] = [];
    if (plan.chained && previous) {
      const queuedFit = fitJobs.get(previous.id);
      if (queuedFit) {
        firstFrameFrom = { fitJob: queuedFit };
        after.push(queuedFit);
      } else if (previous.chosenTakeId) {
        const chosen = await db.take.findUnique({ where: { id: previous.chosenTakeId } });
        const video = chosen ? readTakeAssets(chosen).video : undefined;
        if (video) firstFrameFrom = { assetId: video };
      }
    }
    const common = { shotId, takeId: take.id, dedupeKey: null };
    const speech: JobSpec[] = plan.lines.map((line, i) => ({
      ...common,
      ref: `speech-${i}`,
      kind: 'speech',
      payload: line.payload,
      after: [],
      maxAttempts: MAX_ATTEMPTS.speech!,
    }));
    // Speech job ids are assigned by the scheduler; the picture job finds them among its dependencies in this order.
    const specs: JobSpec[] = [
      ...speech,
      {
        ...common,
        ref: 'picture',
        kind: 'picture',
        payload: { ...plan.picture, takeId: take.id, speechJobs: speech.map((s) => s.ref), firstFrameFrom },
        after: [...speech.map((s) => s.ref), ...after],
        maxAttempts: MAX_ATTEMPTS.picture!,
      },
      {
        ...common,
        ref: 'conform',
        kind: 'conform',
        payload: {
          house: {
            width: plan.picture.width,
            height: plan.picture.height,
            fps: plan.picture.fps,
            fitMode: await this.fitMode(projectId),
          },
        },
        after: ['picture'],
        maxAttempts: MAX_ATTEMPTS.conform!,
      },
      {
        ...common,
        ref: 'fit',
        kind: 'fit',
        payload: { policy: plan.shot.audioFit },
        after: ['picture', 'conform'],
        maxAttempts: MAX_ATTEMPTS.fit!,
      },
      {
        ...common,
        ref: 'previews',
        kind: 'previews',
        payload: {},
        after: ['fit'],
        maxAttempts: MAX_ATTEMPTS.previews!,
      },
    ];
    const jobs = await this.deps.scheduler.enqueue(projectId, specs);
    // The picture payload named its speech jobs by ref; now that they have ids, record them.
    const picture = jobs.find((j) => j.kind === 'picture')!;
    const speechIds = jobs.filter((j) => j.kind === 'speech').map((j) => j.id);
    await db.renderJob.update({
      where: { id: picture.id },
      data: { payload: JSON.stringify({ ...(picture.payload as PicturePayload), speechJobs: speechIds }) },
    });
    this.deps.events.publish('take', projectId, {
      id: take.id,
      shotId,
      status: 'rendering',
      number: take.number,
    });
    return { outcome: { shotId, takeId: take.id, outcome: 'queued' }, jobs };
  }

  private async fitMode(projectId: string): Promise<'letterbox' | 'crop'> {
    const project = await this.deps.db.project.findUniqueOrThrow({
      where: { id: projectId },
      select: { fitMode: true },
    });
    return project.fitMode === 'crop' ? 'crop' : 'letterbox';
  }

  /** Makes a take the shot's chosen one, unless a pinned take holds the place (`force` overrides). */
  async choose(shotId: string, takeId: string, force: boolean): Promise<void> {
    const { db } = this.deps;
    const shot = await db.shot.findUnique({ where: { id: shotId }, select: { chosenTakeId: true } });
    if (!shot) return;
    if (!force && shot.chosenTakeId && shot.chosenTakeId !== takeId) {
      const current = await db.take.findUnique({
        where: { id: shot.chosenTakeId },
        select: { pinned: true, status: true },
      });
      if (current?.pinned && current.status === 'succeeded') return;
    }
    await db.shot.update({ where: { id: shotId }, data: { chosenTakeId: takeId } });
  }

  private async onJobFinished(job: JobRecord): Promise<void> {
    if (job.kind === 'film') {
      this.deps.events.publish('film', job.projectId, { jobId: job.id, status: job.status });
      return;
    }
    if (!job.takeId || !job.shotId) return;
    const { db } = this.deps;
    const take = await db.take.findUnique({ where: { id: job.takeId } });
    if (!take || take.status !== 'rendering') return;
    if (job.status === 'succeeded' && job.kind === 'previews') {
      const results = await db.renderJob.findMany({ where: { takeId: take.id, status: 'succeeded' } });
      const of = <T>(kind: string) => JSON.parse(results.find((r) => r.kind === kind)!.result) as T;
      const picture = of<PictureOutput>('picture');
      const conformed = of<ConformOutput>('conform');
      const fit = of<FitOutput>('fit');
      const previews = of<PreviewsOutput>('previews');
      const assets: TakeAssets = {
        raw: picture.assetId,
        conformed: conformed.assetId,
        video: fit.assetId,
        speechTrack: picture.speechTrackAssetId,
        ...previews,
        lines: picture.lines,
      };
      const notes = [...(JSON.parse(take.notes) as string[]), ...picture.notes];
      if (fit.applied !== 'none') notes.push(`Speech fitted to picture: ${fit.applied.replace('-', ' ')}.`);
      if (fit.retimedFromSeconds !== null) {
        notes.push(
          `The provider made ${Number(fit.retimedFromSeconds.toFixed(2))} s; the picture was fitted to the shot's ${Number(fit.durationSeconds.toFixed(2))} s.`,
        );
      }
      const done = await db.take.updateMany({
        where: { id: take.id, status: 'rendering' },
        data: {
          status: 'succeeded',
          durationSeconds: fit.durationSeconds,
          seedApplied: picture.seedApplied,
          model: picture.model,
          notes: JSON.stringify([...new Set(notes)]),
          assets: JSON.stringify(assets),
        },
      });
      if (done.count) {
        await this.choose(job.shotId, take.id, false);
        this.deps.events.publish('take', job.projectId, {
          id: take.id,
          shotId: job.shotId,
          status: 'succeeded',
        });
      }
      return;
    }
    if (job.status === 'failed' || job.status === 'cancelled') {
      const notes = [...(JSON.parse(take.notes) as string[])];
      if (job.error) notes.push(`${job.kind} ${job.status}: ${job.error.code} — ${job.error.message}`);
      await db.take.updateMany({
        where: { id: take.id, status: 'rendering' },
        data: { status: job.status, notes: JSON.stringify(notes) },
      });
      // Whatever else of this take is still queued cannot finish now.
      const rest = await this.deps.scheduler.cancel({ takeId: take.id });
      for (const id of rest) this.deps.abort(id);
      this.deps.events.publish('take', job.projectId, {
        id: take.id,
        shotId: job.shotId,
        status: job.status,
        error: job.error,
      });
    }
  }

  /**
   * After a crash: a take whose jobs all finished while the process died between the last job and the
   * take's update is completed now; one whose jobs failed is marked so; one that never got its jobs fails.
   */
  async recoverTakes(): Promise<number> {
    const { db } = this.deps;
    const open = await db.take.findMany({ where: { status: 'rendering' } });
    for (const take of open) {
      const jobs = await db.renderJob.findMany({ where: { takeId: take.id } });
      const previews = jobs.find((j) => j.kind === 'previews' && j.status === 'succeeded');
      const ended = jobs.find((j) => j.status === 'failed' || j.status === 'cancelled');
      if (previews) await this.onJobFinished(toJobRecord(previews));
      else if (ended) await this.onJobFinished(toJobRecord(ended));
      else if (jobs.length === 0) {
        await db.take.update({
          where: { id: take.id },
          data: {
            status: 'failed',
            notes: JSON.stringify(['The studio stopped before this take’s jobs were queued; render again.']),
          },
        });
      }
    }
    return open.length;
  }

  /** Queues the film from every shot's chosen take; refuses while a shot has none. */
  async film(project: ProjectView): Promise<JobRecord> {
    const { db } = this.deps;
    const shots = project.scenes.flatMap((scene) => scene.shots.map((shot) => ({ scene, shot })));
    if (shots.length === 0)
      throw new RenderRefused('not_ready', 'The project has no shots yet', { shotIds: [] });
    const takes = await db.take.findMany({
      where: { id: { in: shots.map((s) => s.shot.chosenTakeId ?? '') }, status: 'succeeded' },
    });
    const byId = new Map(takes.map((t) => [t.id, t]));
    const missing = shots
      .filter((s) => !s.shot.chosenTakeId || !byId.has(s.shot.chosenTakeId))
      .map((s) => s.shot.id);
    if (missing.length) {
      throw new RenderRefused(
        'not_ready',
        `${missing.length} shot(s) have no finished take yet; render them first`,
        { shotIds: missing },
      );
    }
    const speakers = Object.fromEntries(project.characters.map((c) => [c.key, c.name]));
    const payload: FilmPayload = {
      title: project.title,
      fps: project.fps,
      shots: shots.map(({ scene, shot }) => {
        const take = byId.get(shot.chosenTakeId!)!;
        const assets = readTakeAssets(take);
        return {
          videoAssetId: assets.video!,
          durationSeconds: take.durationSeconds ?? 0,
          scene: scene.title || `Scene ${project.scenes.indexOf(scene) + 1}`,
          sceneKey: scene.key,
          lines: assets.lines ?? [],
          speakers,
        };
      }),
    };
    const dedupeKey = `film:${createHash('sha256').update(JSON.stringify(payload)).digest('hex')}`;
    const existing = await db.renderJob.findFirst({
      where: { projectId: project.id, dedupeKey, status: { in: ['queued', 'running', 'succeeded'] } },
      orderBy: { createdAt: 'desc' },
    });
    if (existing) return (await this.deps.scheduler.get(existing.id))!;
    const [job] = await this.deps.scheduler.enqueue(project.id, [
      {
        ref: 'film',
        kind: 'film',
        shotId: null,
        takeId: null,
        payload,
        after: [],
        maxAttempts: MAX_ATTEMPTS.film!,
        dedupeKey,
      },
    ]);
    this.deps.wake();
    return job!;
  }

  /** The latest finished film's asset id, or null. */
  async filmAsset(projectId: string): Promise<string | null> {
    const job = await this.deps.db.renderJob.findFirst({
      where: { projectId, kind: 'film', status: 'succeeded' },
      orderBy: { finishedAt: 'desc' },
    });
    return job ? (JSON.parse(job.result) as { assetId: string }).assetId : null;
  }

  async cancel(jobIds: string[]): Promise<string[]> {
    const cancelled = await this.deps.scheduler.cancel({ ids: jobIds });
    for (const id of cancelled) this.deps.abort(id);
    return cancelled;
  }

  async takes(project: ProjectView, shotId: string): Promise<TakeView[]> {
    const shot = project.scenes.flatMap((s) => s.shots).find((s) => s.id === shotId);
    if (!shot) throw new RenderRefused('not_found', `Shot ${shotId} does not exist`, { id: shotId });
    const plans = this.plan(project);
    const rows = await this.deps.db.take.findMany({ where: { shotId }, orderBy: { number: 'desc' } });
    return rows.map((take) => takeView(take, shot.chosenTakeId, plans.get(shotId)!.inputHash));
  }

  /** Whether each shot's chosen take still matches the shot (stale = edited since it was rendered). */
  async shotStates(project: ProjectView): Promise<ShotState[]> {
    const plans = this.plan(project);
    const shots = project.scenes.flatMap((s) => s.shots);
    const takes = await this.deps.db.take.findMany({
      where: { id: { in: shots.map((s) => s.chosenTakeId ?? '') } },
    });
    const byId = new Map(takes.map((t) => [t.id, t]));
    return shots.map((shot) => {
      const take = shot.chosenTakeId ? byId.get(shot.chosenTakeId) : undefined;
      const poster = take ? readTakeAssets(take).poster : undefined;
      return {
        shotId: shot.id,
        chosenTakeId: take?.id ?? null,
        status: (take?.status as TakeStatus | undefined) ?? null,
        stale: take ? take.inputHash !== plans.get(shot.id)!.inputHash : false,
        posterUrl: poster ? `/api/assets/${poster}` : null,
      };
    });
  }

  /** Deletes a take and the files only it used; a take still rendering is cancelled first. */
  async deleteTake(takeId: string): Promise<string[]> {
    const { db } = this.deps;
    const take = await db.take.findUnique({ where: { id: takeId } });
    if (!take) throw new RenderRefused('not_found', `Take ${takeId} does not exist`, { id: takeId });
    const cancelled = await this.deps.scheduler.cancel({ takeId });
    for (const id of cancelled) this.deps.abort(id);
    const owned = ownedAssetIds(readTakeAssets(take));
    const rows = await db.asset.findMany({ where: { id: { in: owned } }, select: { sha256: true } });
    await db.$transaction(async (tx) => {
      await tx.shot.updateMany({ where: { chosenTakeId: takeId }, data: { chosenTakeId: null } });
      await tx.renderJob.deleteMany({ where: { takeId } });
      await tx.take.delete({ where: { id: takeId } });
      await tx.asset.deleteMany({ where: { id: { in: owned } } });
    });
    const removed: string[] = [];
    for (const sha of new Set(rows.map((r) => r.sha256))) {
      if ((await db.asset.count({ where: { sha256: sha } })) === 0) {
        await this.deps.store.remove(sha);
        removed.push(sha);
      }
    }
    return removed;
  }

  providerChoice(project: ProjectView, shot: ShotView) {
    return parseProviderChoice(shot.provider ?? project.defaultProvider);
  }
}
