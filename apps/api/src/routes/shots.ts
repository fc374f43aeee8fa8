import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody, ShotBody, ShotView, VersionOnly, WriteResult } from '@ministudio/domain';
import { sendStoredFile } from '../lib/send-stored-file';
import { speechPreviewOf } from '../services/speech-preview';
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

  app.get(
    '/api/shots/:id/speech-preview',
    {
      schema: {
        tags,
        description:
          'The shot’s dialogue and narration as one WAV on the shot’s own timeline (each line where a render places it), for playing a shot that has no take yet. Spoken once and cached by its lines and voices (the lines are reused by the render); revalidated by ETag. 404 when the shot has no speech, 422 when its speech provider is not configured. HTTP Range supported.',
        params: IdParams,
        response: { 404: ErrorBody, 416: ErrorBody, 422: ErrorBody },
      },
    },
    async (request, reply) => {
      const file = await speechPreviewOf(app.db, app.renderer, request.params.id);
      // The address names the shot, not the content: the browser revalidates (ETag, 304) each time it asks.
      return sendStoredFile(reply, app.assets, file, { cache: 'no-cache' });
    },
  );
};

export default shots;
