import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  CreateProjectBody,
  defaultProjectSettings,
  ErrorBody,
  OrderBody,
  PatchProjectBody,
  ProjectSummary,
  ProjectView,
  VersionOnly,
  WriteResult,
} from '@ministudio/domain';
import Type from 'typebox';
import { HttpError } from '../lib/http-error';
import { writeJson } from '../lib/json-column';
import { removeFilesIfUnused } from '../services/asset-gc';
import { exportProduction, importProduction } from '../services/production-io';
import { loadProjectView } from '../services/project-queries';
import { parseIfMatch, writeProject } from '../services/project-write';
import { IdParams, IfMatchHeader, writeErrors } from './common';

const ProjectWrite = WriteResult('project', ProjectView);
const tags = ['projects'];

const projects: FastifyPluginAsyncTypebox = async (app) => {
  const { db } = app;

  app.get('/api/projects', { schema: { tags, response: { 200: Type.Array(ProjectSummary) } } }, async () => {
    const rows = await db.project.findMany({
      orderBy: { updatedAt: 'desc' },
      include: { scenes: { select: { _count: { select: { shots: true } } } } },
    });
    return rows.map((row) => ({
      id: row.id,
      title: row.title,
      aspectRatio: row.aspectRatio,
      style: row.style,
      version: row.version,
      sceneCount: row.scenes.length,
      shotCount: row.scenes.reduce((sum, scene) => sum + scene._count.shots, 0),
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
    }));
  });

  app.post(
    '/api/projects',
    { schema: { tags, body: CreateProjectBody, response: { 201: ProjectWrite, 400: ErrorBody } } },
    async (request, reply) => {
      const settings = { ...defaultProjectSettings(request.body.title), ...request.body };
      const id = randomUUID();
      await db.project.create({
        data: { id, ...settings, narrationVoice: writeJson(settings.narrationVoice) },
      });
      const project = await loadProjectView(db, id);
      return reply.status(201).send({ version: project.version, project });
    },
  );

  app.get(
    '/api/projects/:id',
    { schema: { tags, params: IdParams, response: { 200: ProjectView, 404: ErrorBody } } },
    async (request) => loadProjectView(db, request.params.id),
  );

  app.patch(
    '/api/projects/:id',
    {
      schema: {
        tags,
        params: IdParams,
        headers: IfMatchHeader,
        body: PatchProjectBody,
        response: { 200: ProjectWrite, ...writeErrors },
      },
    },
    async (request) => {
      const base = parseIfMatch(request.headers['if-match']);
      const { narrationVoice, ...rest } = request.body;
      const { version, result } = await writeProject(db, request.params.id, base, async (tx) => {
        await tx.project.update({
          where: { id: request.params.id },
          data: { ...rest, ...(narrationVoice ? { narrationVoice: writeJson(narrationVoice) } : {}) },
        });
        return loadProjectView(tx, request.params.id);
      });
      return { version, project: result };
    },
  );

  app.delete(
    '/api/projects/:id',
    {
      schema: {
        tags,
        params: IdParams,
        headers: IfMatchHeader,
        response: { 200: VersionOnly, ...writeErrors },
      },
    },
    async (request) => {
      const base = parseIfMatch(request.headers['if-match']);
      const { version, result: shas } = await writeProject(db, request.params.id, base, async (tx) => {
        const assets = await tx.asset.findMany({
          where: { projectId: request.params.id },
          select: { sha256: true },
        });
        await tx.project.delete({ where: { id: request.params.id } });
        return assets.map((a) => a.sha256);
      });
      await removeFilesIfUnused(db, app.assets, shas);
      return { version };
    },
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
      const doc = await exportProduction(db, app.assets, request.params.id);
      const title = request.body.title ?? `${doc.project.title} (copy)`.slice(0, 120);
      const id = await importProduction(db, app.assets, doc, title);
      const project = await loadProjectView(db, id);
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
        response: { 201: Type.Object({ id: Type.String(), version: Type.Integer() }), 400: ErrorBody },
      },
    },
    async (request, reply) => {
      const id = await importProduction(db, app.assets, request.body);
      const project = await db.project.findUniqueOrThrow({ where: { id }, select: { version: true } });
      return reply.status(201).send({ id, version: project.version });
    },
  );

  app.get(
    '/api/projects/:id/export',
    { schema: { tags, description: 'The project as a production document (attachment).', params: IdParams } },
    async (request, reply) => {
      const doc = await exportProduction(db, app.assets, request.params.id);
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
        params: IdParams,
        headers: IfMatchHeader,
        body: OrderBody,
        response: { 200: ProjectWrite, ...writeErrors },
      },
    },
    async (request) => {
      const base = parseIfMatch(request.headers['if-match']);
      const { version, result } = await writeProject(db, request.params.id, base, async (tx) => {
        const scenes = await tx.scene.findMany({
          where: { projectId: request.params.id },
          select: { id: true },
        });
        assertPermutation(
          scenes.map((s) => s.id),
          request.body.ids,
          'scene',
        );
        for (const [position, id] of request.body.ids.entries()) {
          await tx.scene.update({ where: { id }, data: { position } });
        }
        return loadProjectView(tx, request.params.id);
      });
      return { version, project: result };
    },
  );
};

export function assertPermutation(existing: string[], given: string[], what: string) {
  const have = new Set(existing);
  const missing = existing.filter((id) => !given.includes(id));
  const unknown = given.filter((id) => !have.has(id));
  if (missing.length || unknown.length) {
    throw new HttpError('validation_failed', `The new order must list every ${what} exactly once`, {
      issues: [
        ...missing.map((id) => ({ path: '/ids', message: `missing ${what} ${id}` })),
        ...unknown.map((id) => ({ path: '/ids', message: `${id} is not a ${what} here` })),
      ],
    });
  }
}

export default projects;
