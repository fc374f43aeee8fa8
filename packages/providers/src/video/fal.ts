import type { JobContext, VideoProvider, VideoRequest, VideoResult } from '@ministudio/domain';
import { capabilitiesOf, FAL_MODELS } from '../capability-tables';
import { imageDataUri } from '../files/image-data';
import { joinUrl, ProviderHttp } from '../http/client';
import { downloadResult } from '../http/download';
import { pollUntilDone } from '../http/poll';
import { looksContentFiltered } from './filtered';
import { type AdapterOptions, prepareVideo, resultBaseName } from './prepare';

export const FAL_QUEUE_URL = 'https://queue.fal.run';

export interface FalConfig {
  key: string | null;
  queueUrl: string;
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

export function createFalProvider(config: FalConfig, options: AdapterOptions): VideoProvider {
  const http = new ProviderHttp('fal', options, () => (config.key === null ? [] : [config.key]));
  const queueOrigin = new URL(config.queueUrl).origin;

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

  async function generate(input: VideoRequest, ctx: JobContext): Promise<VideoResult> {
    if (config.key === null) throw http.fail('provider_rejected_input', 'not configured: set FAL_KEY');
    const { request, notes } = prepareVideo(http, FAL_MODELS, input);
    const headers = { authorization: `Key ${config.key}`, 'content-type': 'application/json' };
    const { endpoint, input: body } = await falSubmission(request);
    const submitted = await http.json<FalStatus>(
      'submitting to the queue',
      joinUrl(config.queueUrl, endpoint),
      { method: 'POST', headers, body: JSON.stringify(body) },
      ctx.signal,
    );
    const statusUrl = trusted(submitted.body.status_url, 'status URL');
    const responseUrl = trusted(submitted.body.response_url, 'response URL');
    const cancelUrl = trusted(submitted.body.cancel_url, 'cancel URL');
    await pollUntilDone(
      http,
      options.poll,
      ctx,
      async (signal) => {
        const { body: status } = await http.json<FalStatus>(
          'checking the queue',
          `${statusUrl}?logs=0`,
          { headers },
          signal,
        );
        if (status.status === 'COMPLETED') return { done: true, value: status };
        return { done: false, progress: status.status === 'IN_PROGRESS' ? 0.5 : 0.05 };
      },
      async (signal) => {
        await http.send('cancelling the request', cancelUrl, { method: 'PUT', headers }, signal);
      },
    );
    let output: { video?: { url?: string } };
    try {
      output = (
        await http.json<{ video?: { url?: string } }>(
          'fetching the result',
          responseUrl,
          { headers },
          ctx.signal,
        )
      ).body;
    } catch (error) {
      // A failed run answers the result request with its error; safety refusals are final.
      if (error instanceof Error && looksContentFiltered(error.message))
        throw http.fail('content_filtered', error.message.replace(/^fal: /, ''));
      throw error;
    }
    const url = output.video?.url;
    if (typeof url !== 'string') throw http.fail('provider_unavailable', 'the result carried no video URL');
    const file = await downloadResult(
      http,
      url,
      {},
      {
        workDir: ctx.workDir,
        baseName: resultBaseName('fal', request),
        kind: 'video',
        signal: ctx.signal,
      },
    );
    ctx.onProgress(1);
    return { path: file.path, mime: file.mime, model: request.model, seedApplied: false, notes };
  }

  return {
    id: 'fal',
    label: 'fal',
    configured: () => config.key !== null,
    models: () => capabilitiesOf(FAL_MODELS),
    generate,
  };
}
