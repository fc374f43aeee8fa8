import { RedisEngine } from '@ministudio/pipeline';
import { buildApp } from './app';
import { configFromEnv } from './config';
import { isLoopbackAddress } from './lib/host-policy';

let config: ReturnType<typeof configFromEnv>;
try {
  config = configFromEnv(process.env);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
if (!isLoopbackAddress(config.host) && !config.publicUrl) {
  // Beyond loopback the studio must know its own name, or it cannot tell its pages from another site's.
  console.error(
    `HOST=${config.host} makes the studio reachable from other machines: also set MINISTUDIO_PUBLIC_URL to the address people will open, e.g. MINISTUDIO_PUBLIC_URL=http://studio.local:${config.port}`,
  );
  process.exit(1);
}
if (config.redisUrl && !config.workerToken) {
  console.error(
    'REDIS_URL is set: also set MINISTUDIO_WORKER_TOKEN, the secret your workers use to reach this studio.',
  );
  process.exit(1);
}
const redisUrl = config.redisUrl;
const app = await buildApp({
  dataDir: config.dataDir,
  webDir: config.webDir,
  seedSamples: config.seedSamples,
  workerToken: config.workerToken,
  security: { publicUrl: config.publicUrl, extraHosts: config.allowedHosts },
  // Readable lines in a terminal; JSON lines (for log collectors) otherwise.
  logger: process.stdout.isTTY
    ? {
        level: config.logLevel,
        transport: {
          target: 'pino-pretty',
          options: {
            translateTime: 'HH:MM:ss',
            singleLine: true,
            ignore: 'pid,hostname,reqId,method,url,status,ms',
            messageFormat: '{msg} {method} {url} {status}',
          },
        },
      }
    : { level: config.logLevel },
  render: {
    concurrency: config.concurrency,
    env: process.env,
    retryBaseSeconds: 2,
    // With Redis, jobs go to BullMQ and `pnpm worker` processes run them; otherwise they run here.
    engine: redisUrl ? (app, scheduler) => new RedisEngine(scheduler, redisUrl, app.log) : null,
  },
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    app.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}

await app.ready();
const ownerPassword = process.env.MINISTUDIO_OWNER_PASSWORD;
if (ownerPassword && !(await app.hasAccounts())) {
  // First start of a team's studio (docker compose): the owner from the environment, made once.
  const name = process.env.MINISTUDIO_OWNER_NAME?.trim() || 'owner';
  try {
    await app.accounts.createUser({ name, password: ownerPassword, role: 'owner' });
  } catch (error) {
    console.error(`MINISTUDIO_OWNER_PASSWORD: ${error instanceof Error ? error.message : String(error)}`);
    await app.close();
    process.exit(1);
  }
  app.log.info({ name }, 'owner account created from MINISTUDIO_OWNER_PASSWORD');
}
if (!isLoopbackAddress(config.host) && !(await app.hasAccounts())) {
  console.error(
    `HOST=${config.host} would let anyone who reaches this machine use the studio, and it has no accounts yet.\n` +
      'Make an owner first: `pnpm ministudio user add --owner NAME`, or start once with MINISTUDIO_OWNER_PASSWORD set\n' +
      '(and MINISTUDIO_OWNER_NAME, default "owner"). On loopback (HOST=127.0.0.1) it works without accounts.',
  );
  await app.close();
  process.exit(1);
}
await app.listen({ host: config.host, port: config.port });
const address = app.server.address();
const port = typeof address === 'object' && address ? address.port : config.port;
const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
console.log(
  `\n  MiniStudio is running at http://${shownHost}:${port}/\n  data: ${config.dataDir}\n  jobs: ${redisUrl ? 'Redis (run `pnpm worker` on any machine)' : `in this process, ${config.concurrency} at a time`}\n`,
);
