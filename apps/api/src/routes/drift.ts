import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { DriftDismissalInput, DriftJobAccepted, ErrorBody, ProjectDriftReport } from '@ministudio/domain';
import Type from 'typebox';
import { DriftService } from '../services/drift';
import { IdParams } from './common';

const tags = ['drift'];

/**
 * Drift review: what changed between the chosen takes (colour of a character's part, the set's layout, the
 * grade) and within each (flicker, jitter, sync). The job runs in the studio's process in the background and
 * reports on the project's event stream (`event: drift`); the report is read back here.
 */
const drift: FastifyPluginAsyncTypebox = async (app) => {
  const service = new DriftService({
    db: app.db,
    store: app.assets,
    dataDir: app.dataDir,
    events: app.renderer.events,
    log: app.log,
  });
  // A run still measuring when the studio stops would write into a closed database and a removed folder.
  app.addHook('onClose', () => service.settled());
  app.decorate('drift', service);

  app.post(
    '/api/projects/:id/drift',
    {
      schema: {
        tags,
        description:
          'Starts the drift review of every shot’s chosen take (202 with its job id; a review already running is answered with its id). Progress and the end arrive on the project’s event stream as `event: drift`. 409 not_ready names the shots without a chosen take. Re-running after one shot changed re-measures only that shot and the pairs that involve it.',
        params: IdParams,
        response: { 202: DriftJobAccepted, 404: ErrorBody, 409: ErrorBody },
      },
    },
    async (request, reply) => {
      const accepted = await service.start(request.params.id);
      return reply.status(202).send(accepted);
    },
  );

  app.get(
    '/api/projects/:id/drift',
    {
      schema: {
        tags,
        description:
          'The last drift review of the chosen takes: per shot (within itself), per cut and per character (each appearance against the first), each finding with its value, threshold, level, the shot and take ids it concerns, a heatmap PNG URL where there is a block map, and whether it was dismissed. `stale` says the chosen takes changed since. 404 until a review has run.',
        params: IdParams,
        response: { 200: ProjectDriftReport, 404: ErrorBody },
      },
    },
    async (request) => service.report(request.params.id),
  );

  app.post(
    '/api/takes/:id/drift-dismissals',
    {
      schema: {
        tags,
        description:
          'Accepts a finding as intended for this take (by kind, subject and part): the report marks it `dismissed` and leaves it out of the worst levels. Answers the take’s dismissals.',
        params: IdParams,
        body: DriftDismissalInput,
        response: { 200: Type.Object({ dismissals: Type.Array(DriftDismissalInput) }), 404: ErrorBody },
      },
    },
    async (request) => ({ dismissals: await service.dismiss(request.params.id, request.body) }),
  );
};

declare module 'fastify' {
  interface FastifyInstance {
    drift: DriftService;
  }
}

export default drift;
