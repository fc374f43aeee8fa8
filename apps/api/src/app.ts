import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import multipart from '@fastify/multipart';
import sse from '@fastify/sse';
import fastifyStatic from '@fastify/static';
import { TypeBoxValidatorCompiler } from '@fastify/type-provider-typebox';
import Fastify, {
  type FastifyInstance,
  type FastifyReply,
  type FastifyServerOptions,
  LogController,
} from 'fastify';
import type { StudioConfig } from './config';
import auth from './plugins/auth';
import dbPlugin from './plugins/db';
import errorHandler from './plugins/error-handler';
import openapi from './plugins/openapi';
import renderPlugin, { type RenderPluginOptions } from './plugins/render';
import repositories from './plugins/repositories';
import requestLog from './plugins/request-log';
import security, { type SecurityOptions } from './plugins/security';
import web from './plugins/web';
import accounts from './routes/accounts';
import assets from './routes/assets';
import characters from './routes/characters';
import drift from './routes/drift';
import editExport from './routes/edit-export';
import environments from './routes/environments';
import events from './routes/events';
import film from './routes/film';
import health from './routes/health';
import jobs from './routes/jobs';
import projects from './routes/projects';
import providers from './routes/providers';
import render from './routes/render';
import renderFiles from './routes/render-files';
import scenes from './routes/scenes';
import shots from './routes/shots';
import takes from './routes/takes';
import workerRoutes from './routes/worker';
import { MAX_IMAGE_BYTES } from './services/uploads';

export type AppOptions = Pick<StudioConfig, 'dataDir' | 'webDir' | 'seedSamples' | 'workerToken'> & {
  logger: FastifyServerOptions['logger'];
  render: RenderPluginOptions;
  /** The names the studio answers to; loopback only when absent. */
  security?: SecurityOptions;
};

// A proxy's request id is kept when it looks like one, so one id follows a request through both logs.
const REQUEST_ID = /^[\w.:-]{1,64}$/;

/**
 * Builds the studio in the three tiers of Fastify's demo app: external plugins (errors, OpenAPI,
 * multipart, static files, SSE), then the app's own (database, render runtime, the repositories), then
 * routes, which only validate, call a repository or the render runtime, and answer. Tests call this with
 * a temporary data folder and use `app.inject()`.
 */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger,
    // Fastify logs method, url and status, never bodies or headers: those may carry keys.
    bodyLimit: 2 * 1024 * 1024,
    // Long ids reach our own validation (400 in the error shape); beyond this the router refuses them, and
    // frameworkErrors below puts that refusal in the error shape too.
    routerOptions: { maxParamLength: 2000 },
    frameworkErrors: (error, _request, reply: FastifyReply) => {
      const tooLong = error.code === 'FST_ERR_MAX_PARAM_LENGTH';
      reply.status(tooLong ? 414 : 400).send({
        error: {
          code: tooLong ? 'uri_too_long' : 'validation_failed',
          message: tooLong ? 'A part of the URL is too long.' : 'The URL is not valid.',
          details: null,
        },
      });
    },
    // plugins/request-log.ts writes one line per request instead of Fastify's two.
    logController: new LogController({ disableRequestLogging: true }),
    genReqId: (request) => {
      const incoming = request.headers['x-request-id'];
      return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    },
  }).withTypeProvider();
  app.setValidatorCompiler(TypeBoxValidatorCompiler);

  await app.register(errorHandler);
  await app.register(requestLog);
  await app.register(security, options.security ?? { publicUrl: null, extraHosts: [] });
  await app.register(openapi);
  await app.register(multipart, { limits: { fileSize: MAX_IMAGE_BYTES, files: 1, fields: 10 } });
  const mediaRoot = path.join(options.dataDir, 'media');
  mkdirSync(mediaRoot, { recursive: true });
  // Decorates reply.sendFile (Range, ETag, 416) for the asset routes; serves nothing by itself.
  await app.register(fastifyStatic, { root: mediaRoot, serve: false });

  await app.register(sse);
  await app.register(dbPlugin, { dataDir: options.dataDir, seedSamples: options.seedSamples });
  await app.register(renderPlugin, options.render);
  await app.register(repositories);
  await app.register(auth, {
    workerToken: options.workerToken,
    secureCookies: options.security?.publicUrl?.protocol === 'https:',
  });

  await app.register(health);
  await app.register(accounts);
  await app.register(projects);
  await app.register(characters);
  await app.register(environments);
  await app.register(scenes);
  await app.register(shots);
  await app.register(assets);
  await app.register(render);
  await app.register(jobs);
  await app.register(takes);
  await app.register(film);
  await app.register(renderFiles);
  await app.register(editExport);
  await app.register(drift);
  await app.register(events);
  await app.register(providers);
  if (options.workerToken) await app.register(workerRoutes(options.workerToken));
  await app.register(web, { webDir: options.webDir });
  return app;
}
