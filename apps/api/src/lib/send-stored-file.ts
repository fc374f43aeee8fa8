import type { AssetStore } from '@ministudio/db';
import type { FastifyReply } from 'fastify';

/**
 * Answers with a file of the content-addressed store through @fastify/static's sendFile (HTTP Range, ETag,
 * 416), with the asset's own type. `filename` names a download; `cache` is for bytes that never change.
 */
export function sendStoredFile(
  reply: FastifyReply,
  store: AssetStore,
  asset: { sha256: string; mime: string },
  options: { filename?: string | null; cache?: string } = {},
) {
  if (options.filename)
    reply.header('content-disposition', `inline; filename="${options.filename.replace(/[^\w.-]+/g, '_')}"`);
  if (options.cache) reply.header('cache-control', options.cache);
  reply.type(asset.mime);
  return reply.sendFile(store.relativePath(asset.sha256), store.root, {
    cacheControl: false,
    contentType: false,
  });
}
