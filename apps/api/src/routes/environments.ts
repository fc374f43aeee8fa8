import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { EnvironmentBody, EnvironmentCreateBody, EnvironmentView, WriteResult } from '@ministudio/domain';
import { receiveImage } from '../services/uploads';
import { IdParams, IfMatchHeader, parseIfMatch, writeErrors } from './common';
import { registerEntityRoutes, uploadErrors } from './project-entities';

const EnvironmentWrite = WriteResult('environment', EnvironmentView);
const tags = ['environments'];

const environments: FastifyPluginAsyncTypebox = async (app) => {
  const repository = app.environmentsRepository;
  registerEntityRoutes(app, {
    singular: 'environment',
    plural: 'environments',
    body: EnvironmentBody,
    createBody: EnvironmentCreateBody,
    view: EnvironmentView,
    repository,
    deleteDescription: 'Deletes an environment with its images; scenes set in it keep no environment.',
    forceDelete: false,
  });

  // Only environments have a locked plate.
  app.put(
    '/api/environments/:id/plate',
    {
      schema: {
        tags,
        description:
          'Sets the locked plate (multipart field "file"): the frame every shot in this environment is composited over.',
        params: IdParams,
        headers: IfMatchHeader,
        consumes: ['multipart/form-data'],
        response: { 200: EnvironmentWrite, ...uploadErrors },
      },
    },
    async (request) => {
      const base = parseIfMatch(request.headers['if-match']);
      const receive = () => receiveImage(request, app.assets);
      const { version, result } = await repository.setPlate(request.params.id, base, receive);
      return { version, environment: result };
    },
  );

  app.delete(
    '/api/environments/:id/plate',
    {
      schema: {
        tags,
        description: 'Removes the locked plate; its file goes unless another asset shares it.',
        params: IdParams,
        headers: IfMatchHeader,
        response: { 200: EnvironmentWrite, ...writeErrors },
      },
    },
    async (request) => {
      const base = parseIfMatch(request.headers['if-match']);
      const { version, result } = await repository.clearPlate(request.params.id, base);
      return { version, environment: result };
    },
  );
};

export default environments;
