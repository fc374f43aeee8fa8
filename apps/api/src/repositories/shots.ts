import { randomUUID } from 'node:crypto';
import type { Db } from '@ministudio/db';
import { defaultShot, randomKey, type ShotBody, type ShotFields, type ShotView } from '@ministudio/domain';
import { HttpError, notFound } from '../lib/http-error';
import { writeJson } from '../lib/json-column';
import { closeGap, moveTo, openSlot, openSlotAfter } from '../services/ordered-list';
import { projectOfScene, projectOfShot } from '../services/project-queries';
import { type Tx, writeProject } from '../services/project-write';
import { shotView } from '../services/views';
import { shotList } from './ordered-tables';

export type ShotsRepository = ReturnType<typeof createShotsRepository>;

async function loadShot(tx: Tx, id: string): Promise<ShotView> {
  const row = await tx.shot.findUnique({ where: { id }, include: { scene: { select: { seed: true } } } });
  if (!row) throw notFound('Shot', id);
  return shotView(row, row.scene.seed);
}

/** Dialogue and cast name characters by key; every key must belong to this project. */
async function assertCharactersExist(tx: Tx, projectId: string, body: Partial<ShotFields>) {
  const keys = new Set(
    (await tx.character.findMany({ where: { projectId }, select: { key: true } })).map((c) => c.key),
  );
  const issues: { path: string; message: string }[] = [];
  body.dialogue?.forEach((line, i) => {
    if (!keys.has(line.character))
      issues.push({ path: `body/dialogue/${i}/character`, message: `no character "${line.character}"` });
  });
  const seen = new Set<string>();
  body.cast?.forEach((member, i) => {
    if (!keys.has(member.character))
      issues.push({ path: `body/cast/${i}/character`, message: `no character "${member.character}"` });
    if (seen.has(member.character))
      issues.push({ path: `body/cast/${i}/character`, message: 'is in the cast twice' });
    seen.add(member.character);
  });
  if (issues.length)
    throw new HttpError('validation_failed', 'The shot refers to unknown characters', { issues });
}

async function assertSceneInProject(tx: Tx, projectId: string, sceneId: string) {
  if (!(await tx.scene.count({ where: { id: sceneId, projectId } }))) {
    throw new HttpError('validation_failed', 'That scene is not part of this project', {
      issues: [{ path: 'body/sceneId', message: `no scene ${sceneId} in this project` }],
    });
  }
}

/** API fields to columns (the reverse of shotView); only the fields present are written. */
function shotColumns(body: Partial<ShotFields>) {
  return {
    ...(body.shotType !== undefined ? { shotType: body.shotType } : {}),
    ...(body.action !== undefined ? { action: body.action } : {}),
    ...(body.camera !== undefined ? { camera: body.camera } : {}),
    ...(body.duration !== undefined
      ? { durationSeconds: body.duration === 'speech' ? null : body.duration }
      : {}),
    ...(body.dialogue !== undefined ? { dialogue: writeJson(body.dialogue) } : {}),
    ...(body.narration !== undefined ? { narration: body.narration } : {}),
    ...(body.cast !== undefined ? { cast: writeJson(body.cast) } : {}),
    ...(body.continuity !== undefined ? { continuity: body.continuity } : {}),
    ...(body.seed !== undefined ? { seedOverride: body.seed } : {}),
    ...(body.provider !== undefined ? { providerOverride: body.provider } : {}),
    ...(body.audioFit !== undefined ? { audioFit: body.audioFit } : {}),
  };
}

/** The shots of a project's scenes, each write under the project's version check. */
export function createShotsRepository(db: Db) {
  return {
    async create(sceneId: string, baseVersion: number, body: ShotBody) {
      const projectId = await projectOfScene(db, sceneId);
      const { position, sceneId: _ignored, ...fields } = body;
      return writeProject(db, projectId, baseVersion, async (tx) => {
        await assertCharactersExist(tx, projectId, fields);
        const id = randomUUID();
        await tx.shot.create({
          data: {
            id,
            sceneId,
            key: randomKey('shot'),
            position: await openSlot(tx, shotList, sceneId, position),
            ...shotColumns({ ...defaultShot(), ...fields }),
          },
        });
        return loadShot(tx, id);
      });
    },

    /** Changes a shot; `sceneId` moves it to another scene (at the end unless `position` is given). */
    async update(id: string, baseVersion: number, body: ShotBody) {
      const projectId = await projectOfShot(db, id);
      const { position, sceneId, ...fields } = body;
      return writeProject(db, projectId, baseVersion, async (tx) => {
        await assertCharactersExist(tx, projectId, fields);
        const shot = await tx.shot.findUniqueOrThrow({ where: { id } });
        await tx.shot.update({ where: { id }, data: shotColumns(fields) });
        const target = sceneId ?? shot.sceneId;
        if (target !== shot.sceneId) {
          await assertSceneInProject(tx, projectId, target);
          await closeGap(tx, shotList, shot.sceneId, shot.position);
        }
        if (target !== shot.sceneId || position !== undefined)
          await moveTo(tx, shotList, target, id, position);
        return loadShot(tx, id);
      });
    },

    async remove(id: string, baseVersion: number): Promise<{ version: number }> {
      const projectId = await projectOfShot(db, id);
      return writeProject(db, projectId, baseVersion, async (tx) => {
        const shot = await tx.shot.findUniqueOrThrow({ where: { id } });
        await tx.shot.delete({ where: { id } });
        await closeGap(tx, shotList, shot.sceneId, shot.position);
      });
    },

    /** Copies the shot (a new id and key, no takes) right after it. */
    async duplicate(id: string, baseVersion: number) {
      const projectId = await projectOfShot(db, id);
      return writeProject(db, projectId, baseVersion, async (tx) => {
        const original = await tx.shot.findUniqueOrThrow({ where: { id } });
        const { id: _id, key: _key, chosenTakeId: _take, position, ...fields } = original;
        const copyId = randomUUID();
        await tx.shot.create({
          data: {
            ...fields,
            id: copyId,
            key: randomKey('shot'),
            position: await openSlotAfter(tx, shotList, original.sceneId, position),
          },
        });
        return loadShot(tx, copyId);
      });
    },
  };
}
