import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { StudioEventPayloads, StudioEventType } from '@ministudio/domain';
import type { StudioEvent } from '@ministudio/pipeline';
import { IdParams } from './common';

/**
 * One message on the stream. Job, take and film payloads are the domain's types, published as they are
 * (a job's status change is already the pipeline's jobSummary, advice included, so nothing is mapped
 * here); `hello` opens a stream and `reset` tells the client that what it missed is gone.
 */
type StreamMessage =
  | { [T in StudioEventType]: { id: string; event: T; data: StudioEventPayloads[T] } }[StudioEventType]
  | { id: string; event: 'hello'; data: { projectId: string } }
  | { id: string; event: 'reset'; data: { reason: string } };

const message = (event: StudioEvent): StreamMessage =>
  ({ id: String(event.id), event: event.type, data: event.data }) as StreamMessage;

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
          'Server-Sent Events: `job` (a JobSummary on a status change, a JobProgressEvent on a progress tick), `take` and `film` changes; `reset` asks the client to reload.',
        params: IdParams,
      },
    },
    async (request, reply) => {
      const projectId = request.params.id;
      await app.projectsRepository.assertExists(projectId);
      const log = app.renderer.events;
      const send = (out: StreamMessage) => reply.sse.send(out);
      const pending: StudioEvent[] = [];
      let flushing = false;
      const flush = async () => {
        if (flushing) return;
        flushing = true;
        try {
          while (pending.length && reply.sse.isConnected) await send(message(pending.shift()!));
        } finally {
          flushing = false;
        }
      };
      // Subscribe first, so nothing published during the replay is lost.
      const unsubscribe = log.subscribe((event) => {
        if (event.projectId !== projectId) return;
        pending.push(event);
        // A client that went away mid-send is not an error worth more than a line.
        void flush().catch((err: unknown) => request.log.warn({ err, projectId }, 'sending an event failed'));
      });
      reply.sse.onClose(unsubscribe);
      reply.sse.keepAlive();
      const lastId = reply.sse.lastEventId === null ? null : Number(reply.sse.lastEventId);
      if (lastId !== null && Number.isFinite(lastId)) {
        const missed = log.since(lastId, projectId);
        if (missed === null) {
          await send({
            id: String(log.lastId),
            event: 'reset',
            data: { reason: 'missed events are no longer kept' },
          });
        } else {
          const replayed = new Set(missed.map((e) => e.id));
          for (let i = pending.length - 1; i >= 0; i--)
            if (replayed.has(pending[i]!.id)) pending.splice(i, 1);
          for (const event of missed) await send(message(event));
        }
      } else {
        await send({ id: String(log.lastId), event: 'hello', data: { projectId } });
      }
      await flush();
    },
  );
};

export default events;
