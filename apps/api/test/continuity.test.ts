import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fixtures, startRunwayFake } from '@ministudio/providers/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app';
import { smallProduction, whenSettled } from './render-harness';

// Continuity through a provider that takes a first frame (Runway gen4.5, against a fake speaking its
// protocol): the second shot waits for the first and starts from its last frame; a shot with
// continuity off does not.

const KEY = 'rw-fake-secret-1f2e3d';
let fake: Awaited<ReturnType<typeof startRunwayFake>>;
let app: Awaited<ReturnType<typeof buildApp>>;
let dataDir: string;

beforeAll(async () => {
  fake = await startRunwayFake({ key: KEY, scenario: 'success', hang: false }, fixtures().mp4);
  dataDir = mkdtempSync(path.join(tmpdir(), 'ministudio-continuity-'));
  app = await buildApp({
    dataDir,
    webDir: null,
    seedSamples: false,
    workerToken: null,
    logger: false,
    render: {
      concurrency: 2,
      env: {
        RUNWAYML_API_SECRET: KEY,
        MINISTUDIO_RUNWAY_BASE_URL: fake.url,
        MINISTUDIO_PROVIDER_POLL_MS: '20',
      },
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

const call = async (method: string, url: string, body?: unknown) => {
  const response = await app.inject({
    method: method as 'GET',
    url,
    ...(body === undefined ? {} : { payload: body as object }),
  });
  return { status: response.statusCode, body: JSON.parse(response.body || 'null') };
};

describe('continuity from the previous shot’s last frame', () => {
  it('chains the second shot to the first, and only when continuity is on', async () => {
    const doc = smallProduction(3);
    doc.project.defaultProvider = 'runway';
    doc.scenes[0]!.shots[0]!.continuity = true;
    doc.scenes[0]!.shots[1]!.continuity = true;
    doc.scenes[0]!.shots.push({ ...doc.scenes[0]!.shots[1]!, key: 'third-no-continuity', continuity: false });
    // Only what this test sends counts, whatever else the fake and the studio served before it.
    const requestsBefore = fake.requests.length;
    const { body: imported } = await call('POST', '/api/projects/import', doc);
    const project = (await call('GET', `/api/projects/${imported.id}`)).body;
    const [first, second, third] = project.scenes[0].shots;

    const queued = await call('POST', `/api/projects/${project.id}/render`, {});
    expect(queued.status, JSON.stringify(queued.body)).toBe(202);
    const jobs = queued.body.jobs as { id: string; kind: string; shotId: string }[];
    const rows = await app.db.renderJob.findMany({ where: { projectId: project.id, kind: 'picture' } });
    const pictureOf = (shotId: string) => rows.find((r) => r.shotId === shotId)!;
    const fitOfFirst = jobs.find((j) => j.kind === 'fit' && j.shotId === first.id)!;
    expect(JSON.parse(pictureOf(second.id).dependsOn)).toContain(fitOfFirst.id);
    expect(JSON.parse(pictureOf(second.id).payload).firstFrameFrom).toEqual({ fitJob: fitOfFirst.id });
    expect(JSON.parse(pictureOf(first.id).payload).firstFrameFrom).toBeNull();
    expect(JSON.parse(pictureOf(third.id).payload).firstFrameFrom).toBeNull();

    const settled = await whenSettled(app, project.id);
    expect(settled.filter((j) => j.status !== 'succeeded')).toEqual([]);

    const submissions = fake.requests
      .slice(requestsBefore)
      .filter((r) => r.method === 'POST' && r.path.endsWith('_to_video'));
    expect(submissions).toHaveLength(3);
    const withImage = submissions.filter((r) => r.path === '/v1/image_to_video');
    expect(withImage).toHaveLength(1);
    const body = JSON.parse(withImage[0]!.body.toString()) as {
      promptImage: { uri: string; position: string }[] | string;
    };
    const images = Array.isArray(body.promptImage)
      ? body.promptImage
      : [{ uri: body.promptImage, position: 'first' }];
    expect(images[0]!.uri).toMatch(/^data:image\/png;base64,/);
    expect(images[0]!.position).toBe('first');
    // The chained shot was submitted after the first shot had finished.
    const secondTakes = (await call('GET', `/api/shots/${second.id}/takes`)).body;
    expect(secondTakes[0].status).toBe('succeeded');
    expect(secondTakes[0].prompt).toContain('previous shot’s last frame');
  }, 180_000);
});
