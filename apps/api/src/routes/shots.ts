import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  defaultShot,
  randomKey,
  type ShotBody,
  ShotBody as ShotBodySchema,
  type ShotFields,
  ShotView,
  VersionOnly,
  WriteResult,
} from '@ministudio/domain';
import { HttpError, notFound } from '../lib/http-error';
import { writeJson } from '../lib/json-column';
import { projectOfScene, projectOfShot } from '../services/project-queries';
import { openSlot, parseIfMatch, type Tx, writeProject } from '../services/project-write';
import { shotView } from '../services/views';
import { IdParams, IfMatchHeader, writeErrors } from './common';

const ShotWrite = WriteResult('shot', ShotView);
const tags = ['shots'];

async function loadShot(tx: Tx, id: string) {
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

/** API fields to columns; only the fields present are written. */
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

function splitBody(body: ShotBody) {
  const { position, sceneId, ...fields } = body;
  return { position, sceneId, fields };
}

const shots: FastifyPluginAsyncTypebox = async (app) => {
  const { db } = app;

  app.post(
    '/api/scenes/:id/shots',
    {
      schema: {
        tags,
        params: IdParams,
        headers: IfMatchHeader,
        body: ShotBodySchema,
        response: { 201: ShotWrite, ...writeErrors },
      },
    },
    async (request, reply) => {
      const base = parseIfMatch(request.headers['if-match']);
      const sceneId = request.params.id;
      const projectId = await projectOfScene(db, sceneId);
      const { position, fields } = splitBody(request.body);
      const { version, result } = await writeProject(db, projectId, base, async (tx) => {
        await assertCharactersExist(tx, projectId, fields);
        const count = await tx.shot.count({ where: { sceneId } });
        const at = await openSlot(count, position, (from) =>
          tx.shot.updateMany({
            where: { sceneId, position: { gte: from } },
            data: { position: { increment: 1 } },
          }),
        );
        const id = randomUUID();
        await tx.shot.create({
          data: {
            id,
            sceneId,
            key: randomKey('shot'),
            position: at,
            ...shotColumns({ ...defaultShot(), ...fields }),
          },
        });
        return loadShot(tx, id);
      });
      return reply.status(201).send({ version, shot: result });
    },
  );

  app.patch(
    '/api/shots/:id',
    {
      schema: {
        tags,
        description:
          'Changes a shot. `sceneId` moves it to another scene of the project (at the end unless `position` is given).',
        params: IdParams,
        headers: IfMatchHeader,
        body: ShotBodySchema,
        response: { 200: ShotWrite, ...writeErrors },
      },
    },
    async (request) => {
      const base = parseIfMatch(request.headers['if-match']);
      const id = request.params.id;
      const projectId = await projectOfShot(db, id);
      const { position, sceneId, fields } = splitBody(request.body);
      const { version, result } = await writeProject(db, projectId, base, async (tx) => {
        await assertCharactersExist(tx, projectId, fields);
        const shot = await tx.shot.findUniqueOrThrow({ where: { id } });
        await tx.shot.update({ where: { id }, data: shotColumns(fields) });
        const target = sceneId ?? shot.sceneId;
        if (target !== shot.sceneId) {
          const inProject = await tx.scene.count({ where: { id: target, projectId } });
          if (!inProject) {
            throw new HttpError('validation_failed', 'That scene is not part of this project', {
              issues: [{ path: 'body/sceneId', message: `no scene ${target} in this project` }],
            });
          }
        }
        if (target !== shot.sceneId || position !== undefined)
          await placeShot(tx, id, shot.sceneId, target, position);
        return loadShot(tx, id);
      });
      return { version, shot: result };
    },
  );

  app.delete(
    '/api/shots/:id',
    {
      schema: {
        tags,
        params: IdParams,
        headers: IfMatchHeader,
        response: { 200: VersionOnly, ...writeErrors },
      },
    },
    async (request) => {
      const base = parseIfMatch(request.headers['if-match']);
      const id = request.params.id;
      const { version } = await writeProject(db, await projectOfShot(db, id), base, async (tx) => {
        const shot = await tx.shot.findUniqueOrThrow({ where: { id } });
        await tx.shot.delete({ where: { id } });
        await tx.shot.updateMany({
          where: { sceneId: shot.sceneId, position: { gt: shot.position } },
          data: { position: { decrement: 1 } },
        });
      });
      return { version };
    },
  );

  app.post(
    '/api/shots/:id/duplicate',
    {
      schema: {
        tags,
        params: IdParams,
        headers: IfMatchHeader,
        response: { 201: ShotWrite, ...writeErrors },
      },
    },
    async (request, reply) => {
      const base = parseIfMatch(request.headers['if-match']);
      const id = request.params.id;
      const { version, result } = await writeProject(db, await projectOfShot(db, id), base, async (tx) => {
        const original = await tx.shot.findUniqueOrThrow({ where: { id } });
        await tx.shot.updateMany({
          where: { sceneId: original.sceneId, position: { gt: original.position } },
          data: { position: { increment: 1 } },
        });
        const { id: _id, key: _key, chosenTakeId: _take, ...fields } = original;
        const copyId = randomUUID();
        await tx.shot.create({
          data: { ...fields, id: copyId, key: randomKey('shot'), position: original.position + 1 },
        });
        return loadShot(tx, copyId);
      });
      return reply.status(201).send({ version, shot: result });
    },
  );
};

/** Puts a shot at `index` of `toScene` (the end if null), closing the gap it leaves in `fromScene`. */
async function placeShot(tx: Tx, id: string, fromScene: string, toScene: string, index: number | undefined) {
  const others = async (sceneId: string) =>
    (
      await tx.shot.findMany({
        where: { sceneId, id: { not: id } },
        orderBy: { position: 'asc' },
        select: { id: true },
      })
    ).map((s) => s.id);
  if (fromScene !== toScene) {
    for (const [position, shotId] of (await others(fromScene)).entries()) {
      await tx.shot.update({ where: { id: shotId }, data: { position } });
    }
  }
  const ids = await others(toScene);
  ids.splice(index === undefined ? ids.length : Math.min(index, ids.length), 0, id);
  for (const [position, shotId] of ids.entries()) {
    await tx.shot.update({ where: { id: shotId }, data: { position, sceneId: toScene } });
  }
}

export default shots;
