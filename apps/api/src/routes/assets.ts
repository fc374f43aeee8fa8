import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody } from '@ministudio/domain';
import { sendStoredFile } from '../lib/send-stored-file';
import { THUMBNAIL_SIZE } from '../repositories/assets';
import { IdParams } from './common';

const tags = ['assets'];
// Content-addressed files never change: clients may cache them for good.
const FOREVER = 'private, max-age=31536000, immutable';

const assets: FastifyPluginAsyncTypebox = async (app) => {
  const repository = app.assetsRepository;

  app.get(
    '/api/assets/:id',
    {
      schema: {
        tags,
        description: 'The stored file. Supports HTTP Range requests (video scrubbing, resumable downloads).',
        params: IdParams,
        response: { 404: ErrorBody, 416: ErrorBody },
      },
    },
    async (request, reply) => {
      return sendStoredFile(reply, app.assets, await repository.find(request.params.id), { cache: FOREVER });
    },
  );

  app.get(
    '/api/assets/:id/thumbnail',
    {
      schema: {
        tags,
        description: `A PNG at most ${THUMBNAIL_SIZE} px on its long side (404 for non-images).`,
        params: IdParams,
      },
    },
    async (request, reply) => {
      const png = await repository.thumbnail(request.params.id);
      return reply.header('cache-control', FOREVER).type('image/png').send(png);
    },
  );
};

export default assets;
