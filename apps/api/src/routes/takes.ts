import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody, ShotState, TakeView } from '@ministudio/domain';
import Type from 'typebox';
import { IdParams } from './common';
import { refusal } from './render-refusal';

const tags = ['render'];

/** Takes: each shot's list, the chosen take of every shot, choosing, pinning and deleting. */
const takes: FastifyPluginAsyncTypebox = async (app) => {
  const repository = app.takesRepository;

  app.get(
    '/api/projects/:id/shot-states',
    {
      schema: {
        tags,
        description: 'Each shot’s chosen take and whether the shot changed since it was rendered (stale).',
        params: IdParams,
        response: { 200: Type.Array(ShotState), 404: ErrorBody },
      },
    },
    async (request) => repository.shotStates(request.params.id),
  );

  app.get(
    '/api/shots/:id/takes',
    {
      schema: {
        tags,
        description: 'The shot’s takes, newest first.',
        params: IdParams,
        response: { 200: Type.Array(TakeView), 404: ErrorBody },
      },
    },
    async (request) => repository.forShot(request.params.id).catch(refusal),
  );

  app.patch(
    '/api/takes/:id',
    {
      schema: {
        tags,
        description:
          'Pins a take (new renders do not replace a pinned chosen take) or makes it the chosen one.',
        params: IdParams,
        body: Type.Object(
          { pinned: Type.Optional(Type.Boolean()), chosen: Type.Optional(Type.Literal(true)) },
          { additionalProperties: false, minProperties: 1 },
        ),
        response: { 200: TakeView, 400: ErrorBody, 404: ErrorBody, 409: ErrorBody },
      },
    },
    async (request) => repository.update(request.params.id, request.body).catch(refusal),
  );

  app.delete(
    '/api/takes/:id',
    {
      schema: {
        tags,
        description: 'Deletes a take; its files go too unless another take shares them.',
        params: IdParams,
        response: { 200: Type.Object({ removedFiles: Type.Integer() }), 404: ErrorBody },
      },
    },
    async (request) => ({ removedFiles: await repository.remove(request.params.id).catch(refusal) }),
  );
};

export default takes;
