import type { ProviderDescription, SpeechProvider, VideoProvider } from '@ministudio/domain';
import { GoogleAuth } from './auth/google-auth';
import { intSetting, isSecretName, loadSettings, type ProviderSettings } from './config';
import type { LogFn } from './http/client';
import { builtInProviders } from './local-providers';
import { redactSecrets } from './redact';
import { createElevenLabsProvider, ELEVENLABS_BASE_URL, ELEVENLABS_MODEL } from './speech/elevenlabs';
import { createGoogleTtsProvider, GOOGLE_TTS_BASE_URL } from './speech/google-tts';
import { createOpenAiSpeechProvider, OPENAI_BASE_URL, OPENAI_TTS_MODEL } from './speech/openai-speech';
import { createComfyProvider, loadWorkflowTemplate } from './video/comfyui';
import { createFalProvider, FAL_API_URL, FAL_QUEUE_URL } from './video/fal';
import { createGeminiVeoProvider, GEMINI_BASE_URL } from './video/gemini-veo';
import { createLumaProvider, LUMA_BASE_URL } from './video/luma';
import type { AdapterOptions } from './video/prepare';
import { createReplicateProvider, REPLICATE_BASE_URL } from './video/replicate';
import { createRunwayProvider, RUNWAY_BASE_URL } from './video/runway';
import { createVertexVeoProvider } from './video/vertex-veo';

export interface ProviderRegistryOptions {
  env: NodeJS.ProcessEnv;
  /** Folder holding providers.json (same names as the environment; the environment wins). */
  dataDir: string | null;
  /** null = the global fetch; tests pass their own. */
  fetch: typeof fetch | null;
  /** Receives redacted log lines; omitted or null = silent. */
  log?: LogFn | null;
}

/** The browser-safe descriptions are defined once, in the domain package (names and booleans, never a value). */
export type { ProviderDescription, ProviderSetting as SettingDescription } from '@ministudio/domain';

export interface ProviderRegistry {
  video(id: string): VideoProvider | null;
  speech(id: string): SpeechProvider | null;
  listVideo(): VideoProvider[];
  listSpeech(): SpeechProvider[];
  describe(): ProviderDescription[];
}

/**
 * Which settings each provider reads (the SDKs' own names for keys, ours for overrides), and which
 * sets of them configure it: any one set, all of its names present.
 */
export const PROVIDER_SETTINGS: Record<string, { names: string[]; required: string[][] }> = {
  local: { names: [], required: [] },
  espeak: { names: [], required: [] },
  comfyui: { names: ['COMFYUI_URL', 'COMFYUI_WORKFLOW'], required: [['COMFYUI_URL']] },
  'gemini-veo': { names: ['GEMINI_API_KEY', 'MINISTUDIO_GEMINI_BASE_URL'], required: [['GEMINI_API_KEY']] },
  'vertex-veo': {
    names: [
      'GOOGLE_APPLICATION_CREDENTIALS',
      'GOOGLE_ACCESS_TOKEN',
      'GOOGLE_CLOUD_PROJECT',
      'GOOGLE_CLOUD_LOCATION',
      'MINISTUDIO_VERTEX_BASE_URL',
      'MINISTUDIO_GOOGLE_TOKEN_URL',
      'MINISTUDIO_GCS_BASE_URL',
    ],
    required: [
      ['GOOGLE_CLOUD_PROJECT', 'GOOGLE_APPLICATION_CREDENTIALS'],
      ['GOOGLE_CLOUD_PROJECT', 'GOOGLE_ACCESS_TOKEN'],
    ],
  },
  runway: {
    names: ['RUNWAYML_API_SECRET', 'MINISTUDIO_RUNWAY_BASE_URL'],
    required: [['RUNWAYML_API_SECRET']],
  },
  luma: { names: ['LUMAAI_API_KEY', 'MINISTUDIO_LUMA_BASE_URL'], required: [['LUMAAI_API_KEY']] },
  replicate: {
    names: ['REPLICATE_API_TOKEN', 'MINISTUDIO_REPLICATE_BASE_URL'],
    required: [['REPLICATE_API_TOKEN']],
  },
  fal: {
    names: ['FAL_KEY', 'MINISTUDIO_FAL_QUEUE_URL', 'MINISTUDIO_FAL_API_URL'],
    required: [['FAL_KEY']],
  },
  'google-tts': {
    names: [
      'GOOGLE_APPLICATION_CREDENTIALS',
      'GOOGLE_ACCESS_TOKEN',
      'GOOGLE_CLOUD_PROJECT',
      'MINISTUDIO_GOOGLE_TTS_BASE_URL',
      'MINISTUDIO_GOOGLE_TOKEN_URL',
    ],
    required: [['GOOGLE_APPLICATION_CREDENTIALS'], ['GOOGLE_ACCESS_TOKEN']],
  },
  'openai-speech': {
    names: ['OPENAI_API_KEY', 'MINISTUDIO_OPENAI_BASE_URL', 'MINISTUDIO_OPENAI_TTS_MODEL'],
    required: [['OPENAI_API_KEY']],
  },
  elevenlabs: {
    names: ['ELEVENLABS_API_KEY', 'MINISTUDIO_ELEVENLABS_BASE_URL', 'MINISTUDIO_ELEVENLABS_MODEL'],
    required: [['ELEVENLABS_API_KEY']],
  },
};

export const TUNING_SETTINGS = {
  pollMs: 'MINISTUDIO_PROVIDER_POLL_MS',
  timeoutMs: 'MINISTUDIO_PROVIDER_TIMEOUT_MS',
  requestTimeoutMs: 'MINISTUDIO_PROVIDER_REQUEST_TIMEOUT_MS',
} as const;

export function adapterOptionsFrom(
  settings: ProviderSettings,
  fetchFn: typeof fetch,
  log: LogFn,
): AdapterOptions {
  return {
    fetch: fetchFn,
    log,
    requestTimeoutMs: intSetting(settings, TUNING_SETTINGS.requestTimeoutMs, 60_000),
    poll: {
      intervalMs: intSetting(settings, TUNING_SETTINGS.pollMs, 5_000),
      timeoutMs: intSetting(settings, TUNING_SETTINGS.timeoutMs, 20 * 60_000),
    },
  };
}

/** The most a secret's description may show: its last four characters, and only of a long value. */
export function hintFor(secret: boolean, value: string | null): string | null {
  if (!secret || value === null || value.length < 12) return null;
  return `…${value.slice(-4)}`;
}

export function createProviderRegistry(options: ProviderRegistryOptions): ProviderRegistry {
  const settings = loadSettings(options.env, options.dataDir);
  const sink = options.log ?? null;
  const log: LogFn = (line) => sink?.(redactSecrets(line, settings.secretValues()));
  const opts = adapterOptionsFrom(settings, options.fetch ?? globalThis.fetch, log);
  const get = settings.get;
  const googleAuth = () =>
    new GoogleAuth({
      accessToken: get('GOOGLE_ACCESS_TOKEN'),
      credentialsPath: get('GOOGLE_APPLICATION_CREDENTIALS'),
      tokenUrl: get('MINISTUDIO_GOOGLE_TOKEN_URL'),
    });
  const comfyUrl = get('COMFYUI_URL');
  const template = loadWorkflowTemplate(get('COMFYUI_WORKFLOW'));
  const builtIn = builtInProviders();

  const video: VideoProvider[] = [
    ...builtIn.video,
    createComfyProvider({ url: comfyUrl, workflow: template.workflow, workflowName: template.name }, opts),
    createGeminiVeoProvider(
      { apiKey: get('GEMINI_API_KEY'), baseUrl: get('MINISTUDIO_GEMINI_BASE_URL') ?? GEMINI_BASE_URL },
      opts,
    ),
    createVertexVeoProvider(
      {
        auth: googleAuth(),
        project: get('GOOGLE_CLOUD_PROJECT'),
        location: get('GOOGLE_CLOUD_LOCATION') ?? 'us-central1',
        baseUrl: get('MINISTUDIO_VERTEX_BASE_URL'),
        storageBaseUrl: get('MINISTUDIO_GCS_BASE_URL') ?? 'https://storage.googleapis.com',
      },
      opts,
    ),
    createRunwayProvider(
      {
        apiSecret: get('RUNWAYML_API_SECRET'),
        baseUrl: get('MINISTUDIO_RUNWAY_BASE_URL') ?? RUNWAY_BASE_URL,
      },
      opts,
    ),
    createLumaProvider(
      { apiKey: get('LUMAAI_API_KEY'), baseUrl: get('MINISTUDIO_LUMA_BASE_URL') ?? LUMA_BASE_URL },
      opts,
    ),
    createReplicateProvider(
      {
        apiToken: get('REPLICATE_API_TOKEN'),
        baseUrl: get('MINISTUDIO_REPLICATE_BASE_URL') ?? REPLICATE_BASE_URL,
      },
      opts,
    ),
    createFalProvider(
      {
        key: get('FAL_KEY'),
        queueUrl: get('MINISTUDIO_FAL_QUEUE_URL') ?? FAL_QUEUE_URL,
        apiUrl: get('MINISTUDIO_FAL_API_URL') ?? FAL_API_URL,
      },
      opts,
    ),
  ];
  const speech: SpeechProvider[] = [
    ...builtIn.speech,
    createGoogleTtsProvider(
      {
        auth: googleAuth(),
        project: get('GOOGLE_CLOUD_PROJECT'),
        baseUrl: get('MINISTUDIO_GOOGLE_TTS_BASE_URL') ?? GOOGLE_TTS_BASE_URL,
      },
      opts,
    ),
    createOpenAiSpeechProvider(
      {
        apiKey: get('OPENAI_API_KEY'),
        baseUrl: get('MINISTUDIO_OPENAI_BASE_URL') ?? OPENAI_BASE_URL,
        model: get('MINISTUDIO_OPENAI_TTS_MODEL') ?? OPENAI_TTS_MODEL,
      },
      opts,
    ),
    createElevenLabsProvider(
      {
        apiKey: get('ELEVENLABS_API_KEY'),
        baseUrl: get('MINISTUDIO_ELEVENLABS_BASE_URL') ?? ELEVENLABS_BASE_URL,
        model: get('MINISTUDIO_ELEVENLABS_MODEL') ?? ELEVENLABS_MODEL,
      },
      opts,
    ),
  ];

  const settingsOf = (id: string) => {
    const entry = PROVIDER_SETTINGS[id] ?? { names: [], required: [] };
    return {
      settings: entry.names.map((name) => {
        const value = get(name);
        const secret = isSecretName(name);
        return {
          name,
          set: value !== null,
          secret,
          source: settings.source(name),
          hint: hintFor(secret, value),
        };
      }),
      required: entry.required,
    };
  };

  return {
    video: (id) => video.find((p) => p.id === id) ?? null,
    speech: (id) => speech.find((p) => p.id === id) ?? null,
    listVideo: () => [...video],
    listSpeech: () => [...speech],
    describe: () => [
      ...video.map((p) => ({
        id: p.id,
        label: p.label,
        kind: 'video' as const,
        configured: p.configured(),
        models: p.models(),
        ...settingsOf(p.id),
      })),
      ...speech.map((p) => ({
        id: p.id,
        label: p.label,
        kind: 'speech' as const,
        configured: p.configured(),
        models: [],
        ...settingsOf(p.id),
      })),
    ],
  };
}
