import type { FailureCode, JobContext, VideoProvider, VideoRequest, VideoResult } from '@ministudio/domain';
import { capabilitiesOf, RUNWAY_MODELS } from '../capability-tables';
import { imageDataUri } from '../files/image-data';
import { joinUrl, ProviderHttp } from '../http/client';
import { downloadResult } from '../http/download';
import { pollUntilDone } from '../http/poll';
import { looksContentFiltered } from './filtered';
import { type AdapterOptions, prepareVideo, resultBaseName } from './prepare';

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

/** Runway: start a task, poll /v1/tasks/{id}, download the signed output URL (no key sent there). */
export function createRunwayProvider(config: RunwayConfig, options: AdapterOptions): VideoProvider {
  const http = new ProviderHttp('Runway', options, () =>
    config.apiSecret === null ? [] : [config.apiSecret],
  );

  async function generate(input: VideoRequest, ctx: JobContext): Promise<VideoResult> {
    if (config.apiSecret === null)
      throw http.fail('provider_rejected_input', 'not configured: set RUNWAYML_API_SECRET');
    const { spec, request, notes } = prepareVideo(http, RUNWAY_MODELS, input);
    const headers = {
      authorization: `Bearer ${config.apiSecret}`,
      'x-runway-version': RUNWAY_VERSION,
      'content-type': 'application/json',
    };
    const path = request.firstFrame !== null ? 'v1/image_to_video' : 'v1/text_to_video';
    const started = await http.json<RunwayTask>(
      'starting the generation',
      joinUrl(config.baseUrl, path),
      { method: 'POST', headers, body: JSON.stringify(await runwayBody(request, spec.capabilities.seed)) },
      ctx.signal,
    );
    const id = started.body.id;
    if (typeof id !== 'string') throw http.fail('provider_unavailable', 'the provider returned no task id');
    const taskUrl = joinUrl(config.baseUrl, `v1/tasks/${encodeURIComponent(id)}`);
    const task = await pollUntilDone(
      http,
      options.poll,
      ctx,
      async (signal) => {
        const { body } = await http.json<RunwayTask>('checking the generation', taskUrl, { headers }, signal);
        if (body.status === 'SUCCEEDED' || body.status === 'FAILED' || body.status === 'CANCELLED') {
          return { done: true, value: body };
        }
        return { done: false, progress: typeof body.progress === 'number' ? body.progress : null };
      },
      async (signal) => {
        await http.send('cancelling the task', taskUrl, { method: 'DELETE', headers }, signal);
      },
    );
    if (task.status === 'CANCELLED') throw http.fail('cancelled', 'the task was cancelled at Runway');
    if (task.status === 'FAILED') {
      throw http.fail(
        runwayFailureCode(task.failureCode, task.failure),
        `generation failed: ${task.failure ?? 'no reason given'}${task.failureCode === undefined ? '' : ` (${task.failureCode})`}`,
      );
    }
    const url = task.output?.[0];
    if (typeof url !== 'string')
      throw http.fail('provider_unavailable', 'the task succeeded without an output');
    const file = await downloadResult(
      http,
      url,
      {},
      {
        workDir: ctx.workDir,
        baseName: resultBaseName('runway', request),
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
    id: 'runway',
    label: 'Runway',
    configured: () => config.apiSecret !== null,
    models: () => capabilitiesOf(RUNWAY_MODELS),
    generate,
  };
}
