import type { JobContext, VideoProvider, VideoRequest, VideoResult } from '@ministudio/domain';
import { capabilitiesOf, LUMA_MODELS } from '../capability-tables';
import { imageDataUri } from '../files/image-data';
import { joinUrl, ProviderHttp } from '../http/client';
import { downloadResult } from '../http/download';
import { pollUntilDone } from '../http/poll';
import { looksContentFiltered } from './filtered';
import { type AdapterOptions, prepareVideo, resultBaseName } from './prepare';

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

export function createLumaProvider(config: LumaConfig, options: AdapterOptions): VideoProvider {
  const http = new ProviderHttp('Luma', options, () => (config.apiKey === null ? [] : [config.apiKey]));

  async function generate(input: VideoRequest, ctx: JobContext): Promise<VideoResult> {
    if (config.apiKey === null)
      throw http.fail('provider_rejected_input', 'not configured: set LUMAAI_API_KEY');
    const { request, notes } = prepareVideo(http, LUMA_MODELS, input);
    const headers = { authorization: `Bearer ${config.apiKey}`, 'content-type': 'application/json' };
    const started = await http.json<LumaGeneration>(
      'starting the generation',
      joinUrl(config.baseUrl, 'generations/video'),
      { method: 'POST', headers, body: JSON.stringify(await lumaBody(request)) },
      ctx.signal,
    );
    const id = started.body.id;
    if (typeof id !== 'string')
      throw http.fail('provider_unavailable', 'the provider returned no generation id');
    const url = joinUrl(config.baseUrl, `generations/${encodeURIComponent(id)}`);
    const generation = await pollUntilDone(
      http,
      options.poll,
      ctx,
      async (signal) => {
        const { body } = await http.json<LumaGeneration>('checking the generation', url, { headers }, signal);
        if (body.state === 'completed' || body.state === 'failed') return { done: true, value: body };
        return { done: false, progress: body.state === 'dreaming' ? 0.5 : 0.05 };
      },
      // Luma has no cancel; deleting the generation is how its API stops paying attention to it.
      async (signal) => {
        await http.send('deleting the generation', url, { method: 'DELETE', headers }, signal);
      },
    );
    if (generation.state === 'failed') {
      const reason = generation.failure_reason ?? 'no reason given';
      throw http.fail(
        looksContentFiltered(reason) ? 'content_filtered' : 'provider_rejected_input',
        `generation failed: ${reason}`,
      );
    }
    const video = generation.assets?.video;
    if (typeof video !== 'string')
      throw http.fail('provider_unavailable', 'the generation completed without a video');
    const file = await downloadResult(
      http,
      video,
      {},
      {
        workDir: ctx.workDir,
        baseName: resultBaseName('luma', request),
        kind: 'video',
        signal: ctx.signal,
      },
    );
    ctx.onProgress(1);
    return { path: file.path, mime: file.mime, model: request.model, seedApplied: false, notes };
  }

  return {
    id: 'luma',
    label: 'Luma Dream Machine',
    configured: () => config.apiKey !== null,
    models: () => capabilitiesOf(LUMA_MODELS),
    generate,
  };
}
