import type { VideoProvider, VideoRequest } from '@ministudio/domain';
import { capabilitiesOf, REPLICATE_MODELS } from '../capability-tables';
import { imageDataUri } from '../files/image-data';
import { joinUrl, ProviderHttp } from '../http/client';
import { looksContentFiltered } from './filtered';
import type { AdapterOptions } from './prepare';
import { generateByTask, type TaskProtocol } from './task-adapter';

export const REPLICATE_BASE_URL = 'https://api.replicate.com/v1';

export interface ReplicateConfig {
  apiToken: string | null;
  baseUrl: string;
}

interface Prediction {
  id?: string;
  status?: 'starting' | 'processing' | 'succeeded' | 'failed' | 'canceled' | 'aborted';
  output?: unknown;
  error?: unknown;
  logs?: string | null;
}

/** Each Replicate model has its own input schema (read from its OpenAPI schema); one builder per model. */
export async function replicateInput(request: VideoRequest): Promise<Record<string, unknown>> {
  if (request.model === 'google/veo-3-fast') {
    const input: Record<string, unknown> = {
      prompt: request.prompt,
      aspect_ratio: request.aspectRatio,
      duration: Math.round(request.durationSeconds),
      resolution: Math.min(request.width, request.height) >= 1080 ? '1080p' : '720p',
      generate_audio: true,
    };
    if (request.negativePrompt.trim() !== '') input.negative_prompt = request.negativePrompt;
    if (request.seed !== null) input.seed = request.seed;
    if (request.firstFrame !== null) input.image = await imageDataUri(request.firstFrame);
    return input;
  }
  // minimax/video-01: the prompt is ours already, so the provider's rewriter stays off.
  const input: Record<string, unknown> = { prompt: request.prompt, prompt_optimizer: false };
  if (request.firstFrame !== null) input.first_frame_image = await imageDataUri(request.firstFrame);
  const subject = request.references.find((r) => r.kind === 'character');
  if (subject !== undefined) input.subject_reference = await imageDataUri(subject.image);
  return input;
}

/** Replicate logs "NN%" progress lines for many models; the last one wins. */
export function progressFromLogs(logs: string | null | undefined): number | null {
  if (typeof logs !== 'string') return null;
  const all = [...logs.matchAll(/(\d{1,3})%/g)];
  const last = all.at(-1)?.[1];
  return last === undefined ? null : Math.min(100, Number(last)) / 100;
}

/** Replicate's prediction protocol; URLs are built on our base rather than `urls.get`, so the token goes nowhere else. */
function replicateTask(baseUrl: string, apiToken: string): TaskProtocol<string, Prediction> {
  const headers = { authorization: `Bearer ${apiToken}`, 'content-type': 'application/json' };
  const predictionUrl = (id: string) => joinUrl(baseUrl, `predictions/${encodeURIComponent(id)}`);
  return {
    id: 'replicate',
    models: REPLICATE_MODELS,
    submit: async (request) => {
      const [owner, name] = request.model.split('/');
      return {
        what: 'starting the prediction',
        url: joinUrl(
          baseUrl,
          `models/${encodeURIComponent(owner ?? '')}/${encodeURIComponent(name ?? '')}/predictions`,
        ),
        init: { method: 'POST', headers, body: JSON.stringify({ input: await replicateInput(request) }) },
      };
    },
    handle: (prediction) => (typeof prediction.id === 'string' ? prediction.id : null),
    poll: (id) => ({ what: 'checking the prediction', url: predictionUrl(id), init: { headers } }),
    read: (prediction) =>
      prediction.status === 'starting' || prediction.status === 'processing'
        ? { done: false, progress: progressFromLogs(prediction.logs) }
        : { done: true },
    outcome: (prediction) => {
      if (prediction.status === 'canceled' || prediction.status === 'aborted') return { kind: 'cancelled' };
      if (prediction.status === 'failed') {
        const reason = typeof prediction.error === 'string' ? prediction.error : 'no reason given';
        return {
          kind: 'failed',
          code: looksContentFiltered(reason) ? 'content_filtered' : 'provider_rejected_input',
          reason,
        };
      }
      const output = Array.isArray(prediction.output)
        ? prediction.output.find((o) => typeof o === 'string')
        : prediction.output;
      // Replicate deletes outputs after an hour; the loop fetches at once.
      return typeof output === 'string' ? { kind: 'download', url: output } : { kind: 'empty' };
    },
    cancel: (id) => ({
      what: 'cancelling the prediction',
      url: `${predictionUrl(id)}/cancel`,
      init: { method: 'POST', headers },
    }),
  };
}

export function createReplicateProvider(config: ReplicateConfig, options: AdapterOptions): VideoProvider {
  const http = new ProviderHttp('Replicate', options, () =>
    config.apiToken === null ? [] : [config.apiToken],
  );
  return {
    id: 'replicate',
    label: 'Replicate',
    configured: () => config.apiToken !== null,
    models: () => capabilitiesOf(REPLICATE_MODELS),
    generate: async (input, ctx) => {
      if (config.apiToken === null)
        throw http.fail('provider_rejected_input', 'not configured: set REPLICATE_API_TOKEN');
      return generateByTask(http, options, replicateTask(config.baseUrl, config.apiToken), input, ctx);
    },
    // GET /v1/account: who the token belongs to, which costs nothing and needs the token.
    testConnection: async (signal) => {
      if (config.apiToken === null)
        throw http.fail('provider_not_configured', 'not configured: set REPLICATE_API_TOKEN');
      const { body } = await http.json<{ username?: string }>(
        'reading the account',
        joinUrl(config.baseUrl, 'account'),
        { headers: { authorization: `Bearer ${config.apiToken}` } },
        signal,
      );
      return typeof body.username === 'string'
        ? `Connected to Replicate as ${body.username}.`
        : 'Connected to Replicate: the token was accepted.';
    },
  };
}
