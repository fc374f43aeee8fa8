import { readdirSync } from 'node:fs';
import { ProviderError, type SpeechProvider, type SpeechRequest } from '@ministudio/domain';
import { afterAll, describe, expect, it } from 'vitest';
import { GoogleAuth } from '../src/auth/google-auth';
import { createElevenLabsProvider } from '../src/speech/elevenlabs';
import { createGoogleTtsProvider } from '../src/speech/google-tts';
import { createOpenAiSpeechProvider } from '../src/speech/openai-speech';
import type { AdapterOptions } from '../src/video/prepare';
import { fixtures } from './fakes/fixtures';
import type { Fake } from './fakes/harness';
import { testJob } from './fakes/request';
import {
  SPEECH_SCENARIOS,
  type SpeechScenario,
  startElevenLabsFake,
  startGoogleTtsFake,
  startOpenAiSpeechFake,
} from './fakes/speech';
import { collected, KEYS, leakedSecrets, record, recordError } from './leak-collector';

const options: AdapterOptions = {
  fetch: globalThis.fetch,
  log: (line) => record(line),
  requestTimeoutMs: 3000,
  poll: { intervalMs: 5, timeoutMs: 5000 },
};

interface SpeechCase {
  name: string;
  voiceId: string;
  start(scenario: SpeechScenario): Promise<Fake>;
  create(url: string): SpeechProvider;
  mime: string;
  alignment: boolean;
}

const CASES: SpeechCase[] = [
  {
    name: 'openai-speech',
    voiceId: 'coral',
    start: (s) => startOpenAiSpeechFake(KEYS.openai, s, fixtures().wav),
    create: (url) =>
      createOpenAiSpeechProvider(
        { apiKey: KEYS.openai, baseUrl: `${url}/v1`, model: 'gpt-4o-mini-tts' },
        options,
      ),
    mime: 'audio/wav',
    alignment: false,
  },
  {
    name: 'elevenlabs',
    voiceId: '21m00Tcm4TlvDq8ikWAM',
    start: (s) => startElevenLabsFake(KEYS.elevenlabs, s, fixtures().mp3),
    create: (url) =>
      createElevenLabsProvider(
        { apiKey: KEYS.elevenlabs, baseUrl: url, model: 'eleven_multilingual_v2' },
        options,
      ),
    mime: 'audio/mpeg',
    alignment: true,
  },
  {
    name: 'google-tts',
    voiceId: 'en-US-Studio-O',
    start: (s) => startGoogleTtsFake(KEYS.googleAccessToken, s, fixtures().wav),
    create: (url) =>
      createGoogleTtsProvider(
        {
          auth: new GoogleAuth({
            accessToken: KEYS.googleAccessToken,
            credentialsPath: null,
            tokenUrl: null,
          }),
          project: null,
          baseUrl: url,
        },
        options,
      ),
    mime: 'audio/wav',
    alignment: false,
  },
];

const request = (voiceId: string, provider: string): SpeechRequest => ({
  text: 'Keep the light burning.',
  voice: { provider, voiceId, rate: 0.92, pitch: 0 },
});

describe.each(CASES)('$name speech adapter against its fake server', (c) => {
  it.each(SPEECH_SCENARIOS)('%s', async (scenario) => {
    const fake = await c.start(scenario);
    const job = testJob();
    try {
      const outcome = await c
        .create(fake.url)
        .synthesize(request(c.voiceId, c.name), job.ctx)
        .then(
          (r) => ({ ok: true as const, r }),
          (e: unknown) => ({ ok: false as const, e }),
        );
      if (outcome.ok) record(JSON.stringify(outcome.r));
      else recordError(outcome.e);
      const files = readdirSync(job.ctx.workDir);
      if (scenario === 'success') {
        expect(outcome.ok, outcome.ok ? '' : String((outcome as { e: unknown }).e)).toBe(true);
        if (!outcome.ok) return;
        expect(outcome.r.mime).toBe(c.mime);
        expect(outcome.r.durationSeconds).toBeGreaterThan(0.5);
        expect(outcome.r.durationSeconds).toBeLessThan(0.8);
        expect(files).toEqual([outcome.r.path.slice(job.ctx.workDir.length + 1)]);
        expect(job.progress.at(-1)).toBe(1);
        if (c.alignment) {
          expect(outcome.r.alignment?.length).toBe('Keep the light burning.'.length);
          expect(outcome.r.alignment?.[1]).toEqual({ text: 'e', startSeconds: 0.05, endSeconds: 0.1 });
        } else {
          expect(outcome.r.alignment).toBeNull();
        }
        return;
      }
      expect(outcome.ok).toBe(false);
      expect(files).toEqual([]);
      const e = (outcome as { e: unknown }).e as ProviderError;
      expect(e).toBeInstanceOf(ProviderError);
      const expected = scenario.startsWith('rate_limited') ? 'provider_rate_limited' : 'provider_unavailable';
      expect(e.code, e.message).toBe(expected);
      expect(e.retryable).toBe(true);
      if (scenario === 'rate_limited_retry_after') {
        expect(e.retryAfterSeconds).toBeGreaterThanOrEqual(28);
        expect(e.retryAfterSeconds).toBeLessThanOrEqual(31);
      }
    } finally {
      await fake.close();
    }
  });

  it('refuses a wrong key as rejected input, naming no key', async () => {
    const fake = await c.start('success');
    try {
      const provider =
        c.name === 'openai-speech'
          ? createOpenAiSpeechProvider(
              { apiKey: 'sk-wrong-key-123456', baseUrl: `${fake.url}/v1`, model: 'tts-1' },
              options,
            )
          : c.name === 'elevenlabs'
            ? createElevenLabsProvider({ apiKey: 'wrong-key-123456', baseUrl: fake.url, model: 'm' }, options)
            : createGoogleTtsProvider(
                {
                  auth: new GoogleAuth({
                    accessToken: 'wrong-token-123456',
                    credentialsPath: null,
                    tokenUrl: null,
                  }),
                  project: null,
                  baseUrl: fake.url,
                },
                options,
              );
      const error = (await provider
        .synthesize(request(c.voiceId, c.name), testJob().ctx)
        .catch((e: unknown) => e)) as ProviderError;
      recordError(error);
      expect(error.code).toBe('provider_rejected_input');
      expect(error.retryable).toBe(false);
      expect(error.message).toMatch(/refused/);
      expect(error.message).not.toMatch(/wrong/);
    } finally {
      await fake.close();
    }
  });
});

describe('voices', () => {
  it('lists voices where the provider can', async () => {
    const eleven = await startElevenLabsFake(KEYS.elevenlabs, 'success', fixtures().mp3);
    const google = await startGoogleTtsFake(KEYS.googleAccessToken, 'success', fixtures().wav);
    try {
      expect(await CASES[1]?.create(eleven.url).listVoices()).toEqual([
        { id: '21m00Tcm4TlvDq8ikWAM', name: 'Rachel', language: 'en' },
      ]);
      expect(await CASES[2]?.create(google.url).listVoices()).toEqual([
        { id: 'en-US-Studio-O', name: 'en-US-Studio-O', language: 'en-US' },
      ]);
      expect((await CASES[0]?.create('http://127.0.0.1:1').listVoices())?.map((v) => v.id)).toContain(
        'coral',
      );
    } finally {
      await eleven.close();
      await google.close();
    }
  });
});

afterAll(() => {
  expect(collected.lines.length).toBeGreaterThan(20);
  expect(leakedSecrets()).toEqual([]);
});
