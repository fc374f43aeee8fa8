import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createCanvas } from '@napi-rs/canvas';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { type AppOptions, buildApp } from '../src/app';

export interface TestStudio {
  app: FastifyInstance;
  dataDir: string;
}

/** A studio on a fresh temporary data folder, closed and removed after the file's tests. */
export function useStudio(
  options: {
    seedSamples?: boolean;
    env?: NodeJS.ProcessEnv;
    concurrency?: number;
    security?: AppOptions['security'];
    logger?: AppOptions['logger'];
    workerToken?: string;
  } = {},
): TestStudio {
  const studio = {} as TestStudio;
  beforeAll(async () => {
    studio.dataDir = mkdtempSync(path.join(tmpdir(), 'ministudio-api-'));
    studio.app = await buildApp({
      dataDir: studio.dataDir,
      webDir: null,
      seedSamples: options.seedSamples ?? false,
      workerToken: options.workerToken ?? null,
      logger: options.logger ?? false,
      security: options.security,
      render: {
        concurrency: options.concurrency ?? 2,
        env: options.env ?? {},
        retryBaseSeconds: 0.05,
        engine: null,
      },
    });
    await studio.app.ready();
  });
  afterAll(async () => {
    await studio.app?.close();
    rmSync(studio.dataDir, { recursive: true, force: true });
  });
  return studio;
}

export function json<T = Record<string, unknown>>(response: LightMyRequestResponse): T {
  return JSON.parse(response.body) as T;
}

/** The error envelope every 4xx must have. */
export function errorOf(response: LightMyRequestResponse) {
  const body = json<{ error: { code: string; message: string; details: unknown } }>(response);
  if (
    !body.error ||
    typeof body.error.code !== 'string' ||
    typeof body.error.message !== 'string' ||
    !('details' in body.error)
  ) {
    throw new Error(`not an error envelope: ${response.body}`);
  }
  return body.error;
}

export function pngBytes(width = 32, height = 24, colour = '#3366cc'): Buffer {
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = colour;
  ctx.fillRect(0, 0, width, height);
  return canvas.toBuffer('image/png');
}

/** A multipart/form-data body with one file field, as a browser would send it. */
export function multipart(bytes: Buffer, filename: string, type: string, field = 'file') {
  const boundary = `----ministudio${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return {
    payload: Buffer.concat([head, bytes, tail]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

export async function createProject(app: FastifyInstance, title = 'Test film') {
  const response = await app.inject({ method: 'POST', url: '/api/projects', payload: { title } });
  if (response.statusCode !== 201) throw new Error(response.body);
  return json<{ version: number; project: { id: string; version: number } }>(response);
}
