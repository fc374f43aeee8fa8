import type { FailureCode } from '@ministudio/domain';

export const MEDIA_ERROR_CODES = [
  'not_found',
  'empty_file',
  'not_media',
  'truncated',
  'no_video_stream',
  'no_audio_stream',
  'invalid_argument',
  'ffmpeg_failed',
  'cancelled',
] as const;
export type MediaErrorCode = (typeof MEDIA_ERROR_CODES)[number];

/** Every failure of this package; `code` is what callers branch on, the message is for people. */
export class MediaError extends Error {
  readonly code: MediaErrorCode;
  constructor(code: MediaErrorCode, message: string, options: { cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = 'MediaError';
    this.code = code;
  }
}

export function isMediaError(error: unknown): error is MediaError {
  return error instanceof MediaError;
}

/** The domain's failure code for a media failure: the editor shows advice per FailureCode. */
export function toFailureCode(error: unknown): FailureCode {
  if (error instanceof MediaError) return error.code === 'cancelled' ? 'cancelled' : 'media_invalid';
  return 'internal';
}

export function cancelledError(): MediaError {
  return new MediaError('cancelled', 'The media job was cancelled');
}
