import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

/** Serves the built editor and falls back to index.html so client-side routes survive a reload. */
export default fp(async function web(app: FastifyInstance, options: { webDir: string | null }) {
  const webDir = options.webDir;
  const hasWeb = webDir !== null && existsSync(path.join(webDir, 'index.html'));
  if (hasWeb) {
    await app.register(fastifyStatic, { root: webDir, prefix: '/', wildcard: false, decorateReply: false });
  }
  app.setNotFoundHandler((request, reply) => {
    const url = request.url.split('?')[0] ?? '';
    if (!url.startsWith('/api/') && request.method === 'GET' && hasWeb) {
      return reply.type('text/html').sendFile('index.html', webDir);
    }
    return reply.status(404).send({
      error: { code: 'not_found', message: `No route ${request.method} ${url}`, details: null },
    });
  });
});
