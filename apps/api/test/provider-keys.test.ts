import { readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import { fixtures, startGeminiFake } from '@ministudio/providers/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, json, useStudio } from './helpers';

// Keys entered on the providers page: written to providers.json on the server only, applied without a
// restart, never sent back (a hint of the last four characters of a long one at most), never logged.

const KEY = 'AIza-gemini-for-tests-8e41';
const ENV_SECRET = 'key_runway_from-the-environment-77aa';
const logs: string[] = [];
const stream = new Writable({
  write(chunk, _enc, done) {
    logs.push(String(chunk));
    done();
  },
});
let gemini: Awaited<ReturnType<typeof startGeminiFake>>;
beforeAll(async () => {
  gemini = await startGeminiFake({ key: KEY, scenario: 'success', hang: false }, fixtures().mp4);
});
afterAll(async () => {
  await gemini?.close();
});

const studio = useStudio({ env: { RUNWAYML_API_SECRET: ENV_SECRET }, logger: { level: 'debug', stream } });

interface Setting {
  name: string;
  set: boolean;
  secret: boolean;
  source?: 'env' | 'file' | null;
  hint?: string | null;
}
interface Described {
  id: string;
  configured: boolean;
  settings: Setting[];
}

const put = (values: Record<string, string | null>) =>
  studio.app.inject({ method: 'PUT', url: '/api/providers/settings', payload: { values } });
const described = async (id: string) =>
  json<Described[]>(await studio.app.inject({ method: 'GET', url: '/api/providers' })).find(
    (p) => p.id === id,
  )!;
const settingsFile = () => path.join(studio.dataDir, 'providers.json');

describe('entering provider keys on the providers page', () => {
  it('writes a key to providers.json, keeps the prices, applies it at once and sends back only a hint', async () => {
    writeFileSync(
      settingsFile(),
      JSON.stringify({ prices: { 'gemini-veo': { usdPerSecond: '0.40', source: 'https://example.test' } } }),
    );
    expect((await described('gemini-veo')).configured).toBe(false);
    const response = await put({ GEMINI_API_KEY: KEY, MINISTUDIO_GEMINI_BASE_URL: gemini.url });
    expect(response.statusCode).toBe(200);
    expect(response.body).not.toContain(KEY);
    const written = json<{ providers: Described[]; environmentWins: string[] }>(response);
    expect(written.environmentWins).toEqual([]);
    const veo = written.providers.find((p) => p.id === 'gemini-veo')!;
    expect(veo.configured).toBe(true);
    expect(veo.settings.find((s) => s.name === 'GEMINI_API_KEY')).toEqual({
      name: 'GEMINI_API_KEY',
      set: true,
      secret: true,
      source: 'file',
      hint: '…8e41',
    });

    const file = JSON.parse(readFileSync(settingsFile(), 'utf8'));
    expect(file).toEqual({
      prices: { 'gemini-veo': { usdPerSecond: '0.40', source: 'https://example.test' } },
      GEMINI_API_KEY: KEY,
      MINISTUDIO_GEMINI_BASE_URL: gemini.url,
    });
    expect(statSync(settingsFile()).mode & 0o777).toBe(0o600);

    // The render machinery's registry is the same one: the test call reaches the fake with the new key.
    const tested = await studio.app.inject({ method: 'POST', url: '/api/providers/gemini-veo/test' });
    expect(json(tested)).toMatchObject({ ok: true });
    expect(tested.body).not.toContain(KEY);
  });

  it('removes a name with null, and gives no hint of a short key', async () => {
    const removed = await put({ GEMINI_API_KEY: null });
    expect(
      json<{ providers: Described[] }>(removed).providers.find((p) => p.id === 'gemini-veo')?.configured,
    ).toBe(false);
    expect(JSON.parse(readFileSync(settingsFile(), 'utf8'))).not.toHaveProperty('GEMINI_API_KEY');
    expect(JSON.parse(readFileSync(settingsFile(), 'utf8'))).toHaveProperty('prices');

    await put({ LUMAAI_API_KEY: 'short-9f3c' });
    const luma = await described('luma');
    expect(luma.configured).toBe(true);
    expect(luma.settings.find((s) => s.name === 'LUMAAI_API_KEY')?.hint).toBeNull();
  });

  it('says when the environment sets a name too: its value stays in use', async () => {
    const response = await put({ RUNWAYML_API_SECRET: 'key_runway_from-the-page-1234' });
    expect(response.statusCode).toBe(200);
    expect(json<{ environmentWins: string[] }>(response).environmentWins).toEqual(['RUNWAYML_API_SECRET']);
    const secret = (await described('runway')).settings.find((s) => s.name === 'RUNWAYML_API_SECRET');
    expect(secret).toMatchObject({ source: 'env', hint: '…77aa' });
    expect(response.body).not.toContain('key_runway_from-the-page-1234');
  });

  it('sees a providers.json edited by hand while the studio runs, without a restart', async () => {
    const file = JSON.parse(readFileSync(settingsFile(), 'utf8'));
    writeFileSync(
      settingsFile(),
      JSON.stringify({ ...file, REPLICATE_API_TOKEN: 'r8_by-hand-for-tests-0c5d' }),
    );
    const replicate = await described('replicate');
    expect(replicate.configured).toBe(true);
    expect(replicate.settings.find((s) => s.name === 'REPLICATE_API_TOKEN')?.hint).toBe('…0c5d');
  });

  it('refuses names no provider reads, values of several lines, and a body without values', async () => {
    const unknown = await put({ NOT_A_SETTING: 'value-that-must-not-echo-1' });
    expect(unknown.statusCode).toBe(400);
    expect(errorOf(unknown).code).toBe('validation_failed');
    expect(errorOf(unknown).message).toMatch(/NOT_A_SETTING is not a provider setting/);
    expect(unknown.body).not.toContain('value-that-must-not-echo-1');

    const twoLines = await put({ FAL_KEY: 'line-one-secret\nline-two-secret' });
    expect(twoLines.statusCode).toBe(400);
    expect(twoLines.body).not.toContain('line-one-secret');

    const lower = await put({ fal_key: 'lowercase-secret-value' });
    expect(lower.statusCode).toBe(400);
    expect(errorOf(lower).code).toBe('validation_failed');
    expect(lower.body).not.toContain('lowercase-secret-value');

    const empty = await studio.app.inject({ method: 'PUT', url: '/api/providers/settings', payload: {} });
    expect(empty.statusCode).toBe(400);
    expect(JSON.parse(readFileSync(settingsFile(), 'utf8'))).not.toHaveProperty('FAL_KEY');
  });

  it('refuses to replace a providers.json that is not valid JSON, and leaves it as it was', async () => {
    const before = readFileSync(settingsFile(), 'utf8');
    writeFileSync(settingsFile(), '{ "GEMINI_API_KEY": "half-written-secret-5555", ');
    const response = await put({ FAL_KEY: 'fal-key-for-tests-4242' });
    expect(response.statusCode).toBe(409);
    expect(errorOf(response).message).toMatch(/providers\.json is not valid JSON/);
    expect(response.body).not.toContain('half-written-secret-5555');
    expect(readFileSync(settingsFile(), 'utf8')).toBe('{ "GEMINI_API_KEY": "half-written-secret-5555", ');
    // The studio keeps the settings it had, and says so without the file's text.
    expect((await described('replicate')).configured).toBe(true);
    writeFileSync(settingsFile(), before);
  });

  it('never logs a value it was given', async () => {
    const all = logs.join('');
    expect(all).toContain('/api/providers/settings');
    for (const secret of [
      KEY,
      ENV_SECRET,
      'key_runway_from-the-page-1234',
      'r8_by-hand-for-tests-0c5d',
      'half-written-secret-5555',
      'value-that-must-not-echo-1',
      'line-one-secret',
      'lowercase-secret-value',
      'fal-key-for-tests-4242',
    ])
      expect(all).not.toContain(secret);
  });
});
