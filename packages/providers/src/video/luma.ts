import type { VideoProvider, VideoRequest } from '@ministudio/domain';
import { capabilitiesOf, LUMA_MODELS } from '../capability-tables';
import { imageDataUri } from '../files/image-data';
import { joinUrl, ProviderHttp } from '../http/client';
import { looksContentFiltered } from './filtered';
import type { AdapterOptions } from './prepare';
import { generateByTask, type TaskProtocol } from './task-adapter';

export const LUMA_BASE_URL = 'https://api.lumalabs.ai/dream-machine/v1';

export interface LumaConfig {
  apiKey: string | null;
  baseUrl: string;
}

interface LumaGeneration {
  id?: string;
  state?: 'queued' | 'dreaming' | 'completed' | 'failed';
  failure_reason?: string | null;
  assets?: { video?: string | null } | null;
}

export function lumaResolution(width: number, height: number): string {
  const short = Math.min(width, height);
  return short >= 1080 ? '1080p' : short >= 720 ? '720p' : '540p';
}

/**
 * Luma Dream Machine. Keyframes take `{type:"image", url}`; the SDK documents URLs only, so
 * sending images as data URIs is our assumption (a self-hosted proxy can rewrite them to URLs).
 */
export async function lumaBody(request: VideoRequest): Promise<Record<string, unknown>> {
  const body: Record<string, unknown> = {
    model: request.model,
    prompt: request.prompt,
    aspect_ratio: request.aspectRatio,
    duration: `${Math.round(request.durationSeconds)}s`,
    resolution: lumaResolution(request.width, request.height),
  };
  const keyframes: Record<string, unknown> = {};
  if (request.firstFrame !== null)
    keyframes.frame0 = { type: 'image', url: await imageDataUri(request.firstFrame) };
  if (request.lastFrame !== null)
    keyframes.frame1 = { type: 'image', url: await imageDataUri(request.lastFrame) };
  if (Object.keys(keyframes).length > 0) body.keyframes = keyframes;
  return body;
}

/** Luma's generation protocol: POST /generations/video, poll /generations/{id}, DELETE it to stop. */
function lumaTask(baseUrl: string, apiKey: string): TaskProtocol<string, LumaGeneration> {
  const headers = { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' };
  const generationUrl = (id: string) => joinUrl(baseUrl, `generations/${encodeURIComponent(id)}`);
  return {
    id: 'luma',
    models: LUMA_MODELS,
    submit: async (request) => ({
      what: 'starting the generation',
      url: joinUrl(baseUrl, 'generations/video'),
      init: { method: 'POST', headers, body: JSON.stringify(await lumaBody(request)) },
    }),
    handle: (generation) => (typeof generation.id === 'string' ? generation.id : null),
    poll: (id) => ({ what: 'checking the generation', url: generationUrl(id), init: { headers } }),
    // Luma names a state (queued, dreaming) but gives no figure: the loop shows an estimate.
    read: (generation) =>
      generation.state === 'completed' || generation.state === 'failed'
        ? { done: true }
        : { done: false, progress: null },
    outcome: (generation) => {
      if (generation.state === 'failed') {
        const reason = generation.failure_reason ?? 'no reason given';
        return {
          kind: 'failed',
          code: looksContentFiltered(reason) ? 'content_filtered' : 'provider_rejected_input',
          reason,
        };
      }
      const video = generation.assets?.video;
      return typeof video === 'string' ? { kind: 'download', url: video } : { kind: 'empty' };
    },
    // Luma has no cancel; deleting the generation is how its API stops paying attention to it.
    cancel: (id) => ({
      what: 'deleting the generation',
      url: generationUrl(id),
      init: { method: 'DELETE', headers },
    }),
  };
}

export function createLumaProvider(config: LumaConfig, options: AdapterOptions): VideoProvider {
  const http = new ProviderHttp('Luma', options, () => (config.apiKey === null ? [] : [config.apiKey]));
  return {
    id: 'luma',
    label: 'Luma Dream Machine',
    configured: () => config.apiKey !== null,
    models: () => capabilitiesOf(LUMA_MODELS),
    generate: async (input, ctx) => {
      if (config.apiKey === null)
        throw http.fail('provider_rejected_input', 'not configured: set LUMAAI_API_KEY');
      return generateByTask(http, options, lumaTask(config.baseUrl, config.apiKey), input, ctx);
    },
    // GET /generations?limit=1: listing costs nothing and needs the key (Luma has no account route).
    testConnection: async (signal) => {
      if (config.apiKey === null)
        throw http.fail('provider_not_configured', 'not configured: set LUMAAI_API_KEY');
      const { body } = await http.json<{ count?: number }>(
        'listing generations',
        `${joinUrl(config.baseUrl, 'generations')}?limit=1`,
        { headers: { authorization: `Bearer ${config.apiKey}` } },
        signal,
      );
      return typeof body.count === 'number'
        ? `Connected to Luma: the account has ${body.count} generations.`
        : 'Connected to Luma: the key was accepted.';
    },
  };
}
