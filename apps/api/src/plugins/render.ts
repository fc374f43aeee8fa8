import type { Engine, RunJob, Scheduler } from '@ministudio/pipeline';
import { createRenderRuntime, type RenderRuntime } from '@ministudio/pipeline';
import { createReloadingRegistry, type ReloadingRegistry } from '@ministudio/providers';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

declare module 'fastify' {
  interface FastifyInstance {
    providers: ReloadingRegistry;
    renderer: RenderRuntime;
  }
}

export interface RenderPluginOptions {
  concurrency: number;
  env: NodeJS.ProcessEnv;
  /** Retry timing; tests shorten it. */
  retryBaseSeconds: number;
  /** Builds a non-default engine (the Redis one); null runs jobs in this process. */
  engine: ((app: FastifyInstance, scheduler: Scheduler, runLocal: RunJob) => Engine) | null;
}

/** The providers and the render machinery, started when the server is ready and stopped on close. */
export default fp(
  async function render(app: FastifyInstance, options: RenderPluginOptions) {
    // Follows providers.json: a key written on the providers page (or by hand) applies without a restart.
    const providers = createReloadingRegistry({
      env: options.env,
      dataDir: app.dataDir,
      fetch: null,
      log: (line: string) => app.log.info(line),
    });
    const runtime = createRenderRuntime({
      db: app.db,
      store: app.assets,
      dataDir: app.dataDir,
      providers,
      concurrency: options.concurrency,
      scheduler: { retry: { baseSeconds: options.retryBaseSeconds, maxSeconds: 300 } },
      engine: options.engine ? (scheduler, runLocal) => options.engine!(app, scheduler, runLocal) : null,
      // With a separate engine (Redis) the jobs run on workers, which hold their own keys.
      providerKeysOnWorkers: options.engine !== null,
      log: app.log,
    });
    app.decorate('providers', providers);
    app.decorate('renderer', runtime);
    app.addHook('onReady', async () => {
      await runtime.start();
    });
    app.addHook('preClose', async () => {
      await runtime.stop();
    });
  },
  { name: 'render', dependencies: ['db'] },
);
