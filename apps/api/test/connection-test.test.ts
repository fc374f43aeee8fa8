import {
  fixtures,
  startComfyFake,
  startFalFake,
  startGeminiFake,
  startGoogleTtsFake,
  startLumaFake,
  startReplicateFake,
  startRunwayFake,
  startVertexFake,
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
let fal: Awaited<ReturnType<typeof startFalFake>>;
let vertex: Awaited<ReturnType<typeof startVertexFake>>;
let comfy: Awaited<ReturnType<typeof startComfyFake>>;
let tts: Awaited<ReturnType<typeof startGoogleTtsFake>>;
const GOOGLE_TOKEN = 'ya29.token-for-tests-7f3a';
const good: NodeJS.ProcessEnv = {};
const wrong: NodeJS.ProcessEnv = {};
beforeAll(async () => {
  fake = await startRunwayFake({ key: KEY, scenario: 'success', hang: false }, fixtures().mp4);
  replicate = await startReplicateFake({ key: KEY, scenario: 'success', hang: false }, fixtures().mp4);
  luma = await startLumaFake({ key: KEY, scenario: 'success', hang: false }, fixtures().mp4);
  gemini = await startGeminiFake({ key: KEY, scenario: 'success', hang: false }, fixtures().mp4);
  fal = await startFalFake({ key: KEY, scenario: 'success', hang: false }, fixtures().mp4);
  vertex = await startVertexFake(
    { key: '', accessToken: GOOGLE_TOKEN, scenario: 'success', hang: false },
    fixtures().mp4,
  );
  comfy = await startComfyFake(
    { key: '', scenario: 'success', hang: false, websocket: false },
    fixtures().mp4,
  );
  tts = await startGoogleTtsFake(GOOGLE_TOKEN, 'success', fixtures().wav);
  Object.assign(good, {
    FAL_KEY: KEY,
    MINISTUDIO_FAL_QUEUE_URL: fal.url,
    MINISTUDIO_FAL_API_URL: fal.url,
    GOOGLE_ACCESS_TOKEN: GOOGLE_TOKEN,
    GOOGLE_CLOUD_PROJECT: 'proj-1',
    MINISTUDIO_VERTEX_BASE_URL: vertex.url,
    MINISTUDIO_GOOGLE_TTS_BASE_URL: tts.url,
    COMFYUI_URL: comfy.url,
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
  Object.assign(wrong, {
    FAL_KEY: 'fal-wrong-key-9d2e',
    MINISTUDIO_FAL_QUEUE_URL: fal.url,
    MINISTUDIO_FAL_API_URL: fal.url,
    // A wrong token for both Google services; the project is one the credentials may not bill.
    GOOGLE_ACCESS_TOKEN: 'ya29.wrong-token-0000',
    GOOGLE_CLOUD_PROJECT: 'proj-1',
    MINISTUDIO_VERTEX_BASE_URL: vertex.url,
    MINISTUDIO_GOOGLE_TTS_BASE_URL: tts.url,
  });
});
afterAll(async () => {
  await Promise.all([fake, replicate, luma, gemini, fal, vertex, comfy, tts].map((f) => f?.close()));
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

  it('reads a fal price, a Vertex model, the ComfyUI server and Google’s voices with good settings', async () => {
    expect(json(await test(configured, 'fal'))).toEqual({
      ok: true,
      message:
        'Connected to fal: the key was accepted (fal-ai/kling-video/v2.1/master/text-to-video costs 0.28 USD per second).',
    });
    expect(
      fal.requests.some((r) => r.path === '/v1/models/pricing' && r.headers.authorization === `Key ${KEY}`),
    ).toBe(true);
    expect(json(await test(configured, 'vertex-veo'))).toEqual({
      ok: true,
      message:
        'Connected to Vertex AI for project proj-1 in us-central1: publishers/google/models/veo-3.1-generate-001 is available.',
    });
    const model = vertex.requests.find((r) => r.path.startsWith('/v1/publishers/google/models/'));
    expect(model?.headers['x-goog-user-project']).toBe('proj-1');
    expect(json(await test(configured, 'comfyui'))).toEqual({
      ok: true,
      message:
        'Connected to ComfyUI 0.3.40 on cuda:0 NVIDIA GeForce RTX 4090 (18.2 of 24.0 GB video memory free).',
    });
    expect(comfy.requests.some((r) => r.method === 'GET' && r.path === '/system_stats')).toBe(true);
    expect(json(await test(configured, 'google-tts'))).toEqual({
      ok: true,
      message: 'Connected to Google Cloud Text-to-Speech: 1 voice available.',
    });
    expect(tts.requests.some((r) => r.path === '/v1/voices')).toBe(true);
  });

  it('says fal’s key and Google’s token were refused, never echoing them', async () => {
    for (const id of ['fal', 'vertex-veo', 'google-tts']) {
      const response = await test(misconfigured, id);
      expect(response.statusCode).toBe(200);
      const result = json<{ ok: boolean; message: string }>(response);
      expect(result.ok).toBe(false);
      expect(result.message).toMatch(/401/);
      expect(result.message).toMatch(/the key or token was refused/);
      expect(response.body).not.toContain('fal-wrong-key-9d2e');
      expect(response.body).not.toContain('ya29.wrong-token-0000');
    }
  });

  it('says what to set for a provider that is not configured, and lists a speech provider’s voices', async () => {
    const eleven = json<{ ok: boolean; message: string }>(await test(configured, 'elevenlabs'));
    expect(eleven).toEqual({ ok: false, message: expect.stringContaining('set ELEVENLABS_API_KEY') });
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
