import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  CreateProjectBody,
  ErrorBody,
  OrderBody,
  PatchProjectBody,
  ProjectSummary,
  ProjectView,
  SettingsImpact,
  VersionOnly,
  WriteResult,
} from '@ministudio/domain';
import Type from 'typebox';
import { settingsImpact } from '../repositories/settings-impact';
import { assertVoicesKnown, productionVoices } from '../services/voice-check';
import { IdParams, IfMatchHeader, parseIfMatch, writeErrors } from './common';

const ProjectWrite = WriteResult('project', ProjectView);
const tags = ['projects'];

const projects: FastifyPluginAsyncTypebox = async (app) => {
  const repository = app.projectsRepository;

  app.get(
    '/api/projects',
    {
      schema: {
        tags,
        description: 'Every project, the latest changed first, with its scene and shot counts.',
        response: { 200: Type.Array(ProjectSummary) },
      },
    },
    async () => repository.list(),
  );

  app.post(
    '/api/projects',
    {
      schema: {
        tags,
        description: 'Creates a project; settings not given take their defaults.',
        body: CreateProjectBody,
        response: { 201: ProjectWrite, 400: ErrorBody },
      },
    },
    async (request, reply) => {
      const project = await repository.create(request.body);
      return reply.status(201).send({ version: project.version, project });
    },
  );

  app.get(
    '/api/projects/:id',
    {
      schema: {
        tags,
        description:
          'The whole project: settings, characters, environments, scenes and their shots. The ETag changes with the project version and the chosen takes; `If-None-Match` with it answers 304.',
        params: IdParams,
        response: { 200: ProjectView, 304: Type.Null(), 404: ErrorBody },
      },
    },
    async (request, reply) => {
      // Serialised by this route's own response schema, once per version.
      const { tag: etag, json } = await repository.serialisedView(request.params.id, (view) =>
        String(reply.serialize(view)),
      );
      reply.header('etag', etag).header('cache-control', 'no-cache');
      if (request.headers['if-none-match'] === etag) return reply.status(304).send(null);
      // Already the schema's JSON, as bytes: sent as they are (`as never`: the typed reply expects the object).
      return reply.type('application/json; charset=utf-8').send(json as never);
    },
  );

  app.patch(
    '/api/projects/:id',
    {
      schema: {
        tags,
        description: 'Changes the project’s settings.',
        params: IdParams,
        headers: IfMatchHeader,
        body: PatchProjectBody,
        response: { 200: ProjectWrite, ...writeErrors },
      },
    },
    async (request) => {
      const base = parseIfMatch(request.headers['if-match']);
      const { narrationVoice } = request.body;
      if (narrationVoice) {
        await assertVoicesKnown(app.providers, [{ path: 'body/narrationVoice', voice: narrationVoice }]);
      }
      const { version, result } = await repository.update(request.params.id, base, request.body);
      return { version, project: result };
    },
  );

  app.post(
    '/api/projects/:id/settings-impact',
    {
      schema: {
        tags,
        description:
          'How many rendered shots a settings change would make stale, without applying it (the editor asks before applying).',
        params: IdParams,
        body: PatchProjectBody,
        response: { 200: SettingsImpact, 400: ErrorBody, 404: ErrorBody },
      },
    },
    async (request) =>
      settingsImpact(app.renderer.takes, await repository.view(request.params.id), request.body),
  );

  app.delete(
    '/api/projects/:id',
    {
      schema: {
        tags,
        description:
          'Deletes the project and everything in it; its files go unless another project shares them.',
        params: IdParams,
        headers: IfMatchHeader,
        response: { 200: VersionOnly, ...writeErrors },
      },
    },
    async (request) => repository.remove(request.params.id, parseIfMatch(request.headers['if-match'])),
  );

  app.post(
    '/api/projects/:id/duplicate',
    {
      // The body is optional: no body means "default title".
      preValidation: async (request) => {
        request.body ??= {};
      },
      schema: {
        tags,
        description:
          'Copies the project (new ids, the same keys, so renders match) with its finished takes, which share their files with the original; the title defaults to "… (copy)".',
        params: IdParams,
        body: Type.Optional(
          Type.Object(
            { title: Type.Optional(Type.String({ minLength: 1, maxLength: 120 })) },
            { additionalProperties: false },
          ),
        ),
        response: { 201: ProjectWrite, 404: ErrorBody, 400: ErrorBody },
      },
    },
    async (request, reply) => {
      const project = await repository.duplicate(request.params.id, request.body.title);
      return reply.status(201).send({ version: project.version, project });
    },
  );

  app.post(
    '/api/projects/import',
    {
      bodyLimit: 200 * 1024 * 1024,
      schema: {
        tags,
        description: 'Imports a production document (see /api/schema/production.json) as a new project.',
        body: Type.Unknown(),
        response: {
          201: Type.Object({ id: Type.String(), version: Type.Integer() }),
          400: ErrorBody,
          422: ErrorBody,
        },
      },
    },
    async (request, reply) => {
      await assertVoicesKnown(app.providers, productionVoices(request.body));
      return reply.status(201).send(await repository.importProduction(request.body));
    },
  );

  app.get(
    '/api/projects/:id/export',
    {
      schema: {
        tags,
        description: 'The project as a production document (attachment).',
        params: IdParams,
      },
    },
    async (request, reply) => {
      const doc = await repository.exportProduction(request.params.id);
      const filename = `${doc.project.title.replace(/[^\w.-]+/g, '_').slice(0, 80) || 'production'}.ministudio.json`;
      return reply
        .header('content-disposition', `attachment; filename="${filename}"`)
        .type('application/json')
        .send(JSON.stringify(doc, null, 2));
    },
  );

  app.put(
    '/api/projects/:id/scene-order',
    {
      schema: {
        tags,
        description: 'Puts the scenes in this order; it must list every scene of the project once.',
        params: IdParams,
        headers: IfMatchHeader,
        body: OrderBody,
        response: { 200: ProjectWrite, ...writeErrors },
      },
    },
    async (request) => {
      const base = parseIfMatch(request.headers['if-match']);
      const { version, result } = await repository.reorderScenes(request.params.id, base, request.body.ids);
      return { version, project: result };
    },
  );
};

export default projects;
