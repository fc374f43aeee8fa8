import type { VideoProvider, VideoRequest } from '@ministudio/domain';
import { capabilitiesOf, FAL_MODELS } from '../capability-tables';
import { imageDataUri } from '../files/image-data';
import { joinUrl, ProviderHttp } from '../http/client';
import { looksContentFiltered } from './filtered';
import type { AdapterOptions } from './prepare';
import { generateByTask, type TaskProtocol } from './task-adapter';

export const FAL_QUEUE_URL = 'https://queue.fal.run';
/** fal's Platform APIs (model metadata, pricing): the same key, another host. */
export const FAL_API_URL = 'https://api.fal.ai';

export interface FalConfig {
  key: string | null;
  queueUrl: string;
  /** The Platform APIs' base (MINISTUDIO_FAL_API_URL); the connection test reads a price there. */
  apiUrl: string;
}

interface FalPrice {
  endpoint_id?: string;
  unit_price?: number;
  unit?: string;
  currency?: string;
}

interface FalStatus {
  status?: 'IN_QUEUE' | 'IN_PROGRESS' | 'COMPLETED';
  request_id?: string;
  status_url?: string;
  response_url?: string;
  cancel_url?: string;
  queue_position?: number;
}

/** Kling 2.1 on fal: image-to-video when there is a first frame, text-to-video otherwise (model pages). */
export async function falSubmission(
  request: VideoRequest,
): Promise<{ endpoint: string; input: Record<string, unknown> }> {
  const input: Record<string, unknown> = {
    prompt: request.prompt,
    duration: String(Math.round(request.durationSeconds)),
  };
  if (request.negativePrompt.trim() !== '') input.negative_prompt = request.negativePrompt;
  if (request.firstFrame !== null) {
    input.image_url = await imageDataUri(request.firstFrame);
    return { endpoint: `${request.model}/image-to-video`, input };
  }
  input.aspect_ratio = request.aspectRatio;
  return { endpoint: `${request.model}/text-to-video`, input };
}

interface FalRequest {
  statusUrl: string;
  responseUrl: string;
  cancelUrl: string;
}

/** fal's queue protocol: submit, then the status, result and cancel URLs the queue names. */
function falTask(http: ProviderHttp, queueUrl: string, key: string): TaskProtocol<FalRequest, FalStatus> {
  const headers = { authorization: `Key ${key}`, 'content-type': 'application/json' };
  const queueOrigin = new URL(queueUrl).origin;

  /** fal says to use the URLs it returns; we do, but only on the queue host we send the key to. */
  function trusted(url: string | undefined, what: string): string {
    if (typeof url !== 'string') throw http.fail('provider_unavailable', `the queue returned no ${what}`);
    let origin: string;
    try {
      origin = new URL(url).origin;
    } catch {
      throw http.fail('provider_unavailable', `the queue returned an unreadable ${what}`);
    }
    if (origin !== queueOrigin)
      throw http.fail('provider_unavailable', `the ${what} points outside the queue host`);
    return url;
  }

  return {
    id: 'fal',
    models: FAL_MODELS,
    submit: async (request) => {
      const { endpoint, input } = await falSubmission(request);
      return {
        what: 'submitting to the queue',
        url: joinUrl(queueUrl, endpoint),
        init: { method: 'POST', headers, body: JSON.stringify(input) },
      };
    },
    handle: (submitted) => ({
      statusUrl: trusted(submitted.status_url, 'status URL'),
      responseUrl: trusted(submitted.response_url, 'response URL'),
      cancelUrl: trusted(submitted.cancel_url, 'cancel URL'),
    }),
    poll: (queued) => ({ what: 'checking the queue', url: `${queued.statusUrl}?logs=0`, init: { headers } }),
    // The queue names a state (queued, in progress) but gives no figure: the loop shows an estimate.
    read: (status) => (status.status === 'COMPLETED' ? { done: true } : { done: false, progress: null }),
    outcome: async (_status, queued, signal) => {
      let output: { video?: { url?: string } };
      try {
        output = (
          await http.json<{ video?: { url?: string } }>(
            'fetching the result',
            queued.responseUrl,
            { headers },
            signal,
          )
        ).body;
      } catch (error) {
        // A failed run answers the result request with its error; safety refusals are final.
        if (error instanceof Error && looksContentFiltered(error.message))
          return { kind: 'failed', code: 'content_filtered', reason: error.message.replace(/^fal: /, '') };
        throw error;
      }
      const url = output.video?.url;
      return typeof url === 'string' ? { kind: 'download', url } : { kind: 'empty' };
    },
    cancel: (queued) => ({
      what: 'cancelling the request',
      url: queued.cancelUrl,
      init: { method: 'PUT', headers },
    }),
  };
}

export function createFalProvider(config: FalConfig, options: AdapterOptions): VideoProvider {
  const http = new ProviderHttp('fal', options, () => (config.key === null ? [] : [config.key]));
  return {
    id: 'fal',
    label: 'fal',
    configured: () => config.key !== null,
    models: () => capabilitiesOf(FAL_MODELS),
    generate: async (input, ctx) => {
      if (config.key === null) throw http.fail('provider_rejected_input', 'not configured: set FAL_KEY');
      return generateByTask(http, options, falTask(http, config.queueUrl, config.key), input, ctx);
    },
    // The Platform API's pricing needs an authenticated key and costs nothing; it names our model's price.
    testConnection: async (signal) => {
      if (config.key === null) throw http.fail('provider_not_configured', 'not configured: set FAL_KEY');
      const endpoint = `${FAL_MODELS[0]!.capabilities.model}/text-to-video`;
      const { body } = await http.json<{ prices?: FalPrice[] }>(
        'reading a model price',
        `${joinUrl(config.apiUrl, 'v1/models/pricing')}?endpoint_id=${encodeURIComponent(endpoint)}`,
        { headers: { authorization: `Key ${config.key}` } },
        signal,
      );
      const price = body.prices?.find((p) => p.endpoint_id === endpoint);
      return typeof price?.unit_price === 'number'
        ? `Connected to fal: the key was accepted (${endpoint} costs ${price.unit_price} ${price.currency ?? 'USD'} per ${(price.unit ?? 'unit').replace(/_/g, ' ')}).`
        : 'Connected to fal: the key was accepted.';
    },
  };
}
