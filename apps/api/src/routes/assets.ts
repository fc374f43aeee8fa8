import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { writeAtomic } from '@ministudio/db';
import { ErrorBody } from '@ministudio/domain';
import { HttpError, notFound } from '../lib/http-error';
import { makeThumbnail } from '../services/images';
import { IdParams } from './common';

const THUMBNAIL_SIZE = 256;
const tags = ['assets'];

const assets: FastifyPluginAsyncTypebox = async (app) => {
  const { db } = app;

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
      const asset = await db.asset.findUnique({ where: { id: request.params.id } });
      if (!asset) throw notFound('Asset', request.params.id);
      // Content-addressed files never change: cache them for good.
      reply.header('cache-control', 'private, max-age=31536000, immutable');
      reply.type(asset.mime);
      return reply.sendFile(app.assets.relativePath(asset.sha256), app.assets.root, {
        cacheControl: false,
        contentType: false,
      });
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
      const asset = await db.asset.findUnique({ where: { id: request.params.id } });
      if (!asset) throw notFound('Asset', request.params.id);
      if (asset.kind !== 'image') {
        throw new HttpError('not_found', 'Only images have thumbnails', { id: asset.id, kind: asset.kind });
      }
      const file = path.join(app.dataDir, 'thumbnails', `${asset.sha256}-${THUMBNAIL_SIZE}.png`);
      let png: Buffer;
      try {
        await stat(file);
        png = await readFile(file);
      } catch {
        png = await makeThumbnail(await readFile(app.assets.pathOf(asset.sha256)), THUMBNAIL_SIZE);
        await writeAtomic(file, png);
      }
      return reply
        .header('cache-control', 'private, max-age=31536000, immutable')
        .type('image/png')
        .send(png);
    },
  );
};

export default assets;
