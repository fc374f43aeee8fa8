import type { JobContext, VideoProvider, VideoRequest, VideoResult } from '@ministudio/domain';
import { capabilitiesOf, REPLICATE_MODELS } from '../capability-tables';
import { imageDataUri } from '../files/image-data';
import { joinUrl, ProviderHttp } from '../http/client';
import { downloadResult } from '../http/download';
import { pollUntilDone } from '../http/poll';
import { looksContentFiltered } from './filtered';
import { type AdapterOptions, prepareVideo, resultBaseName } from './prepare';

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

export function createReplicateProvider(config: ReplicateConfig, options: AdapterOptions): VideoProvider {
  const http = new ProviderHttp('Replicate', options, () =>
    config.apiToken === null ? [] : [config.apiToken],
  );

  async function generate(input: VideoRequest, ctx: JobContext): Promise<VideoResult> {
    if (config.apiToken === null)
      throw http.fail('provider_rejected_input', 'not configured: set REPLICATE_API_TOKEN');
    const { spec, request, notes } = prepareVideo(http, REPLICATE_MODELS, input);
    const headers = { authorization: `Bearer ${config.apiToken}`, 'content-type': 'application/json' };
    const [owner, name] = request.model.split('/');
    const started = await http.json<Prediction>(
      'starting the prediction',
      joinUrl(
        config.baseUrl,
        `models/${encodeURIComponent(owner ?? '')}/${encodeURIComponent(name ?? '')}/predictions`,
      ),
      { method: 'POST', headers, body: JSON.stringify({ input: await replicateInput(request) }) },
      ctx.signal,
    );
    const id = started.body.id;
    if (typeof id !== 'string')
      throw http.fail('provider_unavailable', 'the provider returned no prediction id');
    // Built on our base rather than urls.get, so the token goes nowhere else.
    const url = joinUrl(config.baseUrl, `predictions/${encodeURIComponent(id)}`);
    const prediction = await pollUntilDone(
      http,
      options.poll,
      ctx,
      async (signal) => {
        const { body } = await http.json<Prediction>('checking the prediction', url, { headers }, signal);
        if (body.status === 'starting' || body.status === 'processing') {
          return { done: false, progress: progressFromLogs(body.logs) };
        }
        return { done: true, value: body };
      },
      async (signal) => {
        await http.send('cancelling the prediction', `${url}/cancel`, { method: 'POST', headers }, signal);
      },
    );
    if (prediction.status === 'canceled' || prediction.status === 'aborted') {
      throw http.fail('cancelled', 'the prediction was cancelled at Replicate');
    }
    if (prediction.status === 'failed') {
      const reason = typeof prediction.error === 'string' ? prediction.error : 'no reason given';
      throw http.fail(
        looksContentFiltered(reason) ? 'content_filtered' : 'provider_rejected_input',
        `prediction failed: ${reason}`,
      );
    }
    const output = Array.isArray(prediction.output)
      ? prediction.output.find((o) => typeof o === 'string')
      : prediction.output;
    if (typeof output !== 'string')
      throw http.fail('provider_unavailable', 'the prediction succeeded without an output URL');
    // Replicate deletes outputs after an hour: fetch now.
    const file = await downloadResult(
      http,
      output,
      {},
      {
        workDir: ctx.workDir,
        baseName: resultBaseName('replicate', request),
        kind: 'video',
        signal: ctx.signal,
      },
    );
    ctx.onProgress(1);
    return {
      path: file.path,
      mime: file.mime,
      model: request.model,
      seedApplied: spec.capabilities.seed && request.seed !== null,
      notes,
    };
  }

  return {
    id: 'replicate',
    label: 'Replicate',
    configured: () => config.apiToken !== null,
    models: () => capabilitiesOf(REPLICATE_MODELS),
    generate,
  };
}
