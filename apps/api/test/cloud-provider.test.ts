import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { fixtures, startGeminiFake } from '@ministudio/providers/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app';
import { multipart, pngBytes } from './helpers';
import { smallProduction, until } from './render-harness';

// The whole pipeline through a cloud adapter, against a fake Gemini API server that speaks Veo's real
// protocol: capability checks before queueing, references never dropped, seed not applied, a clip of
// another length fitted to the shot, and the key nowhere but in the request to the provider.

const KEY = 'AIza-fake-key-for-tests-7c1d2e';
const logs: string[] = [];
let fake: Awaited<ReturnType<typeof startGeminiFake>>;
let app: Awaited<ReturnType<typeof buildApp>>;
let dataDir: string;
const seen: string[] = [];

const call = async (method: string, url: string, body?: unknown, headers: Record<string, string> = {}) => {
  const response = await app.inject({
    method: method as 'GET',
    url,
    headers,
    ...(body === undefined ? {} : { payload: body as object }),
  });
  seen.push(response.body.slice(0, 20_000));
  return { status: response.statusCode, body: JSON.parse(response.body || 'null') };
};

beforeAll(async () => {
  fake = await startGeminiFake({ key: KEY, scenario: 'success', hang: false }, fixtures().mp4);
  dataDir = mkdtempSync(path.join(tmpdir(), 'ministudio-cloud-'));
  const sink = new Writable({
    write(chunk, _enc, done) {
      logs.push(String(chunk));
      done();
    },
  });
  app = await buildApp({
    dataDir,
    webDir: null,
    seedSamples: false,
    workerToken: null,
    logger: { level: 'debug', stream: sink },
    render: {
      concurrency: 2,
      env: { GEMINI_API_KEY: KEY, MINISTUDIO_GEMINI_BASE_URL: fake.url, MINISTUDIO_PROVIDER_POLL_MS: '20' },
      retryBaseSeconds: 0.05,
      engine: null,
    },
  });
  await app.ready();
}, 60_000);

afterAll(async () => {
  await app?.close();
  await fake?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('rendering through a cloud provider (fake Gemini API)', () => {
  it('refuses before queueing what Veo forbids, then renders with references, noting the seed and the fitted length', async () => {
    const doc = smallProduction(4);
    doc.project.defaultProvider = 'gemini-veo';
    const { body: imported } = await call('POST', '/api/projects/import', doc);
    let project = (await call('GET', `/api/projects/${imported.id}`)).body;
    const emma = project.characters.find((c: { key: string }) => c.key === 'emma');
    const upload = multipart(pngBytes(64, 64, '#3355aa'), 'emma.png', 'image/png');
    const added = await app.inject({
      method: 'POST',
      url: `/api/characters/${emma.id}/references`,
      payload: upload.payload,
      headers: { ...upload.headers, 'if-match': String(project.version) },
    });
    expect(added.statusCode).toBe(201);
    project = (await call('GET', `/api/projects/${imported.id}`)).body;

    // Shot 2 continues from shot 1 and carries Emma's reference: Veo 3.1 takes no first frame with
    // references, and references need 8 s. The studio says so, per shot and field, and queues nothing.
    const refused = await call('POST', `/api/projects/${project.id}/render`, {});
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('unsupported_by_provider');
    const constraints = refused.body.error.details.shots.flatMap(
      (s: { violations: { constraint: string; field: string; fix: string }[] }) => s.violations,
    );
    expect(constraints.map((v: { field: string }) => v.field)).toEqual(
      expect.arrayContaining(['duration', 'continuity']),
    );
    for (const v of constraints) expect(v.fix.length).toBeGreaterThan(10);
    expect((await call('GET', `/api/projects/${project.id}/jobs`)).body).toEqual([]);

    // The user chooses: 8-second shots, and shot 2 starts fresh instead of from shot 1's last frame.
    let version = project.version;
    for (const [i, shot] of project.scenes[0].shots.entries()) {
      const patched = await call(
        'PATCH',
        `/api/shots/${shot.id}`,
        { duration: 8, continuity: i === 0 },
        { 'if-match': String(version) },
      );
      expect(patched.status).toBe(200);
      version = patched.body.version;
    }
    const check = (await call('GET', `/api/projects/${project.id}/render-check`)).body;
    expect(check.flatMap((s: { violations: unknown[] }) => s.violations)).toEqual([]);
    const queued = await call('POST', `/api/projects/${project.id}/render`, {});
    expect(queued.status).toBe(202);
    const jobs = await until(async () => {
      const list = (await call('GET', `/api/projects/${project.id}/jobs`)).body as {
        status: string;
        error: unknown;
      }[];
      return list.length && list.every((j) => ['succeeded', 'failed', 'cancelled'].includes(j.status))
        ? list
        : null;
    }, 120_000);
    expect(jobs.filter((j) => j.status !== 'succeeded')).toEqual([]);

    const predict = fake.requests.filter((r) => r.path.includes(':predictLongRunning'));
    expect(predict).toHaveLength(2);
    const bodies = predict.map((r) => JSON.parse(r.body.toString()));
    // Emma speaks in shot 1 (she is in its cast): her reference goes with it.
    expect(bodies[0].instances[0].referenceImages?.length ?? 0).toBeGreaterThanOrEqual(1);
    expect(bodies[0].instances[0].prompt).toContain('identity locked');
    expect(bodies[0].parameters.seed).toBeUndefined();
    for (const r of predict) expect(r.headers['x-goog-api-key']).toBe(KEY);

    const shot = project.scenes[0].shots[0];
    const takes = (await call('GET', `/api/shots/${shot.id}/takes`)).body;
    expect(takes[0]).toMatchObject({ status: 'succeeded', provider: 'gemini-veo', seedApplied: false });
    expect(takes[0].notes.join(' ')).toMatch(/seed/i);
    expect(takes[0].notes.join(' ')).toMatch(/fitted to the shot's 8 s/);
    expect(Math.abs(takes[0].durationSeconds - 8)).toBeLessThan(1 / 24 + 1e-6);

    const providers = (await call('GET', '/api/providers')).body as { id: string; configured: boolean }[];
    expect(providers.find((p) => p.id === 'gemini-veo')?.configured).toBe(true);
    expect(providers.find((p) => p.id === 'runway')?.configured).toBe(false);
    const exported = await call('GET', `/api/projects/${project.id}/export`);
    expect(exported.status).toBe(200);

    // The key went to the provider and nowhere else: not in a response, not in a log line, not in a job.
    const rows = await app.db.renderJob.findMany();
    const everything = [
      ...seen,
      ...logs,
      ...rows.map((r) => `${r.payload}${r.result}${r.errorMessage ?? ''}`),
    ].join('\n');
    expect(everything).not.toContain(KEY);
    expect(logs.length).toBeGreaterThan(5);
  }, 180_000);
});
