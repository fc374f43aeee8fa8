import type { Db } from '@ministudio/db';
import { ErrorBody } from '@ministudio/domain';
import type { FastifyInstance } from 'fastify';
import Type, { type TSchema } from 'typebox';
import { removeFilesIfUnused } from '../services/asset-gc';
import { parseIfMatch, type Tx, writeProject } from '../services/project-write';
import { addReference, type ReferenceTable, removeReference, uploadReference } from '../services/references';
import { IdParams, IfMatchHeader, writeErrors } from './common';

export interface ReferenceRoutesOptions {
  /** Singular, as in the answer `{ version, character }`. */
  owner: 'character' | 'environment';
  /** The path segment: /api/characters/:id/references. */
  plural: 'characters' | 'environments';
  table: ReferenceTable;
  writeResult: TSchema;
  projectOf: (db: Db, id: string) => Promise<string>;
  load: (tx: Tx, id: string) => Promise<unknown>;
}

/** Adding and removing reference images: the same two routes for characters and environments. */
export function registerReferenceRoutes(app: FastifyInstance, options: ReferenceRoutesOptions): void {
  const { db } = app;
  const { owner, plural, table } = options;
  const tags = [plural];

  app.post(
    `/api/${plural}/:id/references`,
    {
      schema: {
        tags,
        description:
          'Adds a reference image (multipart field "file": PNG, JPEG, WebP or GIF, at most 20 MB).',
        params: IdParams,
        headers: IfMatchHeader,
        consumes: ['multipart/form-data'],
        response: { 201: options.writeResult, ...writeErrors, 413: ErrorBody, 415: ErrorBody },
      },
    },
    async (request, reply) => {
      const base = parseIfMatch(request.headers['if-match']);
      const { id } = request.params as { id: string };
      const { version, result } = await uploadReference(
        app,
        request,
        await options.projectOf(db, id),
        base,
        async (tx, assetId) => {
          await addReference(tx, table, id, assetId);
          return options.load(tx, id);
        },
      );
      return reply.status(201).send({ version, [owner]: result });
    },
  );

  app.delete(
    `/api/${plural}/:id/references/:assetId`,
    {
      schema: {
        tags,
        params: Type.Object({ id: Type.String(), assetId: Type.String() }),
        headers: IfMatchHeader,
        response: { 200: options.writeResult, ...writeErrors },
      },
    },
    async (request) => {
      const base = parseIfMatch(request.headers['if-match']);
      const { id, assetId } = request.params as { id: string; assetId: string };
      const { version, result } = await writeProject(
        db,
        await options.projectOf(db, id),
        base,
        async (tx) => {
          const sha = await removeReference(tx, table, id, assetId);
          return { entity: await options.load(tx, id), sha };
        },
      );
      await removeFilesIfUnused(db, app.assets, [result.sha]);
      return { version, [owner]: result.entity };
    },
  );
}
