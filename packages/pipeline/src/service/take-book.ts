import type { AssetStore, Db } from '@ministudio/db';
import type { ProjectView, ShotState, TakeView } from '@ministudio/domain';
import type { ConformOutput, FitOutput, PictureOutput, PreviewsOutput } from '../handlers/payloads';
import type { EventLog } from '../queue/event-log';
import type { JobRecord } from '../queue/job-types';
import { type Scheduler, toJobRecord } from '../queue/scheduler';
import type { ShotPlan } from './plan-shot';
import { RenderRefused } from './render-refused';
import {
  ownedAssetIds,
  readTakeAssets,
  SHOT_STATE_TAKE_COLUMNS,
  shotState,
  type TakeAssets,
  takeView,
} from './takes';

export interface TakeBookDeps {
  db: Db;
  store: AssetStore;
  scheduler: Scheduler;
  events: EventLog;
  abort: (jobId: string) => void;
  /** The plans of a project's shots, for the current input hash of each (stale or not). */
  plan: (project: ProjectView) => Map<string, ShotPlan>;
}

/**
 * The takes of every shot: completed from their jobs' results when the last job succeeds, chosen,
 * pinned, listed, deleted with their files, and repaired after a crash.
 */
export class TakeBook {
  constructor(private readonly deps: TakeBookDeps) {
    deps.scheduler.onFinished((job) => this.onJobFinished(job));
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

  async onJobFinished(job: JobRecord): Promise<void> {
    if (job.kind === 'film') {
      this.deps.events.publish('film', job.projectId, { jobId: job.id, status: job.status });
      return;
    }
    if (!job.takeId || !job.shotId) return;
    const { db } = this.deps;
    const take = await db.take.findUnique({ where: { id: job.takeId } });
    if (take?.status !== 'rendering') return;
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
        regions: picture.regionsAssetId ?? null,
        ...previews,
        lines: picture.lines,
      };
      const notes = [...(JSON.parse(take.notes) as string[]), ...picture.notes];
      notes.push(...fitNotes(picture.durationSeconds, fit));
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

  async takes(project: ProjectView, shotId: string): Promise<TakeView[]> {
    const shot = project.scenes.flatMap((s) => s.shots).find((s) => s.id === shotId);
    if (!shot) throw new RenderRefused('not_found', `Shot ${shotId} does not exist`, { id: shotId });
    const plans = this.deps.plan(project);
    const rows = await this.deps.db.take.findMany({ where: { shotId }, orderBy: { number: 'desc' } });
    return rows.map((take) => takeView(take, shot.chosenTakeId, plans.get(shotId)!.inputHash));
  }

  /** Whether each shot's chosen take still matches the shot (stale = edited since it was rendered). */
  async shotStates(project: ProjectView): Promise<ShotState[]> {
    const plans = this.deps.plan(project);
    const shots = project.scenes.flatMap((s) => s.shots);
    // One query for every chosen take, reading only the columns a state shows.
    const chosen = shots.flatMap((s) => (s.chosenTakeId ? [s.chosenTakeId] : []));
    const takes = chosen.length
      ? await this.deps.db.take.findMany({ where: { id: { in: chosen } }, select: SHOT_STATE_TAKE_COLUMNS })
      : [];
    const byId = new Map(takes.map((t) => [t.id, t]));
    return shots.map((shot) =>
      shotState(
        shot.id,
        shot.chosenTakeId ? byId.get(shot.chosenTakeId) : undefined,
        plans.get(shot.id)!.inputHash,
      ),
    );
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
}

/**
 * What the take says about fitting its picture and speech. Each note names lengths from its own step:
 * the retime brings the provider's clip to the shot's length; holding the picture for longer speech then
 * makes the take longer than the shot, and the note says so rather than calling that length the shot's.
 */
export function fitNotes(
  shotSeconds: number,
  fit: Pick<FitOutput, 'applied' | 'durationSeconds' | 'retimedFromSeconds'>,
): string[] {
  const s = (seconds: number) => `${Number(seconds.toFixed(2))} s`;
  const notes: string[] = [];
  if (fit.retimedFromSeconds !== null)
    notes.push(
      `The provider made ${s(fit.retimedFromSeconds)}; the picture was fitted to the shot's ${s(shotSeconds)}.`,
    );
  if (fit.applied !== 'none') {
    const how = fit.applied.replace('-', ' ');
    notes.push(
      Math.abs(fit.durationSeconds - shotSeconds) > 0.05
        ? `Speech fitted to picture: ${how}, so the take lasts ${s(fit.durationSeconds)}, not the shot's ${s(shotSeconds)}.`
        : `Speech fitted to picture: ${how}.`,
    );
  }
  return notes;
}
