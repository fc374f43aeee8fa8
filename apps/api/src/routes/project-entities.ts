import { ErrorBody, VersionOnly, WriteResult } from '@ministudio/domain';
import type { FastifyInstance } from 'fastify';
import Type, { type TSchema } from 'typebox';
import { type ReceivedImage, receiveImage } from '../services/uploads';
import { IdParams, IfMatchHeader, parseIfMatch, writeErrors } from './common';

type Written = Promise<{ version: number; result: unknown }>;

/** The writes every project entity's repository offers (repositories/project-entities.ts). */
export interface EntityRepository {
  create(projectId: string, baseVersion: number, body: object): Written;
  update(id: string, baseVersion: number, body: object): Written;
  remove(id: string, baseVersion: number, force: boolean): Promise<{ version: number }>;
  addReference(id: string, baseVersion: number, receive: () => Promise<ReceivedImage>): Written;
  removeReference(id: string, baseVersion: number, assetId: string): Written;
}

export interface EntityRoutesOptions {
  /** Singular, as in the answer `{ version, character }`. */
  singular: 'character' | 'environment';
  /** The path segment and OpenAPI tag: /api/characters/:id. */
  plural: 'characters' | 'environments';
  body: TSchema;
  /** The body of a create: the fields and, optionally, the place in the list. */
  createBody: TSchema;
  view: TSchema;
  repository: EntityRepository;
  deleteDescription: string;
  /** Whether DELETE takes `?force=true` (for an entity others refer to, which the delete then cleans up). */
  forceDelete: boolean;
  /** Checks a create or change body beyond its schema (a character's voice) before anything is written. */
  checkBody?: (body: object) => Promise<void>;
}

export const uploadErrors = { ...writeErrors, 413: ErrorBody, 415: ErrorBody };

const ForceQuery = Type.Object({
  force: Type.Optional(Type.Union([Type.Literal('true'), Type.Literal('false')])),
});

/**
 * The routes of one kind of project entity, the same for characters and environments: create, change,
 * delete, and add or remove reference images.
 */
export function registerEntityRoutes(app: FastifyInstance, options: EntityRoutesOptions): void {
  const { singular, plural, repository } = options;
  const tags = [plural];
  const writeResult = WriteResult(singular, options.view);
  const written = ({ version, result }: { version: number; result: unknown }) => ({
    version,
    [singular]: result,
  });

  app.post(
    `/api/projects/:id/${plural}`,
    {
      schema: {
        tags,
        description: `Adds a ${singular} at the end (or at \`position\`); its key comes from its name, and fields not given take their defaults.`,
        params: IdParams,
        headers: IfMatchHeader,
        body: options.createBody,
        response: { 201: writeResult, ...writeErrors },
      },
    },
    async (request, reply) => {
      const base = parseIfMatch(request.headers['if-match']);
      const { id } = request.params as { id: string };
      await options.checkBody?.(request.body as object);
      return reply.status(201).send(written(await repository.create(id, base, request.body as object)));
    },
  );

  app.patch(
    `/api/${plural}/:id`,
    {
      schema: {
        tags,
        description: `Changes a ${singular}; its key stays.`,
        params: IdParams,
        headers: IfMatchHeader,
        body: options.body,
        response: { 200: writeResult, ...writeErrors },
      },
    },
    async (request) => {
      const base = parseIfMatch(request.headers['if-match']);
      const { id } = request.params as { id: string };
      await options.checkBody?.(request.body as object);
      return written(await repository.update(id, base, request.body as object));
    },
  );

  app.delete(
    `/api/${plural}/:id`,
    {
      schema: {
        tags,
        description: options.deleteDescription,
        params: IdParams,
        headers: IfMatchHeader,
        ...(options.forceDelete ? { querystring: ForceQuery } : {}),
        response: { 200: VersionOnly, ...writeErrors },
      },
    },
    async (request) => {
      const base = parseIfMatch(request.headers['if-match']);
      const { id } = request.params as { id: string };
      const force = options.forceDelete && (request.query as { force?: string }).force === 'true';
      return repository.remove(id, base, force);
    },
  );

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
        response: { 201: writeResult, ...uploadErrors },
      },
    },
    async (request, reply) => {
      const base = parseIfMatch(request.headers['if-match']);
      const { id } = request.params as { id: string };
      const receive = () => receiveImage(request, app.assets);
      return reply.status(201).send(written(await repository.addReference(id, base, receive)));
    },
  );

  app.delete(
    `/api/${plural}/:id/references/:assetId`,
    {
      schema: {
        tags,
        description: 'Removes a reference image; its file goes unless another asset shares it.',
        params: Type.Object({ id: IdParams.properties.id, assetId: IdParams.properties.id }),
        headers: IfMatchHeader,
        response: { 200: writeResult, ...writeErrors },
      },
    },
    async (request) => {
      const base = parseIfMatch(request.headers['if-match']);
      const { id, assetId } = request.params as { id: string; assetId: string };
      return written(await repository.removeReference(id, base, assetId));
    },
  );
}
