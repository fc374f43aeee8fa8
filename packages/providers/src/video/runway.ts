import type { FailureCode, VideoProvider, VideoRequest } from '@ministudio/domain';
import { capabilitiesOf, RUNWAY_MODELS } from '../capability-tables';
import { imageDataUri } from '../files/image-data';
import { joinUrl, ProviderHttp } from '../http/client';
import { looksContentFiltered } from './filtered';
import type { AdapterOptions } from './prepare';
import { generateByTask, type TaskProtocol } from './task-adapter';

export const RUNWAY_BASE_URL = 'https://api.dev.runwayml.com';
export const RUNWAY_VERSION = '2024-11-06';

export interface RunwayConfig {
  apiSecret: string | null;
  baseUrl: string;
}

interface RunwayTask {
  id?: string;
  status?: 'PENDING' | 'THROTTLED' | 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'CANCELLED';
  progress?: number;
  output?: string[];
  failure?: string;
  failureCode?: string;
}

export function runwayFailureCode(failureCode: string | undefined, failure: string | undefined): FailureCode {
  const text = `${failureCode ?? ''} ${failure ?? ''}`;
  if (/SAFETY/i.test(failureCode ?? '') || looksContentFiltered(text)) return 'content_filtered';
  if (/^(INTERNAL|THROTTLED)/i.test(failureCode ?? '')) return 'provider_unavailable';
  return 'provider_rejected_input';
}

/** The JSON body for /v1/image_to_video or /v1/text_to_video, per model (pure). */
export async function runwayBody(
  request: VideoRequest,
  seedSupported: boolean,
): Promise<Record<string, unknown>> {
  const body: Record<string, unknown> = {
    model: request.model,
    promptText: request.prompt,
    duration: Math.round(request.durationSeconds),
    ratio: `${request.width}:${request.height}`,
  };
  if (seedSupported && request.seed !== null) body.seed = request.seed;
  if (request.model.startsWith('veo')) {
    body.audio = true;
    if (request.negativePrompt.trim() !== '') body.negativePrompt = request.negativePrompt;
  }
  const frames: { uri: string; position: 'first' | 'last' }[] = [];
  if (request.firstFrame !== null)
    frames.push({ uri: await imageDataUri(request.firstFrame), position: 'first' });
  if (request.lastFrame !== null)
    frames.push({ uri: await imageDataUri(request.lastFrame), position: 'last' });
  if (frames.length > 0) body.promptImage = frames;
  return body;
}

/** Runway's task protocol: start a task, poll /v1/tasks/{id}, DELETE it to cancel. */
function runwayTask(baseUrl: string, apiSecret: string): TaskProtocol<string, RunwayTask> {
  const headers = {
    authorization: `Bearer ${apiSecret}`,
    'x-runway-version': RUNWAY_VERSION,
    'content-type': 'application/json',
  };
  const taskUrl = (id: string) => joinUrl(baseUrl, `v1/tasks/${encodeURIComponent(id)}`);
  return {
    id: 'runway',
    models: RUNWAY_MODELS,
    submit: async (request, spec) => {
      const path = request.firstFrame !== null ? 'v1/image_to_video' : 'v1/text_to_video';
      return {
        what: 'starting the generation',
        url: joinUrl(baseUrl, path),
        init: {
          method: 'POST',
          headers,
          body: JSON.stringify(await runwayBody(request, spec.capabilities.seed)),
        },
      };
    },
    handle: (task) => (typeof task.id === 'string' ? task.id : null),
    poll: (id) => ({ what: 'checking the generation', url: taskUrl(id), init: { headers } }),
    read: (task) =>
      task.status === 'SUCCEEDED' || task.status === 'FAILED' || task.status === 'CANCELLED'
        ? { done: true }
        : { done: false, progress: typeof task.progress === 'number' ? task.progress : null },
    outcome: (task) => {
      if (task.status === 'CANCELLED') return { kind: 'cancelled' };
      if (task.status === 'FAILED') {
        return {
          kind: 'failed',
          code: runwayFailureCode(task.failureCode, task.failure),
          reason: `${task.failure ?? 'no reason given'}${task.failureCode === undefined ? '' : ` (${task.failureCode})`}`,
        };
      }
      const url = task.output?.[0];
      // The output URL is signed: the key is not sent there.
      return typeof url === 'string' ? { kind: 'download', url } : { kind: 'empty' };
    },
    cancel: (id) => ({ what: 'cancelling the task', url: taskUrl(id), init: { method: 'DELETE', headers } }),
  };
}

/** Runway: start a task, poll /v1/tasks/{id}, download the signed output URL (no key sent there). */
export function createRunwayProvider(config: RunwayConfig, options: AdapterOptions): VideoProvider {
  const http = new ProviderHttp('Runway', options, () =>
    config.apiSecret === null ? [] : [config.apiSecret],
  );
  return {
    id: 'runway',
    label: 'Runway',
    configured: () => config.apiSecret !== null,
    models: () => capabilitiesOf(RUNWAY_MODELS),
    generate: async (input, ctx) => {
      if (config.apiSecret === null)
        throw http.fail('provider_rejected_input', 'not configured: set RUNWAYML_API_SECRET');
      return generateByTask(http, options, runwayTask(config.baseUrl, config.apiSecret), input, ctx);
    },
    // GET /v1/organization: the account's credit balance, which costs nothing and needs the key.
    testConnection: async (signal) => {
      if (config.apiSecret === null)
        throw http.fail('provider_not_configured', 'not configured: set RUNWAYML_API_SECRET');
      const { body } = await http.json<{ creditBalance?: number }>(
        'reading the account',
        joinUrl(config.baseUrl, 'v1/organization'),
        { headers: { authorization: `Bearer ${config.apiSecret}`, 'x-runway-version': RUNWAY_VERSION } },
        signal,
      );
      return typeof body.creditBalance === 'number'
        ? `Connected to Runway: the account has ${body.creditBalance} credits.`
        : 'Connected to Runway: the key was accepted.';
    },
  };
}
