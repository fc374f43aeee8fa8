import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fixtures, startFalFake } from '@ministudio/providers/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, json, useStudio } from './helpers';
import { smallProduction, until } from './render-harness';

// Spend through a cloud provider that has a published price (Kling 2.1 Master on fal: $0.28 a second,
// fal's own model page) against the fal fake, which speaks fal's queue protocol; and through one that has
// none here (Veo on the Gemini API): unknown, never zero.

const FAL_KEY = 'fal-fake-key-for-spend-tests:0123';
let fal: Awaited<ReturnType<typeof startFalFake>>;
const env: NodeJS.ProcessEnv = { MINISTUDIO_PROVIDER_POLL_MS: '20', GEMINI_API_KEY: 'AIza-unused-in-spend' };

beforeAll(async () => {
  fal = await startFalFake({ key: FAL_KEY, scenario: 'success', hang: false }, fixtures().mp4);
  env.FAL_KEY = FAL_KEY;
  env.MINISTUDIO_FAL_QUEUE_URL = fal.url;
});
afterAll(async () => {
  await fal?.close();
});

const studio = useStudio({ env });

const call = async (method: string, url: string, body?: unknown, headers: Record<string, string> = {}) =>
  studio.app.inject({
    method: method as 'GET',
    url,
    headers,
    ...(body === undefined ? {} : { payload: body as object }),
  });

async function importProject(provider: string, seconds: number) {
  const doc = smallProduction(seconds);
  doc.project.defaultProvider = provider;
  const imported = await call('POST', '/api/projects/import', doc);
  expect(imported.statusCode).toBe(201);
  return json<{ id: string }>(imported).id;
}

interface Estimate {
  shots: number;
  cachedShots: number;
  seconds: number;
  knownMicros: number;
  unknownShots: number;
  groups: { provider: string; shots: number; seconds: number; costMicros: number | null; price: unknown }[];
  breaches: unknown[];
}

const estimate = async (projectId: string) => {
  const r = await call('POST', `/api/projects/${projectId}/render-estimate`, {});
  expect(r.statusCode).toBe(200);
  return json<Estimate>(r);
};

const jobsDone = (projectId: string) =>
  until(async () => {
    const list = json<{ status: string }[]>(await call('GET', `/api/projects/${projectId}/jobs`));
    return list.length && list.every((j) => ['succeeded', 'failed', 'cancelled'].includes(j.status))
      ? list
      : null;
  }, 120_000);

describe('spend', () => {
  it('estimates shots × the seconds fal renders × its published price, in micro-dollars', async () => {
    // 4 s shots: Kling renders 5 or 10 s, so each is billed as 5 s.
    const id = await importProject('fal', 4);
    const e = await estimate(id);
    expect(e.shots).toBe(2);
    expect(e.seconds).toBe(10);
    expect(e.knownMicros).toBe(2_800_000);
    expect(e.unknownShots).toBe(0);
    expect(e.groups).toEqual([
      expect.objectContaining({
        provider: 'fal',
        shots: 2,
        seconds: 10,
        costMicros: 2_800_000,
        price: expect.objectContaining({
          microsPerSecond: 280_000,
          source: 'https://fal.ai/models/fal-ai/kling-video/v2.1/master/image-to-video/llms.txt',
        }),
      }),
    ]);
    expect(e.breaches).toEqual([]);
  });

  it('counts a model with no published price as unknown, not zero, until providers.json sets one', async () => {
    const id = await importProject('gemini-veo', 8);
    const e = await estimate(id);
    expect(e.shots).toBe(2);
    expect(e.unknownShots).toBe(2);
    expect(e.knownMicros).toBe(0);
    expect(e.groups[0]).toMatchObject({ provider: 'gemini-veo', seconds: 16, costMicros: null, price: null });

    writeFileSync(
      path.join(studio.dataDir, 'providers.json'),
      JSON.stringify({
        prices: {
          'gemini-veo': { usdPerSecond: '0.40', source: 'https://example.test/owner', readOn: '2026-12-04' },
        },
      }),
    );
    const priced = await estimate(id);
    expect(priced.unknownShots).toBe(0);
    expect(priced.knownMicros).toBe(6_400_000);
    writeFileSync(path.join(studio.dataDir, 'providers.json'), '{}');
  });

  it('refuses a render over a limit before queueing, with the remaining budget; records what it queued; a reused take costs nothing', async () => {
    const id = await importProject('fal', 5);

    const limited = await call('PUT', '/api/spend/limits/studio', {
      dailyMicros: 2_000_000,
      monthlyMicros: null,
    });
    expect(limited.statusCode).toBe(200);
    const refused = await call('POST', `/api/projects/${id}/render`, {});
    expect(refused.statusCode).toBe(422);
    const error = errorOf(refused);
    expect(error.code).toBe('over_spend_limit');
    expect(error.message).toContain('$2.80');
    expect(error.details).toMatchObject({
      remainingMicros: 2_000_000,
      breaches: [
        {
          scope: 'studio',
          period: 'day',
          limitMicros: 2_000_000,
          spentMicros: 0,
          wouldSpendMicros: 2_800_000,
        },
      ],
    });
    expect(json<unknown[]>(await call('GET', `/api/projects/${id}/jobs`))).toEqual([]);
    expect(json<{ takes: unknown[] }>(await call('GET', `/api/projects/${id}/spend`)).takes).toEqual([]);

    // Room in the studio's day; fal's month allows $3.00.
    await call('PUT', '/api/spend/limits/studio', { dailyMicros: 10_000_000, monthlyMicros: null });
    const falLimit = await call('PUT', '/api/spend/limits/providers/fal', {
      dailyMicros: null,
      monthlyMicros: 3_000_000,
    });
    expect(falLimit.statusCode).toBe(200);
    const queued = await call('POST', `/api/projects/${id}/render`, {});
    expect(queued.statusCode).toBe(202);
    const shots = json<{ shots: { takeId: string; outcome: string }[] }>(queued).shots;
    expect(shots.map((s) => s.outcome)).toEqual(['queued', 'queued']);

    const spent = json<{
      totalMicros: number;
      unknownTakes: number;
      takes: { takeId: string; costMicros: number; seconds: number }[];
    }>(await call('GET', `/api/projects/${id}/spend`));
    expect(spent.totalMicros).toBe(2_800_000);
    expect(spent.unknownTakes).toBe(0);
    expect(spent.takes.map((t) => t.takeId).sort()).toEqual(shots.map((s) => s.takeId).sort());
    expect(spent.takes.every((t) => t.costMicros === 1_400_000 && t.seconds === 5)).toBe(true);

    const limits = json<{
      providers: { provider: string; spent: { monthMicros: number } }[];
      studio: { spent: { dayMicros: number } };
    }>(await call('GET', '/api/spend/limits'));
    expect(limits.studio.spent.dayMicros).toBeGreaterThanOrEqual(2_800_000);
    expect(limits.providers.find((p) => p.provider === 'fal')?.spent.monthMicros).toBeGreaterThanOrEqual(
      2_800_000,
    );

    const jobs = await jobsDone(id);
    expect(jobs.filter((j) => j.status !== 'succeeded')).toEqual([]);

    // Nothing changed: both takes are reused, cost nothing, and pass even though fal has $0.20 left.
    const again = await estimate(id);
    expect(again).toMatchObject({ shots: 0, cachedShots: 2, knownMicros: 0, breaches: [] });
    const reused = await call('POST', `/api/projects/${id}/render`, {});
    expect(reused.statusCode).toBe(202);
    expect(json<{ shots: { outcome: string }[] }>(reused).shots.map((s) => s.outcome)).toEqual([
      'cached',
      'cached',
    ]);
    expect(json<{ totalMicros: number }>(await call('GET', `/api/projects/${id}/spend`)).totalMicros).toBe(
      2_800_000,
    );

    // A changed shot would cost $1.40 with $0.20 left of fal's month: refused, naming what remains.
    const project = json<{ version: number; scenes: { shots: { id: string }[] }[] }>(
      await call('GET', `/api/projects/${id}`),
    );
    const patched = await call(
      'PATCH',
      `/api/shots/${project.scenes[0]!.shots[0]!.id}`,
      { action: 'She turns to the window.' },
      { 'if-match': String(project.version) },
    );
    expect(patched.statusCode).toBe(200);
    const over = await call('POST', `/api/projects/${id}/render`, {});
    expect(over.statusCode).toBe(422);
    expect(errorOf(over).details).toMatchObject({
      remainingMicros: 200_000,
      breaches: [
        {
          scope: 'provider',
          provider: 'fal',
          period: 'month',
          remainingMicros: 200_000,
          wouldSpendMicros: 1_400_000,
        },
      ],
    });

    await call('PUT', '/api/spend/limits/studio', { dailyMicros: null, monthlyMicros: null });
    await call('PUT', '/api/spend/limits/providers/fal', { dailyMicros: null, monthlyMicros: null });
  }, 180_000);

  it('refuses a render on a model with no price while its provider or the studio has a limit', async () => {
    const id = await importProject('gemini-veo', 8);
    const limited = await call('PUT', '/api/spend/limits/providers/gemini-veo', {
      dailyMicros: 50_000_000,
      monthlyMicros: null,
    });
    expect(limited.statusCode).toBe(200);
    const refused = await call('POST', `/api/projects/${id}/render`, {});
    expect(refused.statusCode).toBe(422);
    const error = errorOf(refused);
    expect(error.code).toBe('price_unknown_under_limit');
    expect(error.message).toContain('no known price');
    expect(error.details).toMatchObject({ models: [{ provider: 'gemini-veo', shots: 2, seconds: 16 }] });
    expect(json<unknown[]>(await call('GET', `/api/projects/${id}/jobs`))).toEqual([]);

    // Another provider's limit does not watch Veo: with it alone, the unpriced render is not this rule's.
    await call('PUT', '/api/spend/limits/providers/gemini-veo', { dailyMicros: null, monthlyMicros: null });
    await call('PUT', '/api/spend/limits/providers/fal', { dailyMicros: 1_000_000, monthlyMicros: null });
    const estimateOnly = await estimate(id);
    expect(estimateOnly.unknownShots).toBe(2);

    // A studio limit watches every provider.
    await call('PUT', '/api/spend/limits/studio', { dailyMicros: 50_000_000, monthlyMicros: null });
    const studioRefused = await call('POST', `/api/projects/${id}/render`, {});
    expect(studioRefused.statusCode).toBe(422);
    expect(errorOf(studioRefused).code).toBe('price_unknown_under_limit');

    await call('PUT', '/api/spend/limits/studio', { dailyMicros: null, monthlyMicros: null });
    await call('PUT', '/api/spend/limits/providers/fal', { dailyMicros: null, monthlyMicros: null });
  });

  it('refuses nonsense limits and unknown providers in the error shape', async () => {
    const negative = await call('PUT', '/api/spend/limits/studio', { dailyMicros: -1, monthlyMicros: null });
    expect(negative.statusCode).toBe(400);
    expect(errorOf(negative).code).toBe('validation_failed');
    const huge = await call('PUT', '/api/spend/limits/studio', { dailyMicros: 1e300, monthlyMicros: null });
    expect(huge.statusCode).toBe(400);
    expect(errorOf(huge).code).toBe('validation_failed');
    const unknown = await call('PUT', '/api/spend/limits/providers/nobody', {
      dailyMicros: 1,
      monthlyMicros: 1,
    });
    expect(unknown.statusCode).toBe(404);
    expect(errorOf(unknown).code).toBe('not_found');
  });
});
