import { RenderRefused } from '@ministudio/pipeline';
import { HttpError } from '../lib/http-error';

/**
 * What the pipeline refuses (unsupported_by_provider and provider_not_configured: 422, not_ready: 409,
 * not_found: 404) becomes the client's answer with the same code and details; anything else is ours.
 */
export function refusal(error: unknown): never {
  if (error instanceof RenderRefused) throw new HttpError(error.code, error.message, error.details);
  throw error;
}
