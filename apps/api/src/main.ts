import { buildApp } from './app';
import { configFromEnv } from './config';

const config = configFromEnv(process.env);
const app = await buildApp({
  dataDir: config.dataDir,
  webDir: config.webDir,
  seedSamples: config.seedSamples,
  logger: { level: config.logLevel },
  render: { concurrency: config.concurrency, env: process.env, retryBaseSeconds: 2, engine: null },
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    app.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}

await app.listen({ host: config.host, port: config.port });
const address = app.server.address();
const port = typeof address === 'object' && address ? address.port : config.port;
const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
console.log(`\n  MiniStudio is running at http://${shownHost}:${port}/\n  data: ${config.dataDir}\n`);
