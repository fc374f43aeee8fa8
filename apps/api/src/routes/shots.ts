import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ShotBody, ShotView, VersionOnly, WriteResult } from '@ministudio/domain';
import { IdParams, IfMatchHeader, parseIfMatch, writeErrors } from './common';

const ShotWrite = WriteResult('shot', ShotView);
const tags = ['shots'];

const shots: FastifyPluginAsyncTypebox = async (app) => {
  const repository = app.shotsRepository;

  app.post(
    '/api/scenes/:id/shots',
    {
      schema: {
        tags,
        description:
          'Adds a shot to the scene at `position` (default: the end); dialogue and cast must name characters of the project.',
        params: IdParams,
        headers: IfMatchHeader,
        body: ShotBody,
        response: { 201: ShotWrite, ...writeErrors },
      },
    },
    async (request, reply) => {
      const base = parseIfMatch(request.headers['if-match']);
      const { version, result } = await repository.create(request.params.id, base, request.body);
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
        body: ShotBody,
        response: { 200: ShotWrite, ...writeErrors },
      },
    },
    async (request) => {
      const base = parseIfMatch(request.headers['if-match']);
      const { version, result } = await repository.update(request.params.id, base, request.body);
      return { version, shot: result };
    },
  );

  app.delete(
    '/api/shots/:id',
    {
      schema: {
        tags,
        description: 'Deletes a shot and its takes.',
        params: IdParams,
        headers: IfMatchHeader,
        response: { 200: VersionOnly, ...writeErrors },
      },
    },
    async (request) => repository.remove(request.params.id, parseIfMatch(request.headers['if-match'])),
  );

  app.post(
    '/api/shots/:id/duplicate',
    {
      schema: {
        tags,
        description: 'Copies a shot (a new key, no takes) right after it.',
        params: IdParams,
        headers: IfMatchHeader,
        response: { 201: ShotWrite, ...writeErrors },
      },
    },
    async (request, reply) => {
      const base = parseIfMatch(request.headers['if-match']);
      const { version, result } = await repository.duplicate(request.params.id, base);
      return reply.status(201).send({ version, shot: result });
    },
  );
};

export default shots;
