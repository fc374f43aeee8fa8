import type { JobContext, VideoProvider, VideoRequest, VideoResult } from '@ministudio/domain';
import type { GoogleAuth } from '../auth/google-auth';
import { capabilitiesOf, VERTEX_VEO_MODELS } from '../capability-tables';
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

export interface VertexVeoConfig {
  auth: GoogleAuth;
  project: string | null;
  location: string;
  /** null = Google's regional endpoint for the location. */
  baseUrl: string | null;
  storageBaseUrl: string;
}

export function vertexBaseUrl(location: string): string {
  return location === 'global'
    ? 'https://aiplatform.googleapis.com'
    : `https://${location}-aiplatform.googleapis.com`;
}

interface VertexVideo {
  gcsUri?: string;
  bytesBase64Encoded?: string;
  mimeType?: string;
}

/** Veo through Vertex AI: OAuth bearer token, seed and audio flags, fetchPredictOperation polling. */
export function createVertexVeoProvider(config: VertexVeoConfig, options: AdapterOptions): VideoProvider {
  const http = new ProviderHttp('Veo (Vertex AI)', options, () => config.auth.secrets());
  const base = config.baseUrl ?? vertexBaseUrl(config.location);
  const modelPath = (model: string) =>
    joinUrl(
      base,
      `v1/projects/${encodeURIComponent(config.project ?? '')}/locations/${encodeURIComponent(config.location)}/publishers/google/models/${encodeURIComponent(model)}`,
    );

  async function generate(input: VideoRequest, ctx: JobContext): Promise<VideoResult> {
    if (!config.auth.configured() || config.project === null) {
      throw http.fail(
        'provider_rejected_input',
        'not configured: set GOOGLE_CLOUD_PROJECT and GOOGLE_APPLICATION_CREDENTIALS or GOOGLE_ACCESS_TOKEN',
      );
    }
    const { request, notes } = prepareVideo(http, VERTEX_VEO_MODELS, input);
    const headers = async (signal: AbortSignal) => ({
      authorization: `Bearer ${await config.auth.token(http, signal)}`,
      'content-type': 'application/json',
    });
    const parameters: Record<string, unknown> = {
      sampleCount: 1,
      durationSeconds: request.durationSeconds,
      aspectRatio: request.aspectRatio,
      resolution: veoResolution(request.height, request.width),
      generateAudio: true,
      personGeneration: 'allow_adult',
    };
    if (request.negativePrompt.trim() !== '') parameters.negativePrompt = request.negativePrompt;
    // uint32 on the wire: the domain seed is already non-negative; wrap defensively.
    if (request.seed !== null) parameters.seed = request.seed >>> 0;
    const started = await http.json<GoogleOperation>(
      'starting the generation',
      `${modelPath(request.model)}:predictLongRunning`,
      {
        method: 'POST',
        headers: await headers(ctx.signal),
        body: JSON.stringify({ instances: [await veoInstance(request)], parameters }),
      },
      ctx.signal,
    );
    const operationName = started.body.name;
    if (typeof operationName !== 'string')
      throw http.fail('provider_unavailable', 'the provider returned no operation name');
    ctx.onProgress(0.02);
    const op = await pollUntilDone(
      http,
      options.poll,
      ctx,
      async (signal) => {
        const res = await http.json<GoogleOperation>(
          'checking the generation',
          `${modelPath(request.model)}:fetchPredictOperation`,
          { method: 'POST', headers: await headers(signal), body: JSON.stringify({ operationName }) },
          signal,
        );
        return res.body.done === true
          ? { done: true, value: res.body }
          : { done: false, progress: operationProgress(res.body) };
      },
      null,
    );
    throwOperationError(http, op);
    const response = (op.response ?? {}) as {
      videos?: VertexVideo[];
      raiMediaFilteredCount?: unknown;
      raiMediaFilteredReasons?: unknown;
    };
    const video = response.videos?.[0];
    throwIfFiltered(
      http,
      response.raiMediaFilteredCount,
      response.raiMediaFilteredReasons,
      video !== undefined,
    );
    const target = {
      workDir: ctx.workDir,
      baseName: resultBaseName('vertex-veo', request),
      kind: 'video' as const,
      signal: ctx.signal,
    };
    let file: { path: string; mime: string };
    if (video?.bytesBase64Encoded !== undefined) {
      file = await saveInlineResult(http, video.bytesBase64Encoded, target);
    } else if (video?.gcsUri !== undefined) {
      const match = /^gs:\/\/([^/]+)\/(.+)$/.exec(video.gcsUri);
      if (match === null) throw http.fail('provider_unavailable', 'the result location is unreadable');
      const url = joinUrl(
        config.storageBaseUrl,
        `storage/v1/b/${encodeURIComponent(match[1] ?? '')}/o/${encodeURIComponent(match[2] ?? '')}?alt=media`,
      );
      const { authorization } = await headers(ctx.signal);
      file = await downloadResult(http, url, { authorization }, target);
    } else {
      throw http.fail('provider_unavailable', 'the result carried neither a file nor bytes');
    }
    ctx.onProgress(1);
    return {
      path: file.path,
      mime: file.mime,
      model: request.model,
      seedApplied: request.seed !== null,
      notes,
    };
  }

  return {
    id: 'vertex-veo',
    label: 'Google Veo (Vertex AI)',
    configured: () => config.auth.configured() && config.project !== null,
    models: () => capabilitiesOf(VERTEX_VEO_MODELS),
    generate,
  };
}
