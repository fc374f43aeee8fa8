import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { StudioEvent } from '@ministudio/pipeline';
import { notFound } from '../lib/http-error';
import { IdParams } from './common';

/**
 * Job, take and film changes of one project as Server-Sent Events. A client that reconnects with
 * Last-Event-ID gets what it missed; when that is no longer kept it gets `reset` and reloads the lists.
 */
const events: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/projects/:id/events',
    {
      sse: 'only',
      schema: {
        tags: ['render'],
        description:
          'Server-Sent Events: `job` (status and progress), `take` and `film` changes; `reset` asks the client to reload.',
        params: IdParams,
      },
    },
    async (request, reply) => {
      const projectId = request.params.id;
      const exists = await app.db.project.count({ where: { id: projectId } });
      if (!exists) throw notFound('Project', projectId);
      const log = app.renderer.events;
      const format = (event: StudioEvent) => ({ id: String(event.id), event: event.type, data: event.data });
      const pending: StudioEvent[] = [];
      let flushing = false;
      const flush = async () => {
        if (flushing) return;
        flushing = true;
        try {
          while (pending.length && reply.sse.isConnected) await reply.sse.send(format(pending.shift()!));
        } finally {
          flushing = false;
        }
      };
      // Subscribe first, so nothing published during the replay is lost.
      const unsubscribe = log.subscribe((event) => {
        if (event.projectId !== projectId) return;
        pending.push(event);
        void flush().catch(() => {});
      });
      reply.sse.onClose(unsubscribe);
      reply.sse.keepAlive();
      const lastId = reply.sse.lastEventId === null ? null : Number(reply.sse.lastEventId);
      if (lastId !== null && Number.isFinite(lastId)) {
        const missed = log.since(lastId, projectId);
        if (missed === null) {
          await reply.sse.send({
            id: String(log.lastId),
            event: 'reset',
            data: { reason: 'missed events are no longer kept' },
          });
        } else {
          const replayed = new Set(missed.map((e) => e.id));
          for (let i = pending.length - 1; i >= 0; i--)
            if (replayed.has(pending[i]!.id)) pending.splice(i, 1);
          for (const event of missed) await reply.sse.send(format(event));
        }
      } else {
        await reply.sse.send({ id: String(log.lastId), event: 'hello', data: { projectId } });
      }
      await flush();
    },
  );
};

export default events;
