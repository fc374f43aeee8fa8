// One real render per provider, for a user with real keys. Each test runs only when its keys are
// set in the environment (or <MINISTUDIO_DATA_DIR>/providers.json); it costs real money. See README.
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSettings } from '../src/config';
import { createProviderRegistry } from '../src/index';
import { videoRequest } from './fakes/request';

const dataDir = process.env.MINISTUDIO_DATA_DIR ?? null;
const settings = loadSettings(process.env, dataDir);
const has = (...names: string[]) => names.every((n) => settings.get(n) !== null);
const registry = createProviderRegistry({
  env: process.env,
  dataDir,
  fetch: null,
  log: (l) => console.log(l),
});

const job = () => ({
  signal: AbortSignal.timeout(15 * 60_000),
  onProgress: (f: number) => console.log(`progress ${Math.round(f * 100)}%`),
  workDir: mkdtempSync(join(tmpdir(), 'providers-smoke-')),
});

const probe = (path: string) =>
  Number(
    execFileSync('ffprobe', [
      '-v',
      'error',
      '-show_entries',
      'format=duration',
      '-of',
      'csv=p=0',
      path,
    ]).toString(),
  );

const VIDEO: { id: string; keys: string[]; model: string; durationSeconds: number }[] = [
  { id: 'gemini-veo', keys: ['GEMINI_API_KEY'], model: 'veo-3.1-fast-generate-preview', durationSeconds: 4 },
  {
    id: 'vertex-veo',
    keys: ['GOOGLE_CLOUD_PROJECT'],
    model: 'veo-3.1-fast-generate-001',
    durationSeconds: 4,
  },
  { id: 'runway', keys: ['RUNWAYML_API_SECRET'], model: 'gen4.5', durationSeconds: 2 },
  { id: 'luma', keys: ['LUMAAI_API_KEY'], model: 'ray-flash-2', durationSeconds: 5 },
  { id: 'replicate', keys: ['REPLICATE_API_TOKEN'], model: 'google/veo-3-fast', durationSeconds: 8 },
  { id: 'fal', keys: ['FAL_KEY'], model: 'fal-ai/kling-video/v2.1/master', durationSeconds: 5 },
  { id: 'comfyui', keys: ['COMFYUI_URL'], model: 'workflow', durationSeconds: 2 },
];

describe('real smoke renders', () => {
  for (const v of VIDEO) {
    const ready = has(...v.keys) && registry.video(v.id)?.configured() === true;
    it.skipIf(!ready)(
      `${v.id}: renders one short shot`,
      async () => {
        const result = await registry.video(v.id)?.generate(
          videoRequest({
            model: v.model,
            durationSeconds: v.durationSeconds,
            seed: null,
            prompt: 'A paper boat drifts across a calm pond at sunrise, gentle ripples.',
          }),
          job(),
        );
        expect(result?.mime).toMatch(/^video\//);
        expect(probe(result?.path ?? '')).toBeGreaterThan(1);
      },
      16 * 60_000,
    );
  }

  const SPEECH: { id: string; keys: string[]; voiceId: string }[] = [
    { id: 'google-tts', keys: [], voiceId: 'en-US-Studio-O' },
    { id: 'openai-speech', keys: ['OPENAI_API_KEY'], voiceId: 'coral' },
    { id: 'elevenlabs', keys: ['ELEVENLABS_API_KEY'], voiceId: '21m00Tcm4TlvDq8ikWAM' },
  ];
  for (const s of SPEECH) {
    const ready = has(...s.keys) && registry.speech(s.id)?.configured() === true;
    it.skipIf(!ready)(
      `${s.id}: speaks one line`,
      async () => {
        const result = await registry.speech(s.id)?.synthesize(
          {
            text: 'Keep the light burning.',
            voice: { provider: s.id, voiceId: s.voiceId, rate: 1, pitch: 0 },
          },
          job(),
        );
        expect(result?.durationSeconds).toBeGreaterThan(0.5);
        if (s.id === 'elevenlabs') expect(result?.alignment?.length).toBeGreaterThan(10);
      },
      120_000,
    );
  }
});
