import { ERROR_CODES, type ErrorCode } from '@ministudio/domain';

/** An error meant for the client: its code, message and details are sent as they are. */
export class HttpError extends Error {
  readonly statusCode: number;
  readonly code: ErrorCode;
  readonly details: unknown;
  constructor(code: ErrorCode, message: string, details: unknown = null) {
    super(message);
    this.code = code;
    this.statusCode = ERROR_CODES[code];
    this.details = details;
  }
}

export const notFound = (what: string, id: string) =>
  new HttpError('not_found', `${what} ${id} does not exist`, { id });

export const invalid = (message: string, issues: { path: string; message: string }[]) =>
  new HttpError('validation_failed', message, { issues });
