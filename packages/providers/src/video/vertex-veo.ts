import type { VideoProvider } from '@ministudio/domain';
import type { GoogleAuth } from '../auth/google-auth';
import { capabilitiesOf, VERTEX_VEO_MODELS } from '../capability-tables';
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

/**
 * Vertex AI's long-running predict, polled with fetchPredictOperation. Each request asks GoogleAuth for
 * the token (cached until near expiry), so a long generation outlives the token it started with.
 */
function vertexVeoTask(
  http: ProviderHttp,
  config: VertexVeoConfig,
  project: string,
): TaskProtocol<{ operationName: string; model: string }, GoogleOperation> {
  const base = config.baseUrl ?? vertexBaseUrl(config.location);
  const modelPath = (model: string) =>
    joinUrl(
      base,
      `v1/projects/${encodeURIComponent(project)}/locations/${encodeURIComponent(config.location)}/publishers/google/models/${encodeURIComponent(model)}`,
    );
  const authorization = async (signal: AbortSignal) => `Bearer ${await config.auth.token(http, signal)}`;
  const jsonPost = async (body: unknown, signal: AbortSignal): Promise<RequestInit> => ({
    method: 'POST',
    headers: { authorization: await authorization(signal), 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return {
    id: 'vertex-veo',
    models: VERTEX_VEO_MODELS,
    submit: async (request, _spec, signal) => {
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
      return {
        what: 'starting the generation',
        url: `${modelPath(request.model)}:predictLongRunning`,
        init: await jsonPost({ instances: [await veoInstance(request)], parameters }, signal),
      };
    },
    // The model travels with the handle: fetchPredictOperation is addressed under it.
    handle: (op, request) =>
      typeof op.name === 'string' ? { operationName: op.name, model: request.model } : null,
    poll: async (handle, signal) => ({
      what: 'checking the generation',
      url: `${modelPath(handle.model)}:fetchPredictOperation`,
      init: await jsonPost({ operationName: handle.operationName }, signal),
    }),
    read: readOperation,
    outcome: async (op, _handle, signal) => {
      const failure = operationFailure(op);
      if (failure !== null) return failure;
      const response = (op.response ?? {}) as {
        videos?: VertexVideo[];
        raiMediaFilteredCount?: unknown;
        raiMediaFilteredReasons?: unknown;
      };
      const video = response.videos?.[0];
      if (video?.bytesBase64Encoded !== undefined)
        return { kind: 'inline', base64: video.bytesBase64Encoded };
      if (video?.gcsUri !== undefined) {
        const match = /^gs:\/\/([^/]+)\/(.+)$/.exec(video.gcsUri);
        if (match === null) throw http.fail('provider_unavailable', 'the result location is unreadable');
        const url = joinUrl(
          config.storageBaseUrl,
          `storage/v1/b/${encodeURIComponent(match[1] ?? '')}/o/${encodeURIComponent(match[2] ?? '')}?alt=media`,
        );
        return { kind: 'download', url, headers: { authorization: await authorization(signal) } };
      }
      return withoutVideo(response.raiMediaFilteredCount, response.raiMediaFilteredReasons);
    },
    // No cancel request is sent (none is known for Veo operations); cancelling stops our polling only.
    cancel: null,
  };
}

/** Veo through Vertex AI: OAuth bearer token, seed and audio flags, fetchPredictOperation polling. */
export function createVertexVeoProvider(config: VertexVeoConfig, options: AdapterOptions): VideoProvider {
  const http = new ProviderHttp('Veo (Vertex AI)', options, () => config.auth.secrets());
  return {
    id: 'vertex-veo',
    label: 'Google Veo (Vertex AI)',
    configured: () => config.auth.configured() && config.project !== null,
    models: () => capabilitiesOf(VERTEX_VEO_MODELS),
    generate: async (input, ctx) => {
      if (!config.auth.configured() || config.project === null) {
        throw http.fail(
          'provider_rejected_input',
          'not configured: set GOOGLE_CLOUD_PROJECT and GOOGLE_APPLICATION_CREDENTIALS or GOOGLE_ACCESS_TOKEN',
        );
      }
      return generateByTask(http, options, vertexVeoTask(http, config, config.project), input, ctx);
    },
    // Getting our model's Model Garden entry costs nothing; it needs a token and, billed to the project
    // through x-goog-user-project, a project the credentials may use.
    testConnection: async (signal) => {
      if (!config.auth.configured() || config.project === null)
        throw http.fail(
          'provider_not_configured',
          'not configured: set GOOGLE_CLOUD_PROJECT and GOOGLE_APPLICATION_CREDENTIALS or GOOGLE_ACCESS_TOKEN',
        );
      const model = VERTEX_VEO_MODELS[0]!.capabilities.model;
      const base = config.baseUrl ?? vertexBaseUrl(config.location);
      const { body } = await http.json<{ name?: string }>(
        'reading the model',
        joinUrl(base, `v1/publishers/google/models/${encodeURIComponent(model)}`),
        {
          headers: {
            authorization: `Bearer ${await config.auth.token(http, signal)}`,
            'x-goog-user-project': config.project,
          },
        },
        signal,
      );
      return `Connected to Vertex AI for project ${config.project} in ${config.location}: ${body.name ?? model} is available.`;
    },
  };
}
