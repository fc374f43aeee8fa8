import type { FailureCode, JobContext, VideoRequest, VideoResult } from '@ministudio/domain';
import type { ProviderHttp } from '../http/client';
import { downloadResult, saveInlineResult } from '../http/download';
import { pollUntilDone, SUBMITTED_PROGRESS } from '../http/poll';
import type { ModelSpec } from '../model-spec';
import { type AdapterOptions, prepareVideo, resultBaseName } from './prepare';

/** One request an adapter describes in its provider's terms; the shared loop sends it. */
export interface TaskCall {
  /** What the request does, for log lines and error messages ("checking the generation"). */
  what: string;
  url: string;
  init: RequestInit;
}

/** What a poll answer says: finished (however it ended), or still running. */
export type TaskState =
  | { done: true }
  /** `progress`: the provider's own figure in [0, 1]; null when it reports none (the loop estimates). */
  | { done: false; progress: number | null };

/** How a finished task ended. */
export type TaskOutcome =
  /** The result is at a URL; `headers` are sent only there (a signed URL needs none). */
  | { kind: 'download'; url: string; headers?: Record<string, string> }
  /** The result came inside the answer, as base64. */
  | { kind: 'inline'; base64: string }
  | { kind: 'failed'; code: FailureCode; reason: string }
  | { kind: 'cancelled' }
  /** Finished "successfully" with nothing to fetch. */
  | { kind: 'empty' };

/**
 * A provider whose API is submit → poll a task → fetch the result: the adapter says how to speak its
 * protocol; generateByTask does the rest. `Status` is the shape of the submission's and polls' answers.
 */
export interface TaskProtocol<Handle, Status> {
  /** The provider's id, for result file names. */
  id: string;
  models: ModelSpec[];
  /** The request that starts the generation; `request` is checked and adjusted to `spec` already. */
  submit(request: VideoRequest, spec: ModelSpec, signal: AbortSignal): Promise<TaskCall>;
  /**
   * The task's handle (its id, or the URLs the provider gave for it); null when the answer has none. It
   * may throw a more precise error itself (fal refuses URLs off its queue host).
   */
  handle(submitted: Status, request: VideoRequest): Handle | null;
  poll(handle: Handle, signal: AbortSignal): TaskCall | Promise<TaskCall>;
  read(status: Status): TaskState;
  /** Maps a finished task to its outcome; may make a request of its own (and throw its ProviderError). */
  outcome(status: Status, handle: Handle, signal: AbortSignal): TaskOutcome | Promise<TaskOutcome>;
  /** The provider's request that stops the paid work, or null where its API has none. */
  cancel: ((handle: Handle, signal: AbortSignal) => TaskCall | Promise<TaskCall>) | null;
}

/**
 * Checks and adjusts the request against the model table, submits it, polls (with cancellation, the
 * timeout and progress), fetches the result into the work folder, and returns it with the take's notes.
 */
export async function generateByTask<Handle, Status>(
  http: ProviderHttp,
  options: AdapterOptions,
  protocol: TaskProtocol<Handle, Status>,
  input: VideoRequest,
  ctx: JobContext,
): Promise<VideoResult> {
  const { spec, request, notes } = prepareVideo(http, protocol.models, input);
  const submit = await protocol.submit(request, spec, ctx.signal);
  const submitted = await http.json<Status>(submit.what, submit.url, submit.init, ctx.signal);
  const handle = protocol.handle(submitted.body, request);
  if (handle === null) throw http.fail('provider_unavailable', 'the provider returned no task id');
  ctx.onProgress(SUBMITTED_PROGRESS);
  const { cancel } = protocol;
  const finished = await pollUntilDone(
    http,
    options.poll,
    ctx,
    async (signal) => {
      const call = await protocol.poll(handle, signal);
      const { body } = await http.json<Status>(call.what, call.url, call.init, signal);
      const state = protocol.read(body);
      return state.done ? { done: true, value: body } : state;
    },
    cancel === null
      ? null
      : async (signal) => {
          const call = await cancel(handle, signal);
          await http.send(call.what, call.url, call.init, signal);
        },
  );
  const outcome = await protocol.outcome(finished, handle, ctx.signal);
  const target = {
    workDir: ctx.workDir,
    baseName: resultBaseName(protocol.id, request),
    kind: 'video' as const,
    signal: ctx.signal,
  };
  let file: { path: string; mime: string };
  switch (outcome.kind) {
    case 'cancelled':
      throw http.fail('cancelled', `the generation was cancelled at ${http.provider}`);
    case 'failed':
      throw http.fail(outcome.code, `generation failed: ${outcome.reason}`);
    case 'empty':
      throw http.fail('provider_unavailable', 'the generation finished without a result');
    case 'inline':
      file = await saveInlineResult(http, outcome.base64, target);
      break;
    case 'download':
      file = await downloadResult(http, outcome.url, outcome.headers ?? {}, target);
      break;
  }
  ctx.onProgress(1);
  return {
    path: file.path,
    mime: file.mime,
    model: request.model,
    seedApplied: spec.capabilities.seed && request.seed !== null,
    notes,
  };
}
