import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Ajv from 'ajv';
import { afterAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { freePort, until } from './render-harness';

// Our machines have no Docker engine, so the image is never built here. What can be proven without one:
// the compose file is valid Compose, the Dockerfile has the shape a team deployment needs, and the image's
// own start command (run from the checkout, which is what the image holds at /app) brings a studio up
// from an empty data folder and passes the image's health check.

const root = path.resolve(import.meta.dirname, '../../..');
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');

type Service = {
  image?: string;
  build?: unknown;
  command?: string[];
  ports?: string[];
  container_name?: string;
  environment?: Record<string, string>;
  volumes?: string[];
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test?: string[]; disable?: boolean };
};
type Compose = { services: Record<string, Service>; volumes?: Record<string, unknown> };

function composeErrors(document: unknown): string[] {
  const schema = JSON.parse(read('deploy/compose-spec.schema.json'));
  // The schema names draft-07 by an https URL Ajv does not know; its keywords are plain draft-07.
  const ajv = new Ajv({ strict: false, validateSchema: false, allErrors: true });
  const validate = ajv.compile(schema);
  if (validate(document)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`);
}

describe('docker-compose.yml', () => {
  const compose = parseYaml(read('docker-compose.yml')) as Compose;

  it('is valid under the Compose Specification schema', () => {
    expect(composeErrors(compose)).toEqual([]);
  });

  it('is checked by a validator that does refuse a broken file', () => {
    const broken = structuredClone(compose) as unknown as {
      services: Record<string, Record<string, unknown>>;
    };
    broken.services.studio!.ports = 5170;
    broken.services.studio!.restart_policy = 'always';
    expect(composeErrors(broken).length).toBeGreaterThan(0);
  });

  it('runs the studio, Redis and workers that scale, sharing one worker token and keeping data on volumes', () => {
    const { studio, redis, worker } = compose.services;
    expect(studio && redis && worker).toBeTruthy();
    // A fixed container name or a published port would stop `--scale worker=4` from starting a second one.
    expect(worker!.container_name).toBeUndefined();
    expect(worker!.ports).toBeUndefined();
    expect(worker!.image).toBe(studio!.image);
    expect(worker!.environment!.MINISTUDIO_URL).toBe('http://studio:5170');
    expect(worker!.environment!.REDIS_URL).toBe(studio!.environment!.REDIS_URL);
    expect(worker!.environment!.MINISTUDIO_WORKER_TOKEN).toBe(studio!.environment!.MINISTUDIO_WORKER_TOKEN);
    // The token comes from .env and compose stops with a message when it is missing.
    expect(studio!.environment!.MINISTUDIO_WORKER_TOKEN).toMatch(/^\$\{MINISTUDIO_WORKER_TOKEN:\?.+\}$/);
    expect(studio!.volumes).toContain('studio-data:/data');
    expect(studio!.environment!.MINISTUDIO_DATA).toBe('/data');
    expect(Object.keys(compose.volumes ?? {})).toEqual(expect.arrayContaining(['studio-data', 'redis-data']));
    expect(studio!.depends_on?.redis?.condition).toBe('service_healthy');
    expect(redis!.healthcheck?.test).toContain('redis-cli');
    expect(redis!.command).toEqual(expect.arrayContaining(['--maxmemory-policy', 'noeviction']));
    // The worker's command is a file that exists in the image.
    expect(existsSync(path.join(root, worker!.command!.at(-1)!))).toBe(true);
  });

  it('names in .env.example every variable the compose file interpolates', () => {
    const used = new Set([...read('docker-compose.yml').matchAll(/\$\{([A-Z_]+)/g)].map((m) => m[1]));
    const example = read('.env.example');
    for (const name of used) expect(example).toMatch(new RegExp(`^${name}=`, 'm'));
  });
});

type Instruction = { keyword: string; args: string };

/** The Dockerfile's instructions per stage (continuation lines joined, comments dropped). */
function dockerStages(text: string): Instruction[][] {
  const joined = text.replace(/\\\n/g, ' ');
  const stages: Instruction[][] = [];
  for (const line of joined.split('\n')) {
    const trimmed = line.trim();
    if (!trimmed || trimmed.startsWith('#')) continue;
    const [keyword = '', ...rest] = trimmed.split(/\s+/);
    const instruction = { keyword: keyword.toUpperCase(), args: rest.join(' ') };
    if (instruction.keyword === 'FROM') stages.push([]);
    stages.at(-1)?.push(instruction);
  }
  return stages;
}

/** `ENV A=1 B=2` pairs of a stage. */
function stageEnv(stage: Instruction[]): Record<string, string> {
  const env: Record<string, string> = {};
  for (const i of stage.filter((s) => s.keyword === 'ENV')) {
    for (const pair of i.args.matchAll(/([A-Z_][A-Z0-9_]*)=(\S+)/g)) env[pair[1]!] = pair[2]!;
  }
  return env;
}

const execForm = (args: string): string[] => JSON.parse(args.replace(/^CMD\s+/, '')) as string[];

describe('Dockerfile', () => {
  const stages = dockerStages(read('Dockerfile'));
  const runtime = stages.at(-1)!;
  const find = (keyword: string) => runtime.filter((i) => i.keyword === keyword);

  it('builds in one stage and runs from a slim one, as a non-root user, with ffmpeg, espeak-ng and fonts', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    expect(stages[0]![0]!.args).toMatch(/ AS build$/);
    expect(runtime[0]!.args).toMatch(/-slim\b/);
    expect(runtime.some((i) => i.keyword === 'COPY' && i.args.startsWith('--from=build'))).toBe(true);
    const user = find('USER').at(-1)?.args;
    expect(user).toBeDefined();
    expect(['root', '0']).not.toContain(user);
    const installs = find('RUN')
      .map((i) => i.args)
      .join(' ');
    for (const pkg of ['ffmpeg', 'espeak-ng', 'fonts-dejavu-core']) expect(installs).toContain(pkg);
    expect(find('HEALTHCHECK')).toHaveLength(1);
    expect(find('CMD')).toHaveLength(1);
  });

  describe('the image start command, run from a clean data folder', () => {
    let studio: ChildProcess | null = null;
    let dataDir = '';
    afterAll(() => {
      studio?.kill('SIGKILL');
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    });

    const [command, ...args] = execForm(find('CMD')[0]!.args);
    const executable = command === 'node' ? process.execPath : command!;

    it('refuses to listen beyond loopback while the studio has no owner, and says how to make one', () => {
      const emptyData = mkdtempSync(path.join(tmpdir(), 'ministudio-image-'));
      const env: NodeJS.ProcessEnv = {
        ...process.env,
        ...stageEnv(runtime),
        PORT: '0',
        MINISTUDIO_DATA: emptyData,
      };
      delete env.MINISTUDIO_OWNER_PASSWORD;
      const result = spawnSync(executable, args, { cwd: root, env, encoding: 'utf8', timeout: 60_000 });
      rmSync(emptyData, { recursive: true, force: true });
      expect(result.status).toBe(1);
      expect(result.stderr).toContain('ministudio user add --owner NAME');
      expect(result.stderr).toContain('MINISTUDIO_OWNER_PASSWORD');
    }, 90_000);

    it('brings the studio up with its first owner, passes the image health check, and stops on SIGTERM', async () => {
      const port = String(await freePort());
      dataDir = mkdtempSync(path.join(tmpdir(), 'ministudio-image-'));
      const env = {
        ...process.env,
        ...stageEnv(runtime),
        PORT: port,
        MINISTUDIO_DATA: dataDir,
        LOG_LEVEL: 'warn',
        MINISTUDIO_OWNER_NAME: 'producer',
        MINISTUDIO_OWNER_PASSWORD: 'first start password',
      };
      const started = Date.now();
      studio = spawn(executable, args, { cwd: root, env, stdio: 'ignore' });
      const health = () => {
        const healthcheck = find('HEALTHCHECK')[0]!.args.replace(/^.*?CMD\s+/, '');
        const [hcCommand, ...hcArgs] = JSON.parse(healthcheck) as string[];
        return spawnSync(hcCommand === 'node' ? process.execPath : hcCommand!, hcArgs, { cwd: root, env })
          .status;
      };
      await until(async () => health() === 0, 60_000, 250);
      console.log(`image start command: healthy after ${((Date.now() - started) / 1000).toFixed(1)} s`);
      const base = `http://127.0.0.1:${port}`;
      expect((await fetch(`${base}/api/projects`)).status).toBe(401);
      const signIn = await fetch(`${base}/api/auth/sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'producer', password: 'first start password' }),
      });
      expect(signIn.status).toBe(200);
      const cookie = signIn.headers.getSetCookie()[0]!.split(';')[0]!;
      const projects = (await (
        await fetch(`${base}/api/projects`, { headers: { cookie } })
      ).json()) as unknown[];
      expect(Array.isArray(projects)).toBe(true);
      // The empty folder became a studio: its database and media store were made there, not in the checkout.
      expect(readdirSync(dataDir).length).toBeGreaterThan(0);

      const exited = new Promise<number | null>((resolve) => studio!.once('exit', (code) => resolve(code)));
      studio.kill('SIGTERM');
      expect(await exited).toBe(0);
      studio = null;
      expect(health()).not.toBe(0);
    }, 90_000);
  });
});
