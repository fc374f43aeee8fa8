import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { OrderBody, SceneBody, SceneView, VersionOnly, WriteResult } from '@ministudio/domain';
import { IdParams, IfMatchHeader, parseIfMatch, writeErrors } from './common';

const SceneWrite = WriteResult('scene', SceneView);
const tags = ['scenes'];

const scenes: FastifyPluginAsyncTypebox = async (app) => {
  const repository = app.scenesRepository;

  app.post(
    '/api/projects/:id/scenes',
    {
      schema: {
        tags,
        description:
          'Adds a scene at `position` (default: the end), with a new key and the seed derived from it.',
        params: IdParams,
        headers: IfMatchHeader,
        body: SceneBody,
        response: { 201: SceneWrite, ...writeErrors },
      },
    },
    async (request, reply) => {
      const base = parseIfMatch(request.headers['if-match']);
      const { version, result } = await repository.create(request.params.id, base, request.body);
      return reply.status(201).send({ version, scene: result });
    },
  );

  app.patch(
    '/api/scenes/:id',
    {
      schema: {
        tags,
        description: 'Changes a scene; `position` moves it within the project.',
        params: IdParams,
        headers: IfMatchHeader,
        body: SceneBody,
        response: { 200: SceneWrite, ...writeErrors },
      },
    },
    async (request) => {
      const base = parseIfMatch(request.headers['if-match']);
      const { version, result } = await repository.update(request.params.id, base, request.body);
      return { version, scene: result };
    },
  );

  app.delete(
    '/api/scenes/:id',
    {
      schema: {
        tags,
        description: 'Deletes a scene and its shots.',
        params: IdParams,
        headers: IfMatchHeader,
        response: { 200: VersionOnly, ...writeErrors },
      },
    },
    async (request) => repository.remove(request.params.id, parseIfMatch(request.headers['if-match'])),
  );

  app.post(
    '/api/scenes/:id/duplicate',
    {
      schema: {
        tags,
        description: 'Copies a scene and its shots (new keys, no takes) right after it.',
        params: IdParams,
        headers: IfMatchHeader,
        response: { 201: SceneWrite, ...writeErrors },
      },
    },
    async (request, reply) => {
      const base = parseIfMatch(request.headers['if-match']);
      const { version, result } = await repository.duplicate(request.params.id, base);
      return reply.status(201).send({ version, scene: result });
    },
  );

  app.put(
    '/api/scenes/:id/shot-order',
    {
      schema: {
        tags,
        description: 'Puts the scene’s shots in this order; it must list every shot of the scene once.',
        params: IdParams,
        headers: IfMatchHeader,
        body: OrderBody,
        response: { 200: SceneWrite, ...writeErrors },
      },
    },
    async (request) => {
      const base = parseIfMatch(request.headers['if-match']);
      const { version, result } = await repository.reorderShots(request.params.id, base, request.body.ids);
      return { version, scene: result };
    },
  );
};

export default scenes;
