import type { ImageInput, VideoRequest } from '@ministudio/domain';
import { imageBase64 } from '../files/image-data';
import { codeForGoogleRpc } from '../http/errors';
import type { TaskOutcome, TaskState } from './task-adapter';

export interface GoogleOperation {
  name?: string;
  done?: boolean;
  metadata?: { progressPercent?: unknown; progress?: unknown };
  error?: { code?: number; message?: string };
  response?: Record<string, unknown>;
}

async function inlineImage(image: ImageInput) {
  return { bytesBase64Encoded: await imageBase64(image), mimeType: image.mime };
}

/** The `instances[0]` object both Veo APIs share. */
export async function veoInstance(request: VideoRequest): Promise<Record<string, unknown>> {
  const instance: Record<string, unknown> = { prompt: request.prompt };
  if (request.firstFrame !== null) instance.image = await inlineImage(request.firstFrame);
  if (request.lastFrame !== null) instance.lastFrame = await inlineImage(request.lastFrame);
  if (request.references.length > 0) {
    instance.referenceImages = await Promise.all(
      request.references.map(async (r) => ({
        image: await inlineImage(r.image),
        // ASSET keeps a subject (character, product, place); STYLE is Veo 2 only.
        referenceType: r.kind === 'style' ? 'STYLE' : 'ASSET',
      })),
    );
  }
  return instance;
}

export function veoResolution(height: number, width: number): string {
  return Math.min(height, width) >= 1080 ? '1080p' : '720p';
}

/** Done, or running with the operation's own progress figure when it carries one. */
export function readOperation(op: GoogleOperation): TaskState {
  if (op.done === true) return { done: true };
  const p = op.metadata?.progressPercent ?? op.metadata?.progress;
  return { done: false, progress: typeof p === 'number' ? Math.min(1, Math.max(0, p / 100)) : null };
}

/** A finished operation's error as a failure, or null when it carries none. */
export function operationFailure(op: GoogleOperation): TaskOutcome | null {
  if (op.error === undefined) return null;
  const message = op.error.message ?? 'no message';
  const filtered = /safety|responsible ai|filtered|blocked/i.test(message);
  return {
    kind: 'failed',
    code: filtered ? 'content_filtered' : codeForGoogleRpc(op.error.code ?? 2),
    reason: message,
  };
}

/** RAI filtering can finish an operation "successfully" with no video and only reasons. */
export function withoutVideo(count: unknown, reasons: unknown): TaskOutcome {
  const list = Array.isArray(reasons) ? reasons.filter((r): r is string => typeof r === 'string') : [];
  if (list.length > 0 || (typeof count === 'number' && count > 0)) {
    return {
      kind: 'failed',
      code: 'content_filtered',
      reason: `the safety filter removed the result${list.length > 0 ? `: ${list.join('; ')}` : ''}`,
    };
  }
  return { kind: 'empty' };
}
