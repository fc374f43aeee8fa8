import type { VideoProvider } from '@ministudio/domain';
import { capabilitiesOf, GEMINI_VEO_MODELS } from '../capability-tables';
import { joinUrl, ProviderHttp } from '../http/client';
import type { AdapterOptions } from './prepare';
import { generateByTask, type TaskProtocol } from './task-adapter';
import {
  type GoogleOperation,
  operationFailure,
  readOperation,
  veoInstance,
  veoResolution,
  withoutVideo,
} from './veo-common';

export const GEMINI_BASE_URL = 'https://generativelanguage.googleapis.com';

export interface GeminiVeoConfig {
  apiKey: string | null;
  baseUrl: string;
}

interface GeneratedSample {
  video?: { uri?: string; encodedVideo?: string; encoding?: string };
}

/** The Gemini API's long-running predict, polled by operation name. */
function geminiVeoTask(
  http: ProviderHttp,
  baseUrl: string,
  apiKey: string,
): TaskProtocol<string, GoogleOperation> {
  const headers = { 'x-goog-api-key': apiKey, 'content-type': 'application/json' };
  const api = (path: string) => joinUrl(baseUrl, `v1beta/${path}`);

  /** Rebuilt on our configured base, so the key only ever goes where the user pointed it (as the SDK does). */
  function downloadUrl(uri: string): string {
    const id = /files\/([a-z0-9]+)/i.exec(uri)?.[1];
    if (id === undefined) throw http.fail('provider_unavailable', 'the result file name is unreadable');
    return `${api(`files/${id}:download`)}?alt=media`;
  }

  return {
    id: 'gemini-veo',
    models: GEMINI_VEO_MODELS,
    submit: async (request) => {
      const parameters: Record<string, unknown> = {
        sampleCount: 1,
        durationSeconds: request.durationSeconds,
        aspectRatio: request.aspectRatio,
        resolution: veoResolution(request.height, request.width),
      };
      if (request.negativePrompt.trim() !== '') parameters.negativePrompt = request.negativePrompt;
      return {
        what: 'starting the generation',
        url: api(`models/${encodeURIComponent(request.model)}:predictLongRunning`),
        init: {
          method: 'POST',
          headers,
          body: JSON.stringify({ instances: [await veoInstance(request)], parameters }),
        },
      };
    },
    handle: (op) => (typeof op.name === 'string' ? op.name : null),
    poll: (name) => ({ what: 'checking the generation', url: api(name), init: { headers } }),
    read: readOperation,
    outcome: (op) => {
      const failure = operationFailure(op);
      if (failure !== null) return failure;
      const response = (op.response?.generateVideoResponse ?? {}) as {
        generatedSamples?: GeneratedSample[];
        raiMediaFilteredCount?: unknown;
        raiMediaFilteredReasons?: unknown;
      };
      const video = response.generatedSamples?.[0]?.video;
      if (video?.encodedVideo !== undefined) return { kind: 'inline', base64: video.encodedVideo };
      if (video?.uri !== undefined)
        return { kind: 'download', url: downloadUrl(video.uri), headers: { 'x-goog-api-key': apiKey } };
      return withoutVideo(response.raiMediaFilteredCount, response.raiMediaFilteredReasons);
    },
    // The Gemini API publishes no cancel for video operations; cancelling stops our polling only.
    cancel: null,
  };
}

/** Veo through the Gemini API: long-running predict, polled by operation name, file download with the key. */
export function createGeminiVeoProvider(config: GeminiVeoConfig, options: AdapterOptions): VideoProvider {
  const http = new ProviderHttp('Veo (Gemini API)', options, () =>
    config.apiKey === null ? [] : [config.apiKey],
  );
  return {
    id: 'gemini-veo',
    label: 'Google Veo (Gemini API)',
    configured: () => config.apiKey !== null,
    models: () => capabilitiesOf(GEMINI_VEO_MODELS),
    generate: async (input, ctx) => {
      if (config.apiKey === null)
        throw http.fail('provider_rejected_input', 'not configured: set GEMINI_API_KEY');
      return generateByTask(http, options, geminiVeoTask(http, config.baseUrl, config.apiKey), input, ctx);
    },
    // GET /v1beta/models?pageSize=1: listing models costs nothing and needs the key.
    testConnection: async (signal) => {
      if (config.apiKey === null)
        throw http.fail('provider_not_configured', 'not configured: set GEMINI_API_KEY');
      const { body } = await http.json<{ models?: { name?: string }[] }>(
        'listing models',
        `${joinUrl(config.baseUrl, 'v1beta/models')}?pageSize=1`,
        { headers: { 'x-goog-api-key': config.apiKey } },
        signal,
      );
      const first = body.models?.[0]?.name;
      return first
        ? `Connected to the Gemini API: the key was accepted (it lists ${first}).`
        : 'Connected to the Gemini API: the key was accepted.';
    },
  };
}
