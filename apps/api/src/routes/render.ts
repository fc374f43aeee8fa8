import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  ErrorBody,
  JobSummary,
  RenderBody,
  RenderStart,
  ShotCheck,
  ShotState,
  TakeView,
} from '@ministudio/domain';
import { jobSummary, RenderRefused, toJobRecord } from '@ministudio/pipeline';
import type { FastifyReply } from 'fastify';
import Type from 'typebox';
import { HttpError, notFound } from '../lib/http-error';
import { loadProjectView, projectOfShot } from '../services/project-queries';
import { IdParams } from './common';

const tags = ['render'];

function refusal(error: unknown): never {
  if (error instanceof RenderRefused) throw new HttpError(error.code, error.message, error.details);
  throw error;
}

const render: FastifyPluginAsyncTypebox = async (app) => {
  const { db } = app;
  const service = app.renderer.service;

  app.post(
    '/api/projects/:id/render',
    {
      preValidation: async (request) => {
        request.body ??= {};
      },
      schema: {
        tags,
        description:
          'Renders every selected shot that has no current take (all shots when the body is {}). Unchanged shots reuse their take; a render already on its way is not started twice. Shots a provider cannot take are refused with 422 and each broken constraint in details.shots.',
        params: IdParams,
        body: RenderBody,
        response: {
          202: RenderStart,
          400: ErrorBody,
          404: ErrorBody,
          422: ErrorBody,
        },
      },
    },
    async (request, reply) => {
      const project = await loadProjectView(db, request.params.id);
      const result = await service.render(project, request.body).catch(refusal);
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
        response: {
          200: Type.Array(ShotCheck),
          404: ErrorBody,
        },
      },
    },
    async (request) => service.check(await loadProjectView(db, request.params.id), {}),
  );

  app.get(
    '/api/projects/:id/jobs',
    { schema: { tags, params: IdParams, response: { 200: Type.Array(JobSummary), 404: ErrorBody } } },
    async (request) => {
      const exists = await db.project.count({ where: { id: request.params.id } });
      if (!exists) throw notFound('Project', request.params.id);
      const rows = await db.renderJob.findMany({
        where: { projectId: request.params.id },
        orderBy: { createdAt: 'asc' },
      });
      return rows.map((row) => jobSummary(toJobRecord(row)));
    },
  );

  app.post(
    '/api/jobs/:id/cancel',
    { schema: { tags, params: IdParams, response: { 200: JobSummary, 404: ErrorBody } } },
    async (request) => {
      const job = await app.renderer.scheduler.get(request.params.id);
      if (!job) throw notFound('Job', request.params.id);
      await service.cancel([job.id]);
      return jobSummary((await app.renderer.scheduler.get(job.id))!);
    },
  );

  app.get(
    '/api/projects/:id/shot-states',
    {
      schema: {
        tags,
        description: 'Each shot’s chosen take and whether the shot changed since it was rendered (stale).',
        params: IdParams,
        response: {
          200: Type.Array(ShotState),
          404: ErrorBody,
        },
      },
    },
    async (request) => app.renderer.takes.shotStates(await loadProjectView(db, request.params.id)),
  );

  app.get(
    '/api/shots/:id/takes',
    { schema: { tags, params: IdParams, response: { 200: Type.Array(TakeView), 404: ErrorBody } } },
    async (request) => {
      const project = await loadProjectView(db, await projectOfShot(db, request.params.id));
      return app.renderer.takes.takes(project, request.params.id).catch(refusal);
    },
  );

  app.patch(
    '/api/takes/:id',
    {
      schema: {
        tags,
        description:
          'Pins a take (new renders do not replace a pinned chosen take) or makes it the chosen one.',
        params: IdParams,
        body: Type.Object(
          { pinned: Type.Optional(Type.Boolean()), chosen: Type.Optional(Type.Literal(true)) },
          { additionalProperties: false, minProperties: 1 },
        ),
        response: { 200: TakeView, 400: ErrorBody, 404: ErrorBody, 409: ErrorBody },
      },
    },
    async (request) => {
      const take = await db.take.findUnique({ where: { id: request.params.id } });
      if (!take) throw notFound('Take', request.params.id);
      if (take.status !== 'succeeded' && (request.body.chosen || request.body.pinned)) {
        throw new HttpError('not_ready', 'Only a finished take can be chosen or pinned', {
          status: take.status,
        });
      }
      if (request.body.pinned !== undefined)
        await db.take.update({ where: { id: take.id }, data: { pinned: request.body.pinned } });
      if (request.body.chosen || request.body.pinned)
        await app.renderer.takes.choose(take.shotId, take.id, true);
      const project = await loadProjectView(db, await projectOfShot(db, take.shotId));
      const views = await app.renderer.takes.takes(project, take.shotId);
      return views.find((v) => v.id === take.id)!;
    },
  );

  app.delete(
    '/api/takes/:id',
    {
      schema: {
        tags,
        description: 'Deletes a take; its files go too unless another take shares them.',
        params: IdParams,
        response: { 200: Type.Object({ removedFiles: Type.Integer() }), 404: ErrorBody },
      },
    },
    async (request) => {
      const removed = await app.renderer.takes.deleteTake(request.params.id).catch(refusal);
      return { removedFiles: removed.length };
    },
  );

  app.post(
    '/api/projects/:id/film',
    {
      schema: {
        tags,
        description:
          'Queues the assembly of the film from the chosen takes (stream copy, a chapter per scene, soft subtitles).',
        params: IdParams,
        response: { 202: Type.Object({ job: JobSummary }), 404: ErrorBody, 409: ErrorBody },
      },
    },
    async (request, reply) => {
      const job = await app.renderer.film.film(await loadProjectView(db, request.params.id)).catch(refusal);
      return reply.status(202).send({ job: jobSummary(job) });
    },
  );

  const sendAsset = async (reply: FastifyReply, assetId: string, filename: string | null) => {
    const asset = await db.asset.findUnique({ where: { id: assetId } });
    if (!asset) throw notFound('File', assetId);
    if (filename)
      reply.header('content-disposition', `inline; filename="${filename.replace(/[^\w.-]+/g, '_')}"`);
    reply.type(asset.mime);
    return reply.sendFile(app.assets.relativePath(asset.sha256), app.assets.root, {
      cacheControl: false,
      contentType: false,
    });
  };

  app.get(
    '/api/projects/:id/film',
    { schema: { tags, description: 'The finished film (MP4, HTTP Range supported).', params: IdParams } },
    async (request, reply) => {
      const project = await db.project.findUnique({
        where: { id: request.params.id },
        select: { title: true },
      });
      if (!project) throw notFound('Project', request.params.id);
      const assetId = await app.renderer.film.filmAsset(request.params.id);
      if (!assetId)
        throw new HttpError(
          'not_found',
          'The film has not been assembled yet: POST /api/projects/:id/film first',
          null,
        );
      return sendAsset(reply, assetId, `${project.title}.mp4`);
    },
  );

  for (const [route, role, what] of [
    [
      '/api/shots/:id/preview',
      'video',
      'the chosen take’s finished clip (house format, with its fitted speech)',
    ],
    ['/api/shots/:id/proxy', 'proxy', 'the chosen take’s 540p scrubbing proxy'],
  ] as const) {
    app.get(
      route,
      { schema: { tags, description: `Serves ${what}, with HTTP Range support.`, params: IdParams } },
      async (request, reply) => {
        const shot = await db.shot.findUnique({
          where: { id: request.params.id },
          select: { chosenTakeId: true },
        });
        if (!shot) throw notFound('Shot', request.params.id);
        const take = shot.chosenTakeId
          ? await db.take.findUnique({ where: { id: shot.chosenTakeId } })
          : null;
        const assets =
          take && take.status === 'succeeded' ? (JSON.parse(take.assets) as Record<string, string>) : null;
        const assetId = assets?.[role];
        if (!assetId)
          throw new HttpError('not_found', 'This shot has no finished take yet', {
            shotId: request.params.id,
          });
        return sendAsset(reply, assetId, null);
      },
    );
  }
};

export default render;
