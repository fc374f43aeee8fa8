import {
  fixtures,
  startGeminiFake,
  startLumaFake,
  startReplicateFake,
  startRunwayFake,
} from '@ministudio/providers/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, json, useStudio } from './helpers';

// "Test connection" on the providers page: one cheap authenticated call, against a fake Runway that
// speaks the real protocol (and refuses a wrong key as Runway does), reported in plain words.

const KEY = 'key_runway_for-tests-51c0';
let fake: Awaited<ReturnType<typeof startRunwayFake>>;
let replicate: Awaited<ReturnType<typeof startReplicateFake>>;
let luma: Awaited<ReturnType<typeof startLumaFake>>;
let gemini: Awaited<ReturnType<typeof startGeminiFake>>;
const good: NodeJS.ProcessEnv = {};
const wrong: NodeJS.ProcessEnv = {};
beforeAll(async () => {
  fake = await startRunwayFake({ key: KEY, scenario: 'success', hang: false }, fixtures().mp4);
  replicate = await startReplicateFake({ key: KEY, scenario: 'success', hang: false }, fixtures().mp4);
  luma = await startLumaFake({ key: KEY, scenario: 'success', hang: false }, fixtures().mp4);
  gemini = await startGeminiFake({ key: KEY, scenario: 'success', hang: false }, fixtures().mp4);
  Object.assign(good, {
    RUNWAYML_API_SECRET: KEY,
    MINISTUDIO_RUNWAY_BASE_URL: fake.url,
    REPLICATE_API_TOKEN: KEY,
    MINISTUDIO_REPLICATE_BASE_URL: `${replicate.url}/v1`,
    LUMAAI_API_KEY: KEY,
    MINISTUDIO_LUMA_BASE_URL: `${luma.url}/dream-machine/v1`,
    GEMINI_API_KEY: KEY,
    MINISTUDIO_GEMINI_BASE_URL: gemini.url,
  });
  // The wrong key reaches Gemini too: the fake refuses it as the real API does (403).
  Object.assign(wrong, { GEMINI_API_KEY: 'AIza-wrong', MINISTUDIO_GEMINI_BASE_URL: gemini.url });
  Object.assign(wrong, { RUNWAYML_API_SECRET: 'key_wrong_0000', MINISTUDIO_RUNWAY_BASE_URL: fake.url });
});
afterAll(async () => {
  await Promise.all([fake?.close(), replicate?.close(), luma?.close(), gemini?.close()]);
});

const configured = useStudio({ env: good });
const misconfigured = useStudio({ env: wrong });

const test = (studio: { app: typeof configured.app }, id: string) =>
  studio.app.inject({ method: 'POST', url: `/api/providers/${id}/test` });

describe('testing a provider’s connection', () => {
  it('reports what the account call found when the key works, and never the key', async () => {
    const response = await test(configured, 'runway');
    expect(response.statusCode).toBe(200);
    expect(response.body).not.toContain(KEY);
    expect(json(response)).toEqual({
      ok: true,
      message: 'Connected to Runway: the account has 1250 credits.',
    });
    expect(fake.requests.some((r) => r.method === 'GET' && r.path === '/v1/organization')).toBe(true);
  });

  it('reads Replicate’s account and lists Luma’s generations, each with its key', async () => {
    expect(json(await test(configured, 'replicate'))).toEqual({
      ok: true,
      message: 'Connected to Replicate as studio-tester.',
    });
    expect(json(await test(configured, 'luma'))).toEqual({
      ok: true,
      message: 'Connected to Luma: the account has 3 generations.',
    });
    expect(replicate.requests.some((r) => r.path === '/v1/account')).toBe(true);
    expect(luma.requests.some((r) => r.path === '/dream-machine/v1/generations')).toBe(true);
  });

  it('lists one Gemini model with a good key and says a wrong one was refused', async () => {
    expect(json(await test(configured, 'gemini-veo'))).toEqual({
      ok: true,
      message:
        'Connected to the Gemini API: the key was accepted (it lists models/veo-3.1-generate-preview).',
    });
    const refused = json<{ ok: boolean; message: string }>(await test(misconfigured, 'gemini-veo'));
    expect(refused.ok).toBe(false);
    expect(refused.message).toMatch(/403/);
    expect(refused.message).not.toContain('AIza-wrong');
  });

  it('says the key was refused, in plain words, without echoing it', async () => {
    const response = await test(misconfigured, 'runway');
    expect(response.statusCode).toBe(200);
    const result = json<{ ok: boolean; message: string }>(response);
    expect(result.ok).toBe(false);
    expect(result.message).toMatch(/the key or token was refused/);
    expect(response.body).not.toContain('key_wrong_0000');
  });

  it('says what to set for a provider that is not configured, and lists a speech provider’s voices', async () => {
    const fal = json<{ ok: boolean; message: string }>(await test(configured, 'fal'));
    expect(fal).toEqual({ ok: false, message: expect.stringContaining('set FAL_KEY') });
    const espeak = json<{ ok: boolean; message: string }>(await test(configured, 'espeak'));
    expect(espeak.ok).toBe(true);
    expect(espeak.message).toMatch(/^Connected to .+: \d+ voices available\.$/);
  });

  it('answers 404 for a provider that does not exist', async () => {
    const response = await test(configured, 'nope');
    expect(response.statusCode).toBe(404);
    expect(errorOf(response).code).toBe('not_found');
  });
});
