import type { Db } from '@ministudio/db';
import type { ShotState, TakeView } from '@ministudio/domain';
import { type RenderRuntime, readTakeAssets, type TakeAssets } from '@ministudio/pipeline';
import { HttpError, notFound } from '../lib/http-error';
import { projectOfShot } from '../services/project-queries';
import type { ProjectViewCache } from '../services/project-view-cache';

export type TakesRepository = ReturnType<typeof createTakesRepository>;

/** A shot's takes (views built by the pipeline's takeView), choosing and pinning them, and their files. */
export function createTakesRepository(db: Db, renderer: RenderRuntime, views: ProjectViewCache) {
  const takesOfShot = async (shotId: string) =>
    renderer.takes.takes(await views.view(await projectOfShot(db, shotId)), shotId);

  return {
    forShot: takesOfShot,

    async shotStates(projectId: string): Promise<ShotState[]> {
      return renderer.takes.shotStates(await views.view(projectId));
    },

    /** Pins a take (new renders then leave it chosen) or makes it the chosen one; only finished takes. */
    async update(takeId: string, change: { pinned?: boolean; chosen?: true }): Promise<TakeView> {
      const take = await db.take.findUnique({ where: { id: takeId } });
      if (!take) throw notFound('Take', takeId);
      if (take.status !== 'succeeded' && (change.chosen || change.pinned)) {
        throw new HttpError('not_ready', 'Only a finished take can be chosen or pinned', {
          status: take.status,
        });
      }
      if (change.pinned !== undefined)
        await db.take.update({ where: { id: take.id }, data: { pinned: change.pinned } });
      if (change.chosen || change.pinned) await renderer.takes.choose(take.shotId, take.id, true);
      const views = await takesOfShot(take.shotId);
      return views.find((view) => view.id === take.id)!;
    },

    /** Deletes a take; answers how many files went with it (shared ones stay). */
    async remove(takeId: string): Promise<number> {
      return (await renderer.takes.deleteTake(takeId)).length;
    },

    /** A file of the shot's chosen take by role, once that take has finished. */
    async chosenFile(shotId: string, role: keyof TakeAssets & ('video' | 'proxy')): Promise<string> {
      const shot = await db.shot.findUnique({ where: { id: shotId }, select: { chosenTakeId: true } });
      if (!shot) throw notFound('Shot', shotId);
      const take = shot.chosenTakeId ? await db.take.findUnique({ where: { id: shot.chosenTakeId } }) : null;
      const assetId = take?.status === 'succeeded' ? readTakeAssets(take)[role] : undefined;
      if (!assetId) throw new HttpError('not_found', 'This shot has no finished take yet', { shotId });
      return assetId;
    },
  };
}
