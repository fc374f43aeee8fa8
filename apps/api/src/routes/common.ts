import { ErrorBody } from '@ministudio/domain';
import Type from 'typebox';
import { HttpError } from '../lib/http-error';

export const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });

/** The 4xx answers every write route can give, for the OpenAPI document. */
export const writeErrors = {
  400: ErrorBody,
  404: ErrorBody,
  409: ErrorBody,
  422: ErrorBody,
  428: ErrorBody,
};

export const IfMatchHeader = Type.Object({
  'if-match': Type.Optional(Type.String({ description: 'The project version this change is based on' })),
});

/** Reads the version a write was based on from `If-Match: 7` (quotes and W/ tolerated). */
export function parseIfMatch(header: string | string[] | undefined): number {
  const value = Array.isArray(header) ? header[0] : header;
  if (value === undefined || value.trim() === '') {
    throw new HttpError(
      'version_required',
      'Send the project version this change is based on in the If-Match header',
      { header: 'If-Match' },
    );
  }
  const match = /^\s*(?:W\/)?"?(\d{1,12})"?\s*$/.exec(value);
  if (!match) {
    throw new HttpError('validation_failed', 'If-Match must be a project version number', {
      issues: [{ path: 'headers/if-match', message: 'must be a version number' }],
    });
  }
  return Number(match[1]);
}
