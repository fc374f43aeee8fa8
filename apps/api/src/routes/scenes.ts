import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  defaultScene,
  OrderBody,
  randomKey,
  SceneBody,
  SceneView,
  seedFromText,
  VersionOnly,
  WriteResult,
} from '@ministudio/domain';
import { HttpError, notFound } from '../lib/http-error';
import { projectOfScene } from '../services/project-queries';
import { openSlot, parseIfMatch, type Tx, writeProject } from '../services/project-write';
import { sceneView } from '../services/views';
import { IdParams, IfMatchHeader, writeErrors } from './common';
import { assertPermutation } from './projects';

const SceneWrite = WriteResult('scene', SceneView);
const tags = ['scenes'];

export async function loadScene(tx: Tx, id: string) {
  const row = await tx.scene.findUnique({ where: { id }, include: { shots: true } });
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

const scenes: FastifyPluginAsyncTypebox = async (app) => {
  const { db } = app;

  app.post(
    '/api/projects/:id/scenes',
    {
      schema: {
        tags,
        params: IdParams,
        headers: IfMatchHeader,
        body: SceneBody,
        response: { 201: SceneWrite, ...writeErrors },
      },
    },
    async (request, reply) => {
      const base = parseIfMatch(request.headers['if-match']);
      const projectId = request.params.id;
      const { position, environmentId, ...fields } = request.body;
      const key = randomKey('scene');
      const { version, result } = await writeProject(db, projectId, base, async (tx) => {
        await assertEnvironmentInProject(tx, projectId, environmentId);
        const count = await tx.scene.count({ where: { projectId } });
        const at = await openSlot(count, position, (from) =>
          tx.scene.updateMany({
            where: { projectId, position: { gte: from } },
            data: { position: { increment: 1 } },
          }),
        );
        const id = randomUUID();
        await tx.scene.create({
          data: {
            id,
            projectId,
            key,
            position: at,
            environmentId: environmentId ?? null,
            ...defaultScene(seedFromText(key)),
            ...fields,
          },
        });
        return loadScene(tx, id);
      });
      return reply.status(201).send({ version, scene: result });
    },
  );

  app.patch(
    '/api/scenes/:id',
    {
      schema: {
        tags,
        params: IdParams,
        headers: IfMatchHeader,
        body: SceneBody,
        response: { 200: SceneWrite, ...writeErrors },
      },
    },
    async (request) => {
      const base = parseIfMatch(request.headers['if-match']);
      const id = request.params.id;
      const projectId = await projectOfScene(db, id);
      const { position, environmentId, ...fields } = request.body;
      const { version, result } = await writeProject(db, projectId, base, async (tx) => {
        await assertEnvironmentInProject(tx, projectId, environmentId);
        await tx.scene.update({
          where: { id },
          data: { ...fields, ...(environmentId !== undefined ? { environmentId } : {}) },
        });
        if (position !== undefined) await moveScene(tx, projectId, id, position);
        return loadScene(tx, id);
      });
      return { version, scene: result };
    },
  );

  app.delete(
    '/api/scenes/:id',
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
      const projectId = await projectOfScene(db, id);
      const { version } = await writeProject(db, projectId, base, async (tx) => {
        const scene = await tx.scene.findUniqueOrThrow({ where: { id } });
        await tx.scene.delete({ where: { id } });
        await tx.scene.updateMany({
          where: { projectId, position: { gt: scene.position } },
          data: { position: { decrement: 1 } },
        });
      });
      return { version };
    },
  );

  app.post(
    '/api/scenes/:id/duplicate',
    {
      schema: {
        tags,
        params: IdParams,
        headers: IfMatchHeader,
        response: { 201: SceneWrite, ...writeErrors },
      },
    },
    async (request, reply) => {
      const base = parseIfMatch(request.headers['if-match']);
      const id = request.params.id;
      const projectId = await projectOfScene(db, id);
      const { version, result } = await writeProject(db, projectId, base, async (tx) => {
        const original = await tx.scene.findUniqueOrThrow({ where: { id }, include: { shots: true } });
        await tx.scene.updateMany({
          where: { projectId, position: { gt: original.position } },
          data: { position: { increment: 1 } },
        });
        const copyId = randomUUID();
        const { shots, id: _id, key: _key, position: _position, ...fields } = original;
        await tx.scene.create({
          data: { ...fields, id: copyId, key: randomKey('scene'), position: original.position + 1 },
        });
        for (const shot of shots) {
          const { id: _shotId, key: _shotKey, sceneId: _sceneId, chosenTakeId: _take, ...shotFields } = shot;
          await tx.shot.create({
            data: { ...shotFields, id: randomUUID(), key: randomKey('shot'), sceneId: copyId },
          });
        }
        return loadScene(tx, copyId);
      });
      return reply.status(201).send({ version, scene: result });
    },
  );

  app.put(
    '/api/scenes/:id/shot-order',
    {
      schema: {
        tags,
        params: IdParams,
        headers: IfMatchHeader,
        body: OrderBody,
        response: { 200: SceneWrite, ...writeErrors },
      },
    },
    async (request) => {
      const base = parseIfMatch(request.headers['if-match']);
      const id = request.params.id;
      const { version, result } = await writeProject(db, await projectOfScene(db, id), base, async (tx) => {
        const shots = await tx.shot.findMany({ where: { sceneId: id }, select: { id: true } });
        assertPermutation(
          shots.map((s) => s.id),
          request.body.ids,
          'shot',
        );
        for (const [position, shotId] of request.body.ids.entries()) {
          await tx.shot.update({ where: { id: shotId }, data: { position } });
        }
        return loadScene(tx, id);
      });
      return { version, scene: result };
    },
  );
};

/** Moves a scene to `index`, keeping positions 0..n-1. */
async function moveScene(tx: Tx, projectId: string, id: string, index: number) {
  const ordered = await tx.scene.findMany({
    where: { projectId },
    orderBy: { position: 'asc' },
    select: { id: true },
  });
  const ids = ordered.map((s) => s.id).filter((other) => other !== id);
  ids.splice(Math.min(index, ids.length), 0, id);
  for (const [position, sceneId] of ids.entries()) {
    await tx.scene.update({ where: { id: sceneId }, data: { position } });
  }
}

export default scenes;
