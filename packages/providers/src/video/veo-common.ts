import type { ImageInput, VideoRequest } from '@ministudio/domain';
import { imageBase64 } from '../files/image-data';
import type { ProviderHttp } from '../http/client';
import { codeForGoogleRpc } from '../http/errors';

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

export function operationProgress(op: GoogleOperation): number | null {
  const p = op.metadata?.progressPercent ?? op.metadata?.progress;
  return typeof p === 'number' ? Math.min(1, Math.max(0, p / 100)) : null;
}

export function throwOperationError(http: ProviderHttp, op: GoogleOperation): void {
  if (op.error === undefined) return;
  const code = codeForGoogleRpc(op.error.code ?? 2);
  const message = op.error.message ?? 'no message';
  const filtered = /safety|responsible ai|filtered|blocked/i.test(message);
  throw http.fail(filtered ? 'content_filtered' : code, `generation failed: ${message}`);
}

/** RAI filtering can finish an operation "successfully" with no video and only reasons. */
export function throwIfFiltered(
  http: ProviderHttp,
  count: unknown,
  reasons: unknown,
  hasVideo: boolean,
): void {
  if (hasVideo) return;
  const list = Array.isArray(reasons) ? reasons.filter((r): r is string => typeof r === 'string') : [];
  if (list.length > 0 || (typeof count === 'number' && count > 0)) {
    throw http.fail(
      'content_filtered',
      `the safety filter removed the result${list.length > 0 ? `: ${list.join('; ')}` : ''}`,
    );
  }
  throw http.fail('provider_unavailable', 'the operation finished without a video');
}
