import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

/**
 * One JSON line per request (Fastify's own two lines are turned off in app.ts) carrying the request id,
 * which is also sent back as `x-request-id` so a person reporting a problem can quote it. Only method,
 * path, status and time: never bodies or headers, which may carry keys.
 */
export default fp(async function requestLog(app: FastifyInstance) {
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  app.addHook('onResponse', async (request, reply) => {
    request.log.info(
      {
        method: request.method,
        url: request.url.split('?')[0],
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime * 10) / 10,
      },
      'request',
    );
  });
});
