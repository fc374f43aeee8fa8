import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import {
  type ImageInput,
  type JobContext,
  SELF_HOSTED_PRICE,
  type VideoProvider,
  type VideoRequest,
  type VideoResult,
} from '@ministudio/domain';
import WebSocket from 'ws';
import { capabilitiesOf } from '../capability-tables';
import { joinUrl, ProviderHttp } from '../http/client';
import { downloadResult } from '../http/download';
import { pollUntilDone, SUBMITTED_PROGRESS, workProgress } from '../http/poll';
import { defineModel, type ModelSpec } from '../model-spec';
import {
  fillWorkflow,
  findVideoOutput,
  framesFor,
  type PlaceholderValues,
  parseWorkflow,
  placeholdersOf,
  type Workflow,
} from './comfyui-workflow';
import { looksContentFiltered } from './filtered';
import { type AdapterOptions, prepareVideo, resultBaseName } from './prepare';

export const DEFAULT_WORKFLOW_URL = new URL('../workflows/wan22-ti2v-5b.json', import.meta.url);

export interface ComfyConfig {
  /** COMFYUI_URL, e.g. http://127.0.0.1:8188; null = not configured. */
  url: string | null;
  workflow: Workflow;
  /** Shown to the user: the template's file name. */
  workflowName: string;
}

/** The table entry a template implies: whatever placeholders it has, it can take. */
export function comfyModelSpec(workflow: Workflow, workflowName: string): ModelSpec {
  const names = placeholdersOf(workflow);
  const references = [...names].filter((n) => /^reference_\d+$/.test(n)).length;
  return defineModel(
    {
      provider: 'comfyui',
      model: 'workflow',
      label: `ComfyUI (${workflowName})`,
      // Frames are ours to choose; ten seconds is where local video models stop holding together.
      durations: { kind: 'range', min: 1, max: 10 },
      sizes: null,
      aspectRatios: ['16:9', '9:16', '1:1'],
      seed: names.has('seed'),
      firstFrame: names.has('first_frame'),
      lastFrame: names.has('last_frame'),
      referenceImages: {
        max: references,
        kinds: references > 0 ? ['character', 'environment', 'style'] : [],
      },
      nativeAudio: false,
      maxPromptLength: 10_000,
      price: SELF_HOSTED_PRICE,
    },
    [],
    null,
  );
}

interface HistoryEntry {
  outputs?: Record<string, Record<string, unknown>>;
  status?: { status_str?: string; completed?: boolean; messages?: [string, Record<string, unknown>][] };
}

type WsOutcome = { kind: 'done' } | { kind: 'error'; message: string } | { kind: 'interrupted' };

/**
 * Self-hosted ComfyUI: upload images, queue the filled workflow with our client id, follow progress
 * on the WebSocket, fall back to polling /history when the socket is missing, fetch with /view.
 */
export function createComfyProvider(config: ComfyConfig, options: AdapterOptions): VideoProvider {
  const http = new ProviderHttp('ComfyUI', options, () => []);
  const spec = comfyModelSpec(config.workflow, config.workflowName);

  async function upload(base: string, image: ImageInput, signal: AbortSignal): Promise<string> {
    const form = new FormData();
    const data = await readFile(image.path);
    form.append(
      'image',
      new Blob([data], { type: image.mime }),
      `ministudio-${image.sha256.slice(0, 16)}-${basename(image.path)}`,
    );
    form.append('type', 'input');
    form.append('overwrite', 'true');
    const { body } = await http.json<{ name?: string; subfolder?: string }>(
      'uploading an image',
      joinUrl(base, 'upload/image'),
      { method: 'POST', body: form },
      signal,
    );
    if (typeof body.name !== 'string')
      throw http.fail('provider_unavailable', 'the upload returned no file name');
    return body.subfolder ? `${body.subfolder}/${body.name}` : body.name;
  }

  async function generate(input: VideoRequest, ctx: JobContext): Promise<VideoResult> {
    const base = config.url;
    if (base === null) throw http.fail('provider_rejected_input', 'not configured: set COMFYUI_URL');
    const { request, notes } = prepareVideo(http, [spec], input);
    const { frames, frames4k1 } = framesFor(request.durationSeconds, request.fps);
    const values: PlaceholderValues = {
      prompt: request.prompt,
      negative_prompt: request.negativePrompt,
      seed: request.seed ?? Math.floor(Math.random() * 2 ** 32),
      frames,
      frames_4k1: frames4k1,
      fps: request.fps,
      width: request.width,
      height: request.height,
      first_frame: request.firstFrame === null ? null : await upload(base, request.firstFrame, ctx.signal),
      last_frame: request.lastFrame === null ? null : await upload(base, request.lastFrame, ctx.signal),
    };
    for (let i = 0; i < spec.capabilities.referenceImages.max; i++) {
      const ref = request.references[i];
      values[`reference_${i + 1}`] = ref === undefined ? null : await upload(base, ref.image, ctx.signal);
    }
    let workflow: Workflow;
    try {
      workflow = fillWorkflow(config.workflow, values);
    } catch (error) {
      throw http.fail(
        'provider_rejected_input',
        `the workflow template is unusable: ${(error as Error).message}`,
      );
    }

    const clientId = randomUUID();
    const socket = await openSocket(base, clientId);
    const finished = new AbortController();
    try {
      const queued = await http.json<{ prompt_id?: string; node_errors?: unknown }>(
        'queueing the workflow',
        joinUrl(base, 'prompt'),
        {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ prompt: workflow, client_id: clientId }),
        },
        ctx.signal,
      );
      const promptId = queued.body.prompt_id;
      if (typeof promptId !== 'string')
        throw http.fail('provider_unavailable', 'ComfyUI returned no prompt id');
      ctx.onProgress(SUBMITTED_PROGRESS);
      const fromSocket =
        socket === null ? null : followSocket(socket, promptId, ctx.onProgress, finished.signal);
      const historyUrl = joinUrl(base, `history/${encodeURIComponent(promptId)}`);
      const fetchHistory = async (signal: AbortSignal): Promise<HistoryEntry | null> => {
        const { body } = await http.json<Record<string, HistoryEntry>>(
          'reading the history',
          historyUrl,
          {},
          signal,
        );
        return body[promptId] ?? null;
      };
      const cancel = async (signal: AbortSignal) => {
        await http.send(
          'interrupting',
          joinUrl(base, 'interrupt'),
          jsonPost({ prompt_id: promptId }),
          signal,
        );
        await http.send(
          'removing from the queue',
          joinUrl(base, 'queue'),
          jsonPost({ delete: [promptId] }),
          signal,
        );
      };
      // The socket is the fast path; polling history keeps going underneath in case it drops. History
      // carries no progress: without a socket the poll loop's estimate is all there is; with one, the
      // socket's measured steps are shown rather than mixed with estimates.
      const polled = pollUntilDone(
        http,
        options.poll,
        {
          signal: AbortSignal.any([ctx.signal, finished.signal]),
          onProgress: socket === null ? ctx.onProgress : () => {},
        },
        async (signal) => {
          const entry = await fetchHistory(signal);
          return entry === null ? { done: false, progress: null } : { done: true, value: entry };
        },
        null,
      ).then((entry): HistoryEntry | WsOutcome => entry);
      let outcome: HistoryEntry | WsOutcome;
      try {
        outcome = await (fromSocket === null ? polled : Promise.race([polled, fromSocket]));
      } catch (error) {
        if (ctx.signal.aborted) {
          await cancel(AbortSignal.timeout(5000)).catch(() => http.log('interrupt failed'));
        }
        throw error;
      } finally {
        finished.abort();
        polled.catch(() => {});
      }
      if ('kind' in outcome) {
        if (outcome.kind === 'interrupted')
          throw http.fail('cancelled', 'the workflow was interrupted on the ComfyUI server');
        if (outcome.kind === 'error') {
          throw http.fail(
            looksContentFiltered(outcome.message) ? 'content_filtered' : 'provider_rejected_input',
            `the workflow failed: ${outcome.message}`,
          );
        }
        // Outputs live in history; it is written just before the socket says done.
        outcome = (await fetchHistory(ctx.signal)) ?? {};
      }
      const entry = outcome;
      if (entry.status?.status_str === 'error') {
        const err = entry.status.messages?.find(([event]) => event === 'execution_error')?.[1];
        const message = typeof err?.exception_message === 'string' ? err.exception_message : 'a node failed';
        throw http.fail(
          looksContentFiltered(message) ? 'content_filtered' : 'provider_rejected_input',
          `the workflow failed: ${message}`,
        );
      }
      const file = findVideoOutput(entry.outputs ?? {});
      if (file === null)
        throw http.fail('provider_rejected_input', 'the workflow saved no video (does it end in SaveVideo?)');
      const query = new URLSearchParams({
        filename: file.filename,
        subfolder: file.subfolder,
        type: file.type,
      });
      const saved = await downloadResult(
        http,
        `${joinUrl(base, 'view')}?${query}`,
        {},
        {
          workDir: ctx.workDir,
          baseName: resultBaseName('comfyui', request),
          kind: 'video',
          signal: ctx.signal,
        },
      );
      ctx.onProgress(1);
      return {
        path: saved.path,
        mime: saved.mime,
        model: request.model,
        seedApplied: spec.capabilities.seed,
        notes,
      };
    } finally {
      finished.abort();
      socket?.terminate();
    }
  }

  /** No Origin header: ComfyUI refuses loopback requests whose Origin and Host differ. */
  function openSocket(base: string, clientId: string): Promise<WebSocket | null> {
    const url = new URL(joinUrl(base, `ws?clientId=${clientId}`));
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    return new Promise((resolve) => {
      const socket = new WebSocket(url);
      const timer = setTimeout(() => {
        socket.terminate();
        resolve(null);
      }, options.requestTimeoutMs);
      socket.once('open', () => {
        clearTimeout(timer);
        resolve(socket);
      });
      socket.once('error', () => {
        clearTimeout(timer);
        http.log('WebSocket unavailable; polling history instead');
        resolve(null);
      });
    });
  }

  return {
    id: 'comfyui',
    label: 'ComfyUI (self-hosted)',
    configured: () => config.url !== null,
    models: () => capabilitiesOf([spec]),
    generate,
    testConnection: async (signal) => {
      if (config.url === null) throw http.fail('provider_not_configured', 'not configured: set COMFYUI_URL');
      const { body } = await http.json<ComfySystemStats>(
        'reading the server',
        joinUrl(config.url, 'system_stats'),
        {},
        signal,
      );
      return `Connected to ${describeComfy(body)}.`;
    },
  };
}

/** ComfyUI's GET /system_stats, as far as a connection test reads it (never argv: it may hold secrets). */
interface ComfySystemStats {
  system?: { comfyui_version?: string };
  devices?: { name?: string; type?: string; vram_total?: number; vram_free?: number }[];
}

const GB = 1024 ** 3;

/** "ComfyUI 0.3.40 on cuda:0 NVIDIA GeForce RTX 4090 (18.2 of 24.0 GB video memory free)". */
export function describeComfy(stats: ComfySystemStats): string {
  const version = stats.system?.comfyui_version ? ` ${stats.system.comfyui_version}` : '';
  const device = stats.devices?.[0];
  if (!device?.name) return `ComfyUI${version}`;
  const name = device.name.replace(/ : .*$/, '');
  const memory =
    typeof device.vram_total === 'number' && typeof device.vram_free === 'number' && device.vram_total > 0
      ? ` (${(device.vram_free / GB).toFixed(1)} of ${(device.vram_total / GB).toFixed(1)} GB video memory free)`
      : '';
  return `ComfyUI${version} on ${name}${memory}`;
}

function jsonPost(body: unknown): RequestInit {
  return { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
}

/** Resolves on this prompt's end; never rejects, so a dropped socket leaves polling in charge. */
function followSocket(
  socket: WebSocket,
  promptId: string,
  onProgress: (fraction: number) => void,
  stop: AbortSignal,
): Promise<WsOutcome> {
  return new Promise((resolve) => {
    let reported = SUBMITTED_PROGRESS;
    stop.addEventListener('abort', () => socket.removeAllListeners('message'), { once: true });
    socket.on('message', (data, isBinary) => {
      if (isBinary) return; // preview images
      let msg: { type?: string; data?: Record<string, unknown> };
      try {
        msg = JSON.parse(data.toString()) as typeof msg;
      } catch {
        return;
      }
      const d = msg.data ?? {};
      if (d.prompt_id !== promptId) return;
      if (msg.type === 'progress' && typeof d.value === 'number' && typeof d.max === 'number' && d.max > 0) {
        const fraction = workProgress(d.value / d.max);
        if (fraction > reported) {
          reported = fraction;
          onProgress(fraction);
        }
      } else if (msg.type === 'executing' && d.node === null) {
        resolve({ kind: 'done' });
      } else if (msg.type === 'execution_error') {
        resolve({
          kind: 'error',
          message: typeof d.exception_message === 'string' ? d.exception_message : 'a node failed',
        });
      } else if (msg.type === 'execution_interrupted') {
        resolve({ kind: 'interrupted' });
      }
    });
  });
}

/** Reads a template (COMFYUI_WORKFLOW) or the one shipped with the package; sync, for registry creation. */
export function loadWorkflowTemplate(path: string | null): { workflow: Workflow; name: string } {
  const url = path ?? DEFAULT_WORKFLOW_URL;
  return {
    workflow: parseWorkflow(readFileSync(url, 'utf8')),
    name: path === null ? 'wan22-ti2v-5b.json' : basename(path),
  };
}
