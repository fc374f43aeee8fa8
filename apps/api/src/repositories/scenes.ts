import { randomUUID } from 'node:crypto';
import type { Db } from '@ministudio/db';
import { defaultScene, randomKey, type SceneBody, type SceneView, seedFromText } from '@ministudio/domain';
import { HttpError, notFound } from '../lib/http-error';
import { closeGap, moveTo, openSlot, openSlotAfter, reorder } from '../services/ordered-list';
import { projectOfScene } from '../services/project-queries';
import { type Tx, writeProject } from '../services/project-write';
import { SCENE_INCLUDE, sceneView } from '../services/views';
import { sceneList, shotList } from './ordered-tables';

export type ScenesRepository = ReturnType<typeof createScenesRepository>;

async function loadScene(tx: Tx, id: string): Promise<SceneView> {
  const row = await tx.scene.findUnique({ where: { id }, include: SCENE_INCLUDE });
  if (!row) throw notFound('Scene', id);
  return sceneView(row);
}

async function assertEnvironmentInProject(
  tx: Tx,
  projectId: string,
  environmentId: string | null | undefined,
) {
  if (!environmentId) return;
  const found = await tx.environment.count({ where: { id: environmentId, projectId } });
  if (!found) {
    throw new HttpError('validation_failed', 'That environment is not part of this project', {
      issues: [{ path: 'body/environmentId', message: `no environment ${environmentId} in this project` }],
    });
  }
}

/** A project's scenes, each write under the project's version check. */
export function createScenesRepository(db: Db) {
  return {
    async create(projectId: string, baseVersion: number, body: SceneBody) {
      const { position, environmentId, ...fields } = body;
      const key = randomKey('scene');
      return writeProject(db, projectId, baseVersion, async (tx) => {
        await assertEnvironmentInProject(tx, projectId, environmentId);
        const id = randomUUID();
        await tx.scene.create({
          data: {
            id,
            projectId,
            key,
            position: await openSlot(tx, sceneList, projectId, position),
            environmentId: environmentId ?? null,
            ...defaultScene(seedFromText(key)),
            ...fields,
          },
        });
        return loadScene(tx, id);
      });
    },

    async update(id: string, baseVersion: number, body: SceneBody) {
      const projectId = await projectOfScene(db, id);
      const { position, environmentId, ...fields } = body;
      return writeProject(db, projectId, baseVersion, async (tx) => {
        await assertEnvironmentInProject(tx, projectId, environmentId);
        await tx.scene.update({
          where: { id },
          data: { ...fields, ...(environmentId !== undefined ? { environmentId } : {}) },
        });
        if (position !== undefined) await moveTo(tx, sceneList, projectId, id, position);
        return loadScene(tx, id);
      });
    },

    async remove(id: string, baseVersion: number): Promise<{ version: number }> {
      const projectId = await projectOfScene(db, id);
      return writeProject(db, projectId, baseVersion, async (tx) => {
        const scene = await tx.scene.findUniqueOrThrow({ where: { id } });
        await tx.scene.delete({ where: { id } });
        await closeGap(tx, sceneList, projectId, scene.position);
      });
    },

    /** Copies the scene and its shots (new ids and keys, no takes) right after it. */
    async duplicate(id: string, baseVersion: number) {
      const projectId = await projectOfScene(db, id);
      return writeProject(db, projectId, baseVersion, async (tx) => {
        const original = await tx.scene.findUniqueOrThrow({ where: { id }, include: SCENE_INCLUDE });
        const { shots, id: _id, key: _key, position, ...fields } = original;
        const copyId = randomUUID();
        await tx.scene.create({
          data: {
            ...fields,
            id: copyId,
            key: randomKey('scene'),
            position: await openSlotAfter(tx, sceneList, projectId, position),
          },
        });
        for (const shot of shots) {
          const { id: _shotId, key: _shotKey, sceneId: _sceneId, chosenTakeId: _take, ...shotFields } = shot;
          await tx.shot.create({
            data: { ...shotFields, id: randomUUID(), key: randomKey('shot'), sceneId: copyId },
          });
        }
        return loadScene(tx, copyId);
      });
    },

    async reorderShots(id: string, baseVersion: number, ids: string[]) {
      const projectId = await projectOfScene(db, id);
      return writeProject(db, projectId, baseVersion, async (tx) => {
        await reorder(tx, shotList, id, ids);
        return loadScene(tx, id);
      });
    },
  };
}
