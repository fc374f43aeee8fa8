import type { JobContext, VideoProvider, VideoRequest, VideoResult } from '@ministudio/domain';
import { capabilitiesOf, GEMINI_VEO_MODELS } from '../capability-tables';
import { joinUrl, ProviderHttp } from '../http/client';
import { downloadResult, saveInlineResult } from '../http/download';
import { pollUntilDone } from '../http/poll';
import { type AdapterOptions, prepareVideo, resultBaseName } from './prepare';
import {
  type GoogleOperation,
  operationProgress,
  throwIfFiltered,
  throwOperationError,
  veoInstance,
  veoResolution,
} from './veo-common';

export const GEMINI_BASE_URL = 'https://generativelanguage.googleapis.com';

export interface GeminiVeoConfig {
  apiKey: string | null;
  baseUrl: string;
}

interface GeneratedSample {
  video?: { uri?: string; encodedVideo?: string; encoding?: string };
}

/** Veo through the Gemini API: long-running predict, polled by operation name, file download with the key. */
export function createGeminiVeoProvider(config: GeminiVeoConfig, options: AdapterOptions): VideoProvider {
  const http = new ProviderHttp('Veo (Gemini API)', options, () =>
    config.apiKey === null ? [] : [config.apiKey],
  );
  const api = (path: string) => joinUrl(config.baseUrl, `v1beta/${path}`);

  async function generate(input: VideoRequest, ctx: JobContext): Promise<VideoResult> {
    if (config.apiKey === null)
      throw http.fail('provider_rejected_input', 'not configured: set GEMINI_API_KEY');
    const headers = { 'x-goog-api-key': config.apiKey, 'content-type': 'application/json' };
    const { request, notes } = prepareVideo(http, GEMINI_VEO_MODELS, input);
    const parameters: Record<string, unknown> = {
      sampleCount: 1,
      durationSeconds: request.durationSeconds,
      aspectRatio: request.aspectRatio,
      resolution: veoResolution(request.height, request.width),
    };
    if (request.negativePrompt.trim() !== '') parameters.negativePrompt = request.negativePrompt;
    const started = await http.json<GoogleOperation>(
      'starting the generation',
      api(`models/${encodeURIComponent(request.model)}:predictLongRunning`),
      {
        method: 'POST',
        headers,
        body: JSON.stringify({ instances: [await veoInstance(request)], parameters }),
      },
      ctx.signal,
    );
    const name = started.body.name;
    if (typeof name !== 'string')
      throw http.fail('provider_unavailable', 'the provider returned no operation name');
    ctx.onProgress(0.02);
    // The Gemini API publishes no cancel for video operations; cancelling stops our polling only.
    const op = await pollUntilDone(
      http,
      options.poll,
      ctx,
      async (signal) => {
        const res = await http.json<GoogleOperation>(
          'checking the generation',
          api(name),
          { headers },
          signal,
        );
        return res.body.done === true
          ? { done: true, value: res.body }
          : { done: false, progress: operationProgress(res.body) };
      },
      null,
    );
    throwOperationError(http, op);
    const response = (op.response?.generateVideoResponse ?? {}) as {
      generatedSamples?: GeneratedSample[];
      raiMediaFilteredCount?: unknown;
      raiMediaFilteredReasons?: unknown;
    };
    const video = response.generatedSamples?.[0]?.video;
    throwIfFiltered(
      http,
      response.raiMediaFilteredCount,
      response.raiMediaFilteredReasons,
      video !== undefined,
    );
    const target = {
      workDir: ctx.workDir,
      baseName: resultBaseName('gemini-veo', request),
      kind: 'video' as const,
      signal: ctx.signal,
    };
    let file: { path: string; mime: string };
    if (video?.encodedVideo !== undefined) {
      file = await saveInlineResult(http, video.encodedVideo, target);
    } else if (video?.uri !== undefined) {
      file = await downloadResult(http, downloadUrl(video.uri), { 'x-goog-api-key': config.apiKey }, target);
    } else {
      throw http.fail('provider_unavailable', 'the result carried neither a file nor bytes');
    }
    ctx.onProgress(1);
    return { path: file.path, mime: file.mime, model: request.model, seedApplied: false, notes };
  }

  /** Rebuilt on our configured base, so the key only ever goes where the user pointed it (as the SDK does). */
  function downloadUrl(uri: string): string {
    const id = /files\/([a-z0-9]+)/i.exec(uri)?.[1];
    if (id === undefined) throw http.fail('provider_unavailable', 'the result file name is unreadable');
    return `${api(`files/${id}:download`)}?alt=media`;
  }

  return {
    id: 'gemini-veo',
    label: 'Google Veo (Gemini API)',
    configured: () => config.apiKey !== null,
    models: () => capabilitiesOf(GEMINI_VEO_MODELS),
    generate,
  };
}
