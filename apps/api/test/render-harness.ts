import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SAMPLE_PRODUCTIONS } from '@ministudio/domain';
import { isTempPath } from '@ministudio/files';
import { RedisEngine, SILENT_LOG, type StudioEvent, startRemoteWorker } from '@ministudio/pipeline';
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
        // Unexpected errors reach the test output: a failing render says why.
        log: { ...SILENT_LOG, error: (context, message) => console.error(`[worker] ${message}`, context) },
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

/**
 * The studio as users run it, in its own process (node with tsx's loader, so SIGKILL really kills the
 * studio and not a wrapper), on `dataDir` and `port`; resolves once /api/health answers.
 */
export async function spawnStudio(dataDir: string, port: number): Promise<ChildProcess> {
  const root = path.resolve(import.meta.dirname, '../../..');
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'apps/api/src/main.ts')], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      MINISTUDIO_DATA: dataDir,
      MINISTUDIO_WEB_DIR: '',
      LOG_LEVEL: 'warn',
    },
    stdio: 'ignore',
  });
  await until(async () => {
    try {
      return (await fetch(`http://127.0.0.1:${port}/api/health`)).ok;
    } catch {
      return false;
    }
  }, 60_000);
  return child;
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
    // One word each: even at one second, the line fits its shot (the speech-fit check refuses what does not).
    { ...scene.shots[3]!, duration: seconds, dialogue: [], narration: 'Growing.' },
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
        isTempPath(entry) ||
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

export type StreamedEvent = { id: string; event: string; data: unknown };

export interface EventStream {
  /**
   * Resolves on the first event (the studio's `hello`, a replay or `reset`): the studio sends it only
   * after it subscribed this stream, so whatever is published from then on arrives.
   */
  opened: Promise<void>;
  /** Everything read, once `stop` said enough, the stream ended, `close` was called or the time ran out. */
  events: Promise<StreamedEvent[]>;
  close(): void;
}

/** Reads Server-Sent Events from a URL. */
export function streamEvents(
  url: string,
  options: {
    lastEventId?: string | null;
    stop?: (events: StreamedEvent[]) => boolean;
    onEvent?: (event: StreamedEvent) => void;
    timeoutMs?: number;
  } = {},
): EventStream {
  const { lastEventId = null, stop = () => false, onEvent = () => {}, timeoutMs = 30_000 } = options;
  const controller = new AbortController();
  let markOpened!: () => void;
  let failOpening!: (error: Error) => void;
  const opened = new Promise<void>((resolve, reject) => {
    markOpened = resolve;
    failOpening = reject;
  });
  // Whoever awaits `events` hears about a failure; `opened` must not also raise an unhandled rejection.
  opened.catch(() => {});
  const events = (async () => {
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    const seen: StreamedEvent[] = [];
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
            const event = {
              id: fields.id ?? '',
              event: fields.event ?? 'message',
              data: fields.data ? JSON.parse(fields.data) : null,
            };
            seen.push(event);
            markOpened();
            onEvent(event);
          }
          cut = buffer.indexOf('\n\n');
        }
        if (stop(seen)) break;
      }
    } catch (error) {
      if (!controller.signal.aborted) throw error;
    } finally {
      clearTimeout(timer);
      controller.abort();
      failOpening(new Error(`the event stream at ${url} closed before its first event`));
    }
    return seen;
  })();
  return { opened, events, close: () => controller.abort() };
}

/** Reads Server-Sent Events from a URL until `stop` says enough, or the time runs out. */
export function readEvents(
  url: string,
  lastEventId: string | null,
  stop: (events: StreamedEvent[]) => boolean,
  timeoutMs = 30_000,
): Promise<StreamedEvent[]> {
  return streamEvents(url, { lastEventId, stop, timeoutMs }).events;
}

type Check<T> = () => Promise<T | null | false | undefined>;

/**
 * Resolves with `check`'s first truthy answer, asking it at once and again after every event
 * `subscribe` delivers: a test waits for the change itself, not for a clock. The timeout only turns a
 * hang into a failure.
 */
function recheckOnEvents<T>(
  subscribe: (listener: () => void) => () => void,
  check: Check<T>,
  timeoutMs: number,
  what: string,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let checking = false;
    let again = false;
    let finished = false;
    const finish = (settle: () => void) => {
      if (finished) return;
      finished = true;
      unsubscribe();
      clearTimeout(timer);
      settle();
    };
    const run = async () => {
      // One check at a time; an event during a check asks for one more afterwards.
      if (checking) {
        again = true;
        return;
      }
      checking = true;
      try {
        do {
          again = false;
          const value = await check();
          if (value) return finish(() => resolve(value));
        } while (again && !finished);
      } catch (error) {
        finish(() => reject(error));
      } finally {
        checking = false;
      }
    };
    const unsubscribe = subscribe(() => {
      if (!finished) void run();
    });
    const timer = setTimeout(
      () => finish(() => reject(new Error(`${what}: condition not met within ${timeoutMs} ms`))),
      timeoutMs,
    );
    void run();
  });
}

/** `check`'s first truthy answer, asked again after each event the studio publishes for the project. */
export function afterEvents<T>(
  app: FastifyInstance,
  projectId: string,
  check: Check<T>,
  timeoutMs = 120_000,
): Promise<T> {
  return recheckOnEvents(
    (listener) =>
      app.renderer.events.subscribe((event) => {
        if (event.projectId === projectId) listener();
      }),
    check,
    timeoutMs,
    `project ${projectId}`,
  );
}

/**
 * The same for a studio in another process: `check` is asked again after each event of its stream
 * (`/api/projects/:id/events`); the stream's first event (`hello`) asks it once it is subscribed.
 */
export function afterStreamedEvents<T>(eventsUrl: string, check: Check<T>, timeoutMs = 120_000): Promise<T> {
  return recheckOnEvents(
    (listener) => {
      const stream = streamEvents(eventsUrl, { onEvent: listener, timeoutMs });
      stream.events.catch(() => {}); // a stream cut short fails the wait by its timeout
      return () => stream.close();
    },
    check,
    timeoutMs,
    eventsUrl,
  );
}

/**
 * The next event the studio publishes for the project that `matches`. Call it before the action that
 * causes the event (it only hears what is published after the call).
 */
export function nextEvent(
  app: FastifyInstance,
  projectId: string,
  matches: (event: StudioEvent) => boolean,
  timeoutMs = 60_000,
): Promise<StudioEvent> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      unsubscribe();
      reject(new Error(`project ${projectId}: no matching event within ${timeoutMs} ms`));
    }, timeoutMs);
    const unsubscribe = app.renderer.events.subscribe((event) => {
      if (event.projectId !== projectId || !matches(event)) return;
      clearTimeout(timer);
      unsubscribe();
      resolve(event);
    });
  });
}

const ENDED = ['succeeded', 'failed', 'cancelled'];

/**
 * Waits until every job of the project has ended and every take has ended and been announced, and
 * returns the jobs. A take's `take` event is the last step of finishing it (after its status and after
 * it is made the shot's chosen take), so a take that ends during the wait counts once its event came.
 */
export async function whenSettled(app: FastifyInstance, projectId: string, timeoutMs = 120_000) {
  const announced = new Set<string>();
  const unsubscribe = app.renderer.events.subscribe((event) => {
    if (event.projectId !== projectId || event.type !== 'take') return;
    const take = event.data as { id: string; status: string };
    if (ENDED.includes(take.status)) announced.add(take.id);
  });
  try {
    const takesOf = () => app.db.take.findMany({ where: { shot: { scene: { projectId } } } });
    // Takes that had ended before the wait began were announced before it, too.
    for (const take of await takesOf()) if (ENDED.includes(take.status)) announced.add(take.id);
    return await afterEvents(
      app,
      projectId,
      async () => {
        const jobs = await app.db.renderJob.findMany({ where: { projectId }, orderBy: { createdAt: 'asc' } });
        if (jobs.length === 0 || jobs.some((job) => !ENDED.includes(job.status))) return null;
        const takes = await takesOf();
        return takes.every((take) => announced.has(take.id)) ? jobs : null;
      },
      timeoutMs,
    );
  } finally {
    unsubscribe();
  }
}

/**
 * Imports `doc` (the small production by default) and renders every shot to a succeeded, chosen take:
 * the known state a test that edits, assembles or re-renders starts from. Returns the project's id.
 */
export async function renderedProject(
  app: FastifyInstance,
  doc: unknown = smallProduction(),
): Promise<string> {
  const imported = await app.inject({ method: 'POST', url: '/api/projects/import', payload: doc as object });
  if (imported.statusCode !== 201) throw new Error(`import failed: ${imported.body}`);
  const projectId = (JSON.parse(imported.body) as { id: string }).id;
  const render = await app.inject({ method: 'POST', url: `/api/projects/${projectId}/render`, payload: {} });
  if (render.statusCode !== 202) throw new Error(`render failed: ${render.body}`);
  const jobs = await whenSettled(app, projectId);
  const unfinished = jobs.filter((job) => job.status !== 'succeeded');
  if (unfinished.length) {
    throw new Error(
      `setup render did not succeed: ${unfinished.map((j) => `${j.kind} ${j.status} ${j.errorMessage}`).join('; ')}`,
    );
  }
  return projectId;
}
