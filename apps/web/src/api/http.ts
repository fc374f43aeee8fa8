// The one place that talks HTTP: JSON in and out, errors turned into ApiError with the server's code.

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  get isVersionConflict(): boolean {
    return this.status === 409 && this.code === 'version_conflict';
  }
}

/**
 * Asked when the studio answers 401 sign_in_required: resolves once the person has signed in again, and
 * the request is then sent once more, so a change made while the session ran out is not lost. Set by
 * the account feature (account/sign-in-gate.ts); without it the 401 is an ordinary error.
 */
let signInNeeded: (() => Promise<void>) | null = null;
export function onSignInRequired(handler: (() => Promise<void>) | null): void {
  signInNeeded = handler;
}

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface RequestOptions {
  method: HttpMethod;
  path: string;
  /** JSON-serialisable body, a FormData for uploads, or null. */
  body: unknown;
  /** The project version the write is based on; null for reads, creation and import. */
  ifMatch: number | null;
}

export async function apiRequest<T>(options: RequestOptions): Promise<T> {
  for (;;) {
    try {
      return await sendOnce<T>(options);
    } catch (error) {
      if (!(error instanceof ApiError && error.code === 'sign_in_required' && signInNeeded)) throw error;
      await signInNeeded();
    }
  }
}

async function sendOnce<T>({ method, path, body, ifMatch }: RequestOptions): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  let payload: BodyInit | undefined;
  if (body instanceof FormData) payload = body;
  else if (body !== null && body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  if (ifMatch !== null) headers['if-match'] = String(ifMatch);
  let response: Response;
  try {
    response = await fetch(path, { method, headers, body: payload });
  } catch {
    throw new ApiError(
      0,
      'network',
      'The server could not be reached. Check that MiniStudio is running.',
      null,
    );
  }
  const text = await response.text();
  const data: unknown = text ? safeJson(text) : null;
  if (!response.ok) throw toApiError(response.status, data);
  return data as T;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

export function toApiError(status: number, data: unknown): ApiError {
  const error = (data as { error?: { code?: unknown; message?: unknown; details?: unknown } } | null)?.error;
  const code = typeof error?.code === 'string' ? error.code : `http_${status}`;
  const message = typeof error?.message === 'string' ? error.message : `The server answered ${status}.`;
  return new ApiError(status, code, message, error?.details ?? null);
}
