import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SAMPLE_PRODUCTIONS } from '@ministudio/domain';
import { RedisEngine, SILENT_LOG, startRemoteWorker } from '@ministudio/pipeline';
import { createProviderRegistry } from '@ministudio/providers';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/app';

export type EngineKind = 'embedded' | 'redis';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** A real redis-server on a free loopback port, stopped by its PID. */
export async function startRedis(): Promise<{ url: string; stop: () => Promise<void> }> {
  const port = await freePort();
  const child: ChildProcess = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    {
      stdio: 'ignore',
    },
  );
  const url = `redis://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    const ready = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (ready) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    url,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export interface RenderStudio {
  app: FastifyInstance;
  baseUrl: string;
  dataDir: string;
  close: () => Promise<void>;
}

/** The studio listening on loopback with the chosen engine; with Redis, a remote worker talks to it over HTTP. */
export async function startRenderStudio(kind: EngineKind): Promise<RenderStudio> {
  const dataDir = mkdtempSync(path.join(tmpdir(), `ministudio-render-${kind}-`));
  const token = 'test-worker-token-0123456789';
  const redis = kind === 'redis' ? await startRedis() : null;
  const app = await buildApp({
    dataDir,
    webDir: null,
    seedSamples: false,
    workerToken: redis ? token : null,
    logger: false,
    render: {
      concurrency: 2,
      env: {},
      retryBaseSeconds: 0.05,
      engine: redis ? (app, scheduler) => new RedisEngine(scheduler, redis.url, app.log) : null,
    },
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const worker = redis
    ? startRemoteWorker({
        studio: { baseUrl, token },
        redisUrl: redis.url,
        concurrency: 2,
        workRoot: path.join(dataDir, 'worker'),
        providers: createProviderRegistry({ env: {}, dataDir: null, fetch: null, log: null }),
        progressMs: 100,
        log: SILENT_LOG,
      })
    : null;
  return {
    app,
    baseUrl,
    dataDir,
    async close() {
      await worker?.close();
      await app.close();
      await redis?.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A small production: two short shots at 320x180, one spoken line and one narration. */
export function smallProduction(seconds = 2) {
  const doc = structuredClone(SAMPLE_PRODUCTIONS[0]!);
  doc.project.title = 'Small film';
  doc.project.width = 320;
  doc.project.height = 180;
  const scene = doc.scenes[0]!;
  scene.shots = [
    {
      ...scene.shots[1]!,
      duration: seconds,
      dialogue: [{ character: 'emma', text: 'Hello.' }],
      narration: '',
    },
    { ...scene.shots[3]!, duration: seconds, dialogue: [], narration: 'It grows.' },
  ];
  return doc;
}

/** Every leftover temporary file under the data folder (there must be none once work is done). */
export function leftovers(dataDir: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      const full = path.join(dir, entry);
      if (statSync(full).isDirectory()) walk(full);
      else if (
        /\.tmp$|\.upload$|\.part$/.test(entry) ||
        full.includes(`${path.sep}tmp${path.sep}jobs${path.sep}`)
      )
        found.push(full);
    }
  };
  walk(dataDir);
  return found;
}

export async function until<T>(
  check: () => Promise<T | null | false | undefined>,
  timeoutMs = 60_000,
  stepMs = 100,
): Promise<T> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    const value = await check();
    if (value) return value;
    await new Promise((resolve) => setTimeout(resolve, stepMs));
  }
  throw new Error('condition not met in time');
}

/** Reads Server-Sent Events from a URL until `stop` says enough, or the time runs out. */
export async function readEvents(
  url: string,
  lastEventId: string | null,
  stop: (events: { id: string; event: string; data: unknown }[]) => boolean,
  timeoutMs = 30_000,
): Promise<{ id: string; event: string; data: unknown }[]> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const events: { id: string; event: string; data: unknown }[] = [];
  try {
    const response = await fetch(url, {
      headers: { accept: 'text/event-stream', ...(lastEventId ? { 'last-event-id': lastEventId } : {}) },
      signal: controller.signal,
    });
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    while (true) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      let cut = buffer.indexOf('\n\n');
      while (cut >= 0) {
        const block = buffer.slice(0, cut);
        buffer = buffer.slice(cut + 2);
        const fields: Record<string, string> = {};
        for (const line of block.split('\n')) {
          const at = line.indexOf(':');
          if (at > 0) fields[line.slice(0, at)] = line.slice(at + 1).trimStart();
        }
        if (fields.event || fields.data) {
          events.push({
            id: fields.id ?? '',
            event: fields.event ?? 'message',
            data: fields.data ? JSON.parse(fields.data) : null,
          });
        }
        cut = buffer.indexOf('\n\n');
      }
      if (stop(events)) break;
    }
  } catch (error) {
    if (!controller.signal.aborted) throw error;
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
  return events;
}
