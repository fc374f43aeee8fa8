import { generateKeyPairSync } from 'node:crypto';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ProviderError, type VideoProvider, type VideoRequest } from '@ministudio/domain';
import { sniffBytes } from '@ministudio/files';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GoogleAuth } from '../src/auth/google-auth';
import { createComfyProvider, loadWorkflowTemplate } from '../src/video/comfyui';
import { createFalProvider } from '../src/video/fal';
import { createGeminiVeoProvider } from '../src/video/gemini-veo';
import { createLumaProvider } from '../src/video/luma';
import type { AdapterOptions } from '../src/video/prepare';
import { createReplicateProvider } from '../src/video/replicate';
import { createRunwayProvider } from '../src/video/runway';
import { createVertexVeoProvider } from '../src/video/vertex-veo';
import { startComfyFake } from './fakes/comfyui';
import { startFalFake } from './fakes/fal';
import { fixtures } from './fakes/fixtures';
import { startGeminiFake, startTokenFake, startVertexFake } from './fakes/google';
import { type Fake, SCENARIOS, type Scenario } from './fakes/harness';
import type { FakeJob } from './fakes/job';
import { startLumaFake } from './fakes/luma';
import { startReplicateFake } from './fakes/replicate';
import { firstFrame, testJob, videoRequest } from './fakes/request';
import { startRunwayFake } from './fakes/runway';
import { collected, KEYS, leakedSecrets, record, recordError } from './leak-collector';

const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const PRIVATE_PEM = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const PUBLIC_PEM = publicKey.export({ type: 'spki', format: 'pem' }).toString();
let tokenFake: Fake;
let serviceAccountPath: string;

beforeAll(async () => {
  fixtures();
  tokenFake = await startTokenFake(PUBLIC_PEM, KEYS.googleAccessToken);
  serviceAccountPath = join(fixtures().dir, 'service-account.json');
  writeFileSync(
    serviceAccountPath,
    JSON.stringify({
      type: 'service_account',
      client_email: 'studio@proj-1.iam.gserviceaccount.com',
      private_key: PRIVATE_PEM,
      token_uri: 'https://oauth2.googleapis.com/token',
    }),
  );
  collected.extraSecrets.push(PRIVATE_PEM);
});

afterAll(async () => {
  await tokenFake.close();
});

function options(timeoutMs = 5000): AdapterOptions {
  return {
    fetch: globalThis.fetch,
    log: (line) => record(line),
    requestTimeoutMs: 3000,
    poll: { intervalMs: 5, timeoutMs },
  };
}

type Started = Fake & { job: FakeJob };
interface AdapterCase {
  name: string;
  request: Partial<VideoRequest>;
  start(scenario: Scenario, hang: boolean): Promise<Started & { cancelCalled?: () => boolean }>;
  create(url: string, opts: AdapterOptions): VideoProvider;
  hasCancelEndpoint: boolean;
  /** Whether the provider reports a progress figure while it works (else the adapter estimates one). */
  reportsProgress: boolean;
  /** Paths of result downloads that must carry no credentials. */
  resultPath: RegExp | null;
}

const media = () => fixtures().mp4;

const CASES: AdapterCase[] = [
  {
    name: 'gemini-veo',
    request: { model: 'veo-3.1-generate-preview', seed: null },
    start: (scenario, hang) => startGeminiFake({ key: KEYS.gemini, scenario, hang }, media()),
    create: (url, o) => createGeminiVeoProvider({ apiKey: KEYS.gemini, baseUrl: url }, o),
    hasCancelEndpoint: false,
    reportsProgress: false,
    resultPath: null,
  },
  {
    name: 'vertex-veo',
    request: { model: 'veo-3.1-generate-001' },
    start: (scenario, hang) =>
      startVertexFake({ key: '', accessToken: KEYS.googleAccessToken, scenario, hang }, media()),
    create: (url, o) =>
      createVertexVeoProvider(
        {
          auth: new GoogleAuth({
            accessToken: null,
            credentialsPath: serviceAccountPath,
            tokenUrl: `${tokenFake.url}/token`,
          }),
          project: 'proj-1',
          location: 'us-central1',
          baseUrl: url,
          storageBaseUrl: url,
        },
        o,
      ),
    hasCancelEndpoint: false,
    reportsProgress: false,
    resultPath: null,
  },
  {
    name: 'runway',
    request: { model: 'gen4.5', durationSeconds: 5 },
    start: (scenario, hang) => startRunwayFake({ key: KEYS.runway, scenario, hang }, media()),
    create: (url, o) => createRunwayProvider({ apiSecret: KEYS.runway, baseUrl: url }, o),
    hasCancelEndpoint: true,
    reportsProgress: true,
    resultPath: /^\/files\//,
  },
  {
    name: 'luma',
    request: { model: 'ray-2', durationSeconds: 5, seed: null },
    start: (scenario, hang) => startLumaFake({ key: KEYS.luma, scenario, hang }, media()),
    create: (url, o) => createLumaProvider({ apiKey: KEYS.luma, baseUrl: `${url}/dream-machine/v1` }, o),
    hasCancelEndpoint: true,
    reportsProgress: false,
    resultPath: /^\/cdn\//,
  },
  {
    name: 'replicate',
    request: { model: 'google/veo-3-fast' },
    start: (scenario, hang) => startReplicateFake({ key: KEYS.replicate, scenario, hang }, media()),
    create: (url, o) => createReplicateProvider({ apiToken: KEYS.replicate, baseUrl: `${url}/v1` }, o),
    hasCancelEndpoint: true,
    reportsProgress: true,
    resultPath: /^\/delivery\//,
  },
  {
    name: 'fal',
    request: { model: 'fal-ai/kling-video/v2.1/master', durationSeconds: 5, seed: null },
    start: (scenario, hang) => startFalFake({ key: KEYS.fal, scenario, hang }, media()),
    create: (url, o) => createFalProvider({ key: KEYS.fal, queueUrl: url, apiUrl: url }, o),
    hasCancelEndpoint: true,
    reportsProgress: false,
    resultPath: /^\/files\//,
  },
  {
    name: 'comfyui',
    request: { model: 'workflow', durationSeconds: 2 },
    start: async (scenario, hang) => {
      const fake = await startComfyFake({ key: '', scenario, hang, websocket: true }, media());
      return Object.assign(fake, { cancelCalled: () => fake.state.interrupted });
    },
    create: (url, o) => {
      const t = loadWorkflowTemplate(null);
      return createComfyProvider({ url, workflow: t.workflow, workflowName: t.name }, o);
    },
    hasCancelEndpoint: true,
    reportsProgress: true,
    resultPath: null,
  },
];

function expectError(error: unknown, code: ProviderError['code']): ProviderError {
  expect(error).toBeInstanceOf(ProviderError);
  const e = error as ProviderError;
  expect(e.code, e.message).toBe(code);
  return e;
}

describe.each(CASES)('$name adapter against its fake server', (c) => {
  it.each(SCENARIOS)('%s', async (scenario) => {
    const fake = await c.start(scenario, false);
    const job = testJob();
    try {
      const provider = c.create(fake.url, options());
      const outcome = await provider.generate(videoRequest(c.request), job.ctx).then(
        (r) => ({ ok: true as const, r }),
        (e: unknown) => ({ ok: false as const, e }),
      );
      if (outcome.ok) record(JSON.stringify(outcome.r));
      else recordError(outcome.e);
      const files = readdirSync(job.ctx.workDir);
      if (scenario === 'success' || scenario === 'slow') {
        expect(outcome.ok, outcome.ok ? '' : String((outcome as { e: unknown }).e)).toBe(true);
        if (!outcome.ok) return;
        expect(outcome.r.path.startsWith(job.ctx.workDir)).toBe(true);
        expect(files).toEqual([outcome.r.path.slice(job.ctx.workDir.length + 1)]);
        expect(outcome.r.mime).toBe('video/mp4');
        expect(job.progress.at(-1)).toBe(1);
        for (let i = 1; i < job.progress.length; i++)
          expect(job.progress[i]).toBeGreaterThan(job.progress[i - 1] ?? 0);
        if (scenario === 'slow') {
          expect(job.progress.length).toBeGreaterThanOrEqual(3);
          // Submission and the saved result are facts; in between, a figure the provider did not give is
          // marked as an estimate, and one it gave is not.
          expect(job.estimated[0]).toBe(false);
          expect(job.estimated.at(-1)).toBe(false);
          expect(job.estimated.slice(1, -1)).toEqual(job.progress.slice(1, -1).map(() => !c.reportsProgress));
        }
        if (c.resultPath !== null) {
          const downloads = fake.requests.filter((r) => c.resultPath?.test(r.path));
          expect(downloads.length).toBe(1);
          expect(downloads[0]?.headers.authorization).toBeUndefined();
        }
        return;
      }
      expect(outcome.ok).toBe(false);
      if (outcome.ok) return;
      // Nothing half-written survives a failure.
      expect(files).toEqual([]);
      const expected: Record<Exclude<Scenario, 'success' | 'slow'>, ProviderError['code']> = {
        rate_limited_retry_after: 'provider_rate_limited',
        rate_limited: 'provider_rate_limited',
        server_error: 'provider_unavailable',
        unavailable: 'provider_unavailable',
        malformed: 'provider_unavailable',
        filtered: 'content_filtered',
        expired: 'media_invalid',
        cut_short: 'provider_unavailable',
      };
      const e = expectError(outcome.e, expected[scenario]);
      if (scenario === 'rate_limited_retry_after') expect(e.retryAfterSeconds).toBe(7);
      if (scenario === 'rate_limited') expect(e.retryAfterSeconds).toBeNull();
      if (scenario === 'filtered') {
        expect(e.retryable).toBe(false);
        expect(e.message.length).toBeGreaterThan(30);
      }
      if (scenario === 'cut_short' || scenario === 'server_error') expect(e.retryable).toBe(true);
    } finally {
      await fake.close();
    }
  });

  it('cancels: stops polling, aborts, and calls the cancel endpoint where there is one', async () => {
    const fake = await c.start('success', true);
    const job = testJob();
    try {
      const provider = c.create(fake.url, options());
      const pending = provider.generate(videoRequest(c.request), job.ctx);
      setTimeout(() => job.controller.abort(), 80);
      const error = await pending.catch((e: unknown) => e);
      recordError(error);
      expectError(error, 'cancelled');
      const cancelled = fake.cancelCalled?.() ?? fake.job.cancelled;
      expect(cancelled).toBe(c.hasCancelEndpoint);
      await new Promise((r) => setTimeout(r, 20));
      const pollsAtCancel = fake.requests.length;
      await new Promise((r) => setTimeout(r, 50));
      expect(fake.requests.length).toBe(pollsAtCancel);
      expect(readdirSync(job.ctx.workDir)).toEqual([]);
    } finally {
      await fake.close();
    }
  });
});

describe('shared behaviour', () => {
  it('times out a job that never finishes, as a retryable timeout, and cancels it at the provider', async () => {
    const fake = await startRunwayFake({ key: KEYS.runway, scenario: 'success', hang: true }, media());
    try {
      const provider = createRunwayProvider({ apiSecret: KEYS.runway, baseUrl: fake.url }, options(120));
      const error = await provider
        .generate(videoRequest({ model: 'gen4.5', durationSeconds: 5 }), testJob().ctx)
        .catch((e: unknown) => e);
      recordError(error);
      const e = expectError(error, 'timeout');
      expect(e.retryable).toBe(true);
      expect(fake.job.cancelled).toBe(true);
    } finally {
      await fake.close();
    }
  });

  it('refuses an impossible request before calling the provider', async () => {
    const fake = await startGeminiFake({ key: KEYS.gemini, scenario: 'success', hang: false }, media());
    try {
      const provider = createGeminiVeoProvider({ apiKey: KEYS.gemini, baseUrl: fake.url }, options());
      const request = videoRequest({
        model: 'veo-3.1-generate-preview',
        firstFrame: firstFrame(),
        references: [{ kind: 'character', owner: 'mara', image: firstFrame() }],
      });
      const error = await provider.generate(request, testJob().ctx).catch((e: unknown) => e);
      recordError(error);
      const e = expectError(error, 'provider_rejected_input');
      expect(e.message).toMatch(/first frame/);
      expect(fake.requests).toEqual([]);
    } finally {
      await fake.close();
    }
  });

  it('sends the Veo instance with first frame, and generates 5.2 s at 6 s noting it', async () => {
    const fake = await startGeminiFake({ key: KEYS.gemini, scenario: 'success', hang: false }, media());
    try {
      const provider = createGeminiVeoProvider({ apiKey: KEYS.gemini, baseUrl: fake.url }, options());
      const result = await provider.generate(
        videoRequest({
          model: 'veo-3.1-generate-preview',
          durationSeconds: 5.2,
          seed: 9,
          firstFrame: firstFrame(),
        }),
        testJob().ctx,
      );
      record(JSON.stringify(result));
      const body = JSON.parse(fake.requests[0]?.body.toString() ?? '{}');
      expect(body.parameters).toMatchObject({
        durationSeconds: 6,
        aspectRatio: '16:9',
        resolution: '720p',
        sampleCount: 1,
      });
      expect(body.parameters.seed).toBeUndefined();
      expect(body.instances[0].image.mimeType).toBe('image/png');
      expect(body.instances[0].image.bytesBase64Encoded.length).toBeGreaterThan(20);
      expect(result.seedApplied).toBe(false);
      expect(result.notes.join(' ')).toMatch(/6 s/);
      expect(result.notes.join(' ')).toMatch(/no seed/);
    } finally {
      await fake.close();
    }
  });

  it('Vertex sends seed and audio and signs in with the service account', async () => {
    const fake = await startVertexFake(
      { key: '', accessToken: KEYS.googleAccessToken, scenario: 'success', hang: false },
      media(),
    );
    try {
      const provider = CASES[1]?.create(fake.url, options());
      const result = await provider?.generate(
        videoRequest({ model: 'veo-3.1-generate-001', seed: 77 }),
        testJob().ctx,
      );
      record(JSON.stringify(result));
      const body = JSON.parse(fake.requests[0]?.body.toString() ?? '{}');
      expect(body.parameters).toMatchObject({ seed: 77, generateAudio: true, durationSeconds: 8 });
      expect(result?.seedApplied).toBe(true);
      expect((await sniffBytes(fixtures().mp4))?.mime).toBe('video/mp4');
    } finally {
      await fake.close();
    }
  });

  it('ComfyUI: no Origin header, uploads the first frame into LoadImage, fills the template', async () => {
    const fake = await startComfyFake(
      { key: '', scenario: 'success', hang: false, websocket: true },
      media(),
    );
    try {
      const provider = CASES[6]?.create(fake.url, options());
      const result = await provider?.generate(
        videoRequest({ model: 'workflow', durationSeconds: 2, fps: 24, seed: 5, firstFrame: firstFrame() }),
        testJob().ctx,
      );
      record(JSON.stringify(result));
      expect(fake.origins.every((o) => o === undefined)).toBe(true);
      expect(fake.uploads.length).toBe(1);
      const wf = fake.prompts[0] as Record<string, { inputs: Record<string, unknown> }>;
      expect(wf['7']?.inputs.image).toBe(fake.uploads[0]);
      expect(wf['9']?.inputs.seed).toBe(5);
      expect(wf['8']?.inputs.length).toBe(49);
      expect(wf['5']?.inputs.text).toMatch(/lighthouse/);
    } finally {
      await fake.close();
    }
  });

  it('ComfyUI: without a first frame the LoadImage node and its link are removed', async () => {
    const fake = await startComfyFake(
      { key: '', scenario: 'success', hang: false, websocket: true },
      media(),
    );
    try {
      await CASES[6]
        ?.create(fake.url, options())
        .generate(videoRequest({ model: 'workflow', durationSeconds: 2 }), testJob().ctx);
      const wf = fake.prompts[0] as Record<string, { inputs: Record<string, unknown> }>;
      expect(wf['7']).toBeUndefined();
      expect(wf['8']?.inputs.start_image).toBeUndefined();
      expect(fake.uploads).toEqual([]);
    } finally {
      await fake.close();
    }
  });

  it('ComfyUI: falls back to polling /history when there is no WebSocket', async () => {
    const fake = await startComfyFake({ key: '', scenario: 'slow', hang: false, websocket: false }, media());
    try {
      const job = testJob();
      const result = await CASES[6]
        ?.create(fake.url, options())
        .generate(videoRequest({ model: 'workflow', durationSeconds: 2 }), job.ctx);
      expect(result?.mime).toBe('video/mp4');
      expect(fake.job.polls).toBeGreaterThan(1);
      // History carries no progress: what the editor sees in between is marked as an estimate.
      expect(job.estimated.slice(1, -1).length).toBeGreaterThan(0);
      expect(job.estimated.slice(1, -1).every((e) => e)).toBe(true);
    } finally {
      await fake.close();
    }
  });
});

afterAll(() => {
  // The whole suite's logs, errors (and causes) and results: no key may appear anywhere.
  expect(collected.lines.length).toBeGreaterThan(100);
  expect(leakedSecrets()).toEqual([]);
});
