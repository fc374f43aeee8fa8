import { timingSafeEqual } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody, FAILURE_CODES } from '@ministudio/domain';
import type { OutputMeta } from '@ministudio/pipeline';
import type { FastifyRequest } from 'fastify';
import Type from 'typebox';
import { HttpError, notFound } from '../lib/http-error';

const tags = ['workers'];
const Params = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });

function parseMeta(text: string): OutputMeta {
  try {
    return JSON.parse(text) as OutputMeta;
  } catch {
    throw new HttpError('validation_failed', '"meta" is not JSON', {
      issues: [{ path: 'body/meta', message: 'is not JSON' }],
    });
  }
}

/**
 * What remote workers (apps/worker) use instead of a shared disk: claim a job, read its inputs from
 * /api/assets, upload outputs, report progress and the outcome. Every call carries the worker token.
 */
export default function workerRoutes(token: string): FastifyPluginAsyncTypebox {
  const expected = Buffer.from(`Bearer ${token}`);
  const authorised = (request: FastifyRequest) => {
    const given = Buffer.from(request.headers.authorization ?? '');
    return given.length === expected.length && timingSafeEqual(given, expected);
  };
  return async (app) => {
    const { renderer } = app;
    // Not a person's role: these routes take the worker token only (checked below), never a session.
    app.addHook('onRoute', (route) => {
      route.config = { ...route.config, access: 'worker' };
    });
    app.addHook('onRequest', async (request) => {
      if (!authorised(request)) throw new HttpError('unauthorized', 'A valid worker token is required', null);
    });

    app.post(
      '/api/worker/jobs/:id/claim',
      {
        schema: {
          tags,
          description:
            'Claims a delivered job for this attempt; answers the job and its dependencies with their results.',
          params: Params,
          body: Type.Object({ attempt: Type.Integer({ minimum: 1 }) }, { additionalProperties: false }),
          response: {
            200: Type.Object({ job: Type.Unknown(), deps: Type.Array(Type.Unknown()) }),
            409: ErrorBody,
          },
        },
      },
      async (request) => {
        const job = await renderer.scheduler.claimDelivery(request.params.id, request.body.attempt);
        if (!job)
          throw new HttpError('not_ready', 'The job is not waiting for this delivery', {
            id: request.params.id,
          });
        return { job, deps: await renderer.dependenciesOf(job) };
      },
    );

    app.post(
      '/api/worker/jobs/:id/progress',
      {
        schema: {
          tags,
          description: 'Reports progress (0..1); `cancelled` tells the worker to stop.',
          params: Params,
          body: Type.Object(
            {
              progress: Type.Number({ minimum: 0, maximum: 1 }),
              /** The figure is the worker's estimate from elapsed time (the provider reports none). */
              estimated: Type.Optional(Type.Boolean()),
            },
            { additionalProperties: false },
          ),
          response: { 200: Type.Object({ cancelled: Type.Boolean() }) },
        },
      },
      async (request) => {
        await renderer.scheduler.progress(
          request.params.id,
          request.body.progress,
          request.body.estimated === true,
        );
        const job = await renderer.scheduler.get(request.params.id);
        return { cancelled: job?.status !== 'running' };
      },
    );

    app.post(
      '/api/worker/jobs/:id/outputs',
      {
        schema: {
          tags,
          description: 'Multipart: a field "meta" (JSON OutputMeta) then the file in "file".',
          params: Params,
          consumes: ['multipart/form-data'],
          response: { 201: Type.Object({ id: Type.String(), sha256: Type.String() }), 404: ErrorBody },
        },
      },
      async (request, reply) => {
        const job = await renderer.scheduler.get(request.params.id);
        if (job?.status !== 'running') throw notFound('Running job', request.params.id);
        const part = await request.file({ limits: { fileSize: 4 * 1024 * 1024 * 1024 } });
        const metaField = part?.fields.meta;
        const metaText = metaField && 'value' in metaField ? String(metaField.value) : null;
        if (!part || !metaText) {
          throw new HttpError('validation_failed', 'Send "meta" then "file"', {
            issues: [{ path: 'body', message: 'meta and file are required' }],
          });
        }
        const dir = path.join(app.dataDir, 'tmp', 'uploads');
        await mkdir(dir, { recursive: true });
        const temp = path.join(dir, `${request.params.id}-${Date.now()}.upload`);
        try {
          await writeFile(temp, part.file);
          if (part.file.truncated) throw new HttpError('payload_too_large', 'The output is too large', null);
          const stored = await app.assetsRepository.storeOutput(job.projectId, temp, parseMeta(metaText));
          return reply.status(201).send(stored);
        } finally {
          await rm(temp, { force: true });
        }
      },
    );

    app.get(
      '/api/worker/projects/:id/cached',
      {
        schema: {
          tags,
          description: 'A file of the project with this cache key (a speech line, a plate), or null.',
          params: Params,
          querystring: Type.Object({ key: Type.String({ minLength: 1, maxLength: 300 }) }),
        },
      },
      async (request) => ({ asset: await app.assetsRepository.cached(request.params.id, request.query.key) }),
    );

    app.post(
      '/api/worker/jobs/:id/complete',
      {
        schema: {
          tags,
          description: 'Reports the job succeeded with its result.',
          params: Params,
          body: Type.Object({ result: Type.Unknown() }, { additionalProperties: false }),
        },
      },
      async (request) => {
        await renderer.scheduler.succeed(request.params.id, request.body.result);
        renderer.engine.wake();
        return { ok: true };
      },
    );

    app.post(
      '/api/worker/jobs/:id/fail',
      {
        schema: {
          tags,
          description: 'Reports the job failed; the scheduler retries it when `retryable`.',
          params: Params,
          body: Type.Object(
            {
              code: Type.Unsafe<(typeof FAILURE_CODES)[number]>({ type: 'string', enum: [...FAILURE_CODES] }),
              message: Type.String({ maxLength: 2000 }),
              retryable: Type.Boolean(),
              retryAfterSeconds: Type.Union([Type.Number({ minimum: 0 }), Type.Null()]),
            },
            { additionalProperties: false },
          ),
        },
      },
      async (request) => {
        await renderer.scheduler.fail(request.params.id, request.body);
        renderer.engine.wake();
        return { ok: true };
      },
    );
  };
}
