import { randomUUID } from 'node:crypto';
import type { AssetStore, Db } from '@ministudio/db';
import type { ProjectView, ShotView, VideoCapabilities } from '@ministudio/domain';
import type { ProviderRegistry, Violation } from '@ministudio/providers';
import type { PicturePayload } from '../handlers/payloads';
import type { EventLog } from '../queue/event-log';
import type { JobRecord, JobSpec } from '../queue/job-types';
import type { Scheduler } from '../queue/scheduler';
import { type ProviderLookup, planProject, type ShotPlan } from './plan-shot';
import { RenderRefused } from './render-refused';
import { settingsToSet } from './settings-to-set';
import type { TakeBook } from './take-book';
import { readTakeAssets } from './takes';

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
  /** The providers as the planner sees them (see providerLookup). */
  lookup: ProviderLookup;
  /** Plans a project's shots (the runtime's cached planner); planProject with `lookup` when absent. */
  plan?: (project: ProjectView) => Map<string, ShotPlan>;
  /** Tells the engine there is new work. */
  wake: () => void;
  /** Stops a running job at once. */
  abort: (jobId: string) => void;
  takes: TakeBook;
}

const MAX_ATTEMPTS: Record<string, number> = {
  speech: 4,
  picture: 4,
  conform: 2,
  fit: 2,
  previews: 2,
  film: 2,
};

/**
 * What the planner may know of the providers. `keysOnWorkers`: in Redis mode the render workers hold the
 * keys, so the studio cannot tell whether a provider is configured; the worker says so when it is not.
 */
export function providerLookup(registry: ProviderRegistry, keysOnWorkers = false): ProviderLookup {
  return {
    capabilities(provider, model): VideoCapabilities | null {
      const models = registry.video(provider)?.models() ?? [];
      return (model ? models.find((m) => m.model === model) : models[0]) ?? null;
    },
    missingSettings(provider, kind) {
      if (keysOnWorkers) return null;
      const found = kind === 'video' ? registry.video(provider) : registry.speech(provider);
      return found && !found.configured() ? settingsToSet(provider) : null;
    },
  };
}

/** Turns "render" and "make the film" into takes and jobs, and takes finished jobs back into takes. */
export class RenderService {
  private readonly lookup: ProviderLookup;

  constructor(private readonly deps: RenderServiceDeps) {
    this.lookup = deps.lookup;
  }

  plan(project: ProjectView): Map<string, ShotPlan> {
    return this.deps.plan ? this.deps.plan(project) : planProject(project, this.lookup);
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
      const all = refused.flatMap((s) => s.violations);
      // A missing key is the studio's setup, not the shot: it gets its own code so the editor can say so.
      // Speech too long for its shot is the shot's own, not its provider's: its code, and its numbers.
      const unconfigured = all.find((v) => v.constraint === 'provider_not_configured');
      const speech = all.find((v) => v.constraint === 'speech_does_not_fit');
      const first = unconfigured ?? speech ?? all[0]!;
      const misfits = refused.flatMap((s) => {
        const misfit = plans.get(s.shotId)!.speechMisfit;
        return misfit ? [{ shotId: s.shotId, ...misfit }] : [];
      });
      throw new RenderRefused(
        unconfigured ? 'provider_not_configured' : speech ? 'speech_does_not_fit' : 'unsupported_by_provider',
        `${first.message} ${first.fix}`,
        { shots: refused, ...(misfits.length ? { speech: misfits } : {}) },
      );
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
      if (take.status === 'succeeded') await this.deps.takes.choose(shotId, take.id, false);
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
            fitMode: plan.fitMode,
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

  async cancel(jobIds: string[]): Promise<string[]> {
    const cancelled = await this.deps.scheduler.cancel({ ids: jobIds });
    for (const id of cancelled) this.deps.abort(id);
    return cancelled;
  }
}
