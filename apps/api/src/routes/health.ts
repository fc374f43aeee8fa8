import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Production } from '@ministudio/domain';
import Type from 'typebox';

const started = Date.now();

const health: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/health',
    {
      // Load balancers and the image's health check ask without signing in.
      config: { access: 'public' },
      schema: {
        tags: ['studio'],
        description: 'Answers once the studio and its database are up.',
        response: {
          200: Type.Object({
            status: Type.Literal('ok'),
            version: Type.String(),
            uptimeSeconds: Type.Number(),
          }),
        },
      },
    },
    async () => {
      await app.healthRepository.ping();
      return { status: 'ok' as const, version: '0.1.0', uptimeSeconds: (Date.now() - started) / 1000 };
    },
  );

  app.get('/api/schema/production.json', { schema: { hide: true } }, async (_request, reply) => {
    return reply.type('application/schema+json').send(JSON.stringify(Production));
  });
};

export default health;
