import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  ErrorBody,
  ProjectSpend,
  RenderBody,
  RenderEstimateSchema,
  SpendLimitsBody,
  SpendLimitsView,
} from '@ministudio/domain';
import Type from 'typebox';
import { HttpError } from '../lib/http-error';
import type { SpendService } from '../services/spend';
import { IdParams } from './common';
import { refusal } from './render-refusal';

const tags = ['spend'];

/** What a render will cost, what a project has spent, and the owner's limits. */
export function spendRoutes(spend: SpendService): FastifyPluginAsyncTypebox {
  return async (app) => {
    const projects = app.projectsRepository;

    app.post(
      '/api/projects/:id/render-estimate',
      {
        preValidation: async (request) => {
          request.body ??= {};
        },
        // Reading: a viewer may ask what a render would cost; nothing is queued.
        config: { access: 'viewer' },
        schema: {
          tags,
          description:
            'What POST /render with the same body would cost: per model, shots × the seconds the provider renders × its published price (integer micro-dollars). Reused takes cost nothing; a model with no published price is counted in unknownShots, not as zero. breaches lists the limits it would pass.',
          params: IdParams,
          body: RenderBody,
          response: { 200: RenderEstimateSchema, 400: ErrorBody, 404: ErrorBody },
        },
      },
      async (request) => {
        const project = await projects.view(request.params.id);
        return spend.estimate(project, request.body).catch(refusal);
      },
    );

    app.get(
      '/api/projects/:id/spend',
      {
        schema: {
          tags,
          description: 'What this project’s takes cost when they were queued (reused takes cost nothing).',
          params: IdParams,
          response: { 200: ProjectSpend, 404: ErrorBody },
        },
      },
      async (request) => {
        await projects.view(request.params.id);
        return spend.projectSpend(request.params.id);
      },
    );

    app.get(
      '/api/spend/limits',
      {
        config: { access: 'owner' },
        schema: {
          tags,
          description:
            'The daily and monthly limits (studio and per provider) and what was spent today and this month (UTC).',
          response: { 200: SpendLimitsView },
        },
      },
      async () => spend.limits(),
    );

    app.put(
      '/api/spend/limits/studio',
      {
        config: { access: 'owner' },
        schema: {
          tags,
          description: 'Sets the studio’s daily and monthly limits (micro-dollars; null: none).',
          body: SpendLimitsBody,
          response: { 200: SpendLimitsView, 400: ErrorBody },
        },
      },
      async (request) => {
        await spend.setLimits('studio', '', request.body);
        return spend.limits();
      },
    );

    app.put(
      '/api/spend/limits/providers/:provider',
      {
        config: { access: 'owner' },
        schema: {
          tags,
          description: 'Sets one video provider’s daily and monthly limits (micro-dollars; null: none).',
          params: Type.Object({ provider: Type.String({ minLength: 1, maxLength: 100 }) }),
          body: SpendLimitsBody,
          response: { 200: SpendLimitsView, 400: ErrorBody, 404: ErrorBody },
        },
      },
      async (request) => {
        const { provider } = request.params;
        if (!app.providers.video(provider))
          throw new HttpError('not_found', `No video provider "${provider}"`, { provider });
        await spend.setLimits('provider', provider, request.body);
        return spend.limits();
      },
    );
  };
}
