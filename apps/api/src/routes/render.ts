import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody, RenderBody, RenderStart, ShotCheck } from '@ministudio/domain';
import { jobSummary } from '@ministudio/pipeline';
import Type from 'typebox';
import { SpendService } from '../services/spend';
import { IdParams } from './common';
import { refusal } from './render-refusal';
import { spendRoutes } from './spend';

const tags = ['render'];

/** Starting renders and checking shots against their providers. */
const render: FastifyPluginAsyncTypebox = async (app) => {
  const service = app.renderer.service;
  const projects = app.projectsRepository;
  const spend = new SpendService(app.db, service, app.dataDir);
  await app.register(spendRoutes(spend));

  app.post(
    '/api/projects/:id/render',
    {
      preValidation: async (request) => {
        request.body ??= {};
      },
      schema: {
        tags,
        description:
          'Renders every selected shot that has no current take (all shots when the body is {}). Unchanged shots reuse their take; a render already on its way is not started twice. Answers 422 unsupported_by_provider for shots a provider cannot take (each broken constraint in details.shots), 422 provider_not_configured when a shot’s provider has no key or address set, and 422 over_spend_limit when its cost would pass a daily or monthly limit (details.remainingMicros, details.breaches). Each new take’s cost is recorded when it is queued.',
        params: IdParams,
        body: RenderBody,
        response: { 202: RenderStart, 400: ErrorBody, 404: ErrorBody, 422: ErrorBody },
      },
    },
    async (request, reply) => {
      const project = await projects.view(request.params.id);
      const result = await spend
        .renderWithinLimits(project, request.body, () => service.render(project, request.body))
        .catch(refusal);
      // Tags the jobs with this request's id (the log line carries reqId), so one id leads from a
      // request to the work it started.
      if (result.jobs.length) request.log.info({ jobIds: result.jobs.map((j) => j.id) }, 'jobs queued');
      return reply.status(202).send({ jobs: result.jobs.map(jobSummary), shots: result.shots });
    },
  );

  app.get(
    '/api/projects/:id/render-check',
    {
      schema: {
        tags,
        description: 'Checks every shot against its provider’s capabilities without rendering.',
        params: IdParams,
        response: { 200: Type.Array(ShotCheck), 404: ErrorBody },
      },
    },
    async (request) => service.check(await projects.view(request.params.id), {}),
  );
};

export default render;
