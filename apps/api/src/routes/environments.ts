import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  defaultEnvironment,
  EnvironmentBody,
  EnvironmentView,
  ErrorBody,
  keyFromName,
  VersionOnly,
  WriteResult,
} from '@ministudio/domain';
import { notFound } from '../lib/http-error';
import { writeJson } from '../lib/json-column';
import { removeFilesIfUnused } from '../services/asset-gc';
import { projectOfEnvironment } from '../services/project-queries';
import { parseIfMatch, type Tx, writeProject } from '../services/project-write';
import { environmentReferences, uploadReference } from '../services/references';
import { environmentView } from '../services/views';
import { IdParams, IfMatchHeader, writeErrors } from './common';
import { registerReferenceRoutes } from './reference-routes';

const EnvironmentWrite = WriteResult('environment', EnvironmentView);
const tags = ['environments'];
const include = { references: { include: { asset: true } }, plate: true } as const;
const uploadErrors = { ...writeErrors, 413: ErrorBody, 415: ErrorBody };

async function loadEnvironment(tx: Tx, id: string) {
  const row = await tx.environment.findUnique({ where: { id }, include });
  if (!row) throw notFound('Environment', id);
  return environmentView(row);
}

const environments: FastifyPluginAsyncTypebox = async (app) => {
  const { db } = app;

  app.post(
    '/api/projects/:id/environments',
    {
      schema: {
        tags,
        params: IdParams,
        headers: IfMatchHeader,
        body: EnvironmentBody,
        response: { 201: EnvironmentWrite, ...writeErrors },
      },
    },
    async (request, reply) => {
      const base = parseIfMatch(request.headers['if-match']);
      const projectId = request.params.id;
      const fields = { ...defaultEnvironment(request.body.name ?? 'New location'), ...request.body };
      const { version, result } = await writeProject(db, projectId, base, async (tx) => {
        const existing = await tx.environment.findMany({ where: { projectId }, select: { key: true } });
        const id = randomUUID();
        await tx.environment.create({
          data: {
            id,
            projectId,
            key: keyFromName(
              fields.name,
              existing.map((e) => e.key),
            ),
            name: fields.name,
            position: existing.length,
            location: fields.location,
            identity: writeJson(fields.identity),
            context: writeJson(fields.context),
          },
        });
        return loadEnvironment(tx, id);
      });
      return reply.status(201).send({ version, environment: result });
    },
  );

  app.patch(
    '/api/environments/:id',
    {
      schema: {
        tags,
        params: IdParams,
        headers: IfMatchHeader,
        body: EnvironmentBody,
        response: { 200: EnvironmentWrite, ...writeErrors },
      },
    },
    async (request) => {
      const base = parseIfMatch(request.headers['if-match']);
      const id = request.params.id;
      const body = request.body;
      const { version, result } = await writeProject(
        db,
        await projectOfEnvironment(db, id),
        base,
        async (tx) => {
          await tx.environment.update({
            where: { id },
            data: {
              ...(body.name !== undefined ? { name: body.name } : {}),
              ...(body.location !== undefined ? { location: body.location } : {}),
              ...(body.identity !== undefined ? { identity: writeJson(body.identity) } : {}),
              ...(body.context !== undefined ? { context: writeJson(body.context) } : {}),
            },
          });
          return loadEnvironment(tx, id);
        },
      );
      return { version, environment: result };
    },
  );

  app.delete(
    '/api/environments/:id',
    {
      schema: {
        tags,
        description: 'Deletes an environment; scenes set in it keep no environment.',
        params: IdParams,
        headers: IfMatchHeader,
        response: { 200: VersionOnly, ...writeErrors },
      },
    },
    async (request) => {
      const base = parseIfMatch(request.headers['if-match']);
      const id = request.params.id;
      const { version, result: shas } = await writeProject(
        db,
        await projectOfEnvironment(db, id),
        base,
        async (tx) => {
          const environment = await tx.environment.findUniqueOrThrow({ where: { id }, include });
          await tx.environment.delete({ where: { id } });
          await tx.environment.updateMany({
            where: { projectId: environment.projectId, position: { gt: environment.position } },
            data: { position: { decrement: 1 } },
          });
          const owned = [
            ...environment.references.map((r) => r.asset),
            ...(environment.plate ? [environment.plate] : []),
          ];
          await tx.asset.deleteMany({ where: { id: { in: owned.map((a) => a.id) } } });
          return owned.map((a) => a.sha256);
        },
      );
      await removeFilesIfUnused(db, app.assets, shas);
      return { version };
    },
  );

  registerReferenceRoutes(app, {
    owner: 'environment',
    plural: 'environments',
    table: environmentReferences,
    writeResult: EnvironmentWrite,
    projectOf: projectOfEnvironment,
    load: loadEnvironment,
  });

  app.put(
    '/api/environments/:id/plate',
    {
      schema: {
        tags,
        description: 'Sets the locked plate: the frame every shot in this environment is composited over.',
        params: IdParams,
        headers: IfMatchHeader,
        consumes: ['multipart/form-data'],
        response: { 200: EnvironmentWrite, ...uploadErrors },
      },
    },
    async (request) => {
      const base = parseIfMatch(request.headers['if-match']);
      const id = request.params.id;
      const { version, result } = await uploadReference(
        app,
        request,
        await projectOfEnvironment(db, id),
        base,
        async (tx, assetId) => {
          const previous = await tx.environment.findUniqueOrThrow({
            where: { id },
            include: { plate: true },
          });
          await tx.environment.update({ where: { id }, data: { plateAssetId: assetId } });
          if (previous.plate) await tx.asset.delete({ where: { id: previous.plate.id } });
          return { environment: await loadEnvironment(tx, id), replaced: previous.plate?.sha256 ?? null };
        },
      );
      if (result.replaced) await removeFilesIfUnused(db, app.assets, [result.replaced]);
      return { version, environment: result.environment };
    },
  );

  app.delete(
    '/api/environments/:id/plate',
    {
      schema: {
        tags,
        params: IdParams,
        headers: IfMatchHeader,
        response: { 200: EnvironmentWrite, ...writeErrors },
      },
    },
    async (request) => {
      const base = parseIfMatch(request.headers['if-match']);
      const id = request.params.id;
      const { version, result } = await writeProject(
        db,
        await projectOfEnvironment(db, id),
        base,
        async (tx) => {
          const previous = await tx.environment.findUniqueOrThrow({
            where: { id },
            include: { plate: true },
          });
          if (!previous.plate) throw notFound('Plate of environment', id);
          await tx.environment.update({ where: { id }, data: { plateAssetId: null } });
          await tx.asset.delete({ where: { id: previous.plate.id } });
          return { environment: await loadEnvironment(tx, id), sha: previous.plate.sha256 };
        },
      );
      await removeFilesIfUnused(db, app.assets, [result.sha]);
      return { version, environment: result.environment };
    },
  );
};

export default environments;
