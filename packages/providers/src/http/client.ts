import { ProviderError } from '@ministudio/domain';
import { redactedCause, redactSecrets } from '../redact';
import { errorForResponse } from './errors';
import { retryAfterFromHeaders } from './retry-after';

export type LogFn = (line: string) => void;

export interface HttpDeps {
  fetch: typeof fetch;
  log: LogFn;
  /** Per-request limit, separate from the job's overall timeout. */
  requestTimeoutMs: number;
}

export interface JsonResponse<T> {
  status: number;
  headers: Headers;
  body: T;
}

/**
 * The one place adapters make HTTP requests (ComfyUI's progress WebSocket is the only other
 * connection): every failure becomes a ProviderError with a typed code, and every message and log
 * line is redacted against the adapter's secrets.
 */
export class ProviderHttp {
  constructor(
    readonly provider: string,
    private readonly deps: HttpDeps,
    readonly secrets: () => string[],
  ) {}

  log(line: string): void {
    this.deps.log(redactSecrets(`[${this.provider}] ${line}`, this.secrets()));
  }

  fail(code: ProviderError['code'], message: string, cause: unknown = undefined): ProviderError {
    return new ProviderError(code, redactSecrets(`${this.provider}: ${message}`, this.secrets()), {
      cause: redactedCause(cause, this.secrets()),
    });
  }

  /** Sends a request and returns the response when it is 2xx; throws a typed error otherwise. */
  async send(what: string, url: string, init: RequestInit, signal: AbortSignal): Promise<Response> {
    const method = init.method ?? 'GET';
    const started = Date.now();
    const timeout = AbortSignal.timeout(this.deps.requestTimeoutMs);
    let response: Response;
    try {
      response = await this.deps.fetch(url, { ...init, signal: AbortSignal.any([signal, timeout]) });
    } catch (error) {
      if (signal.aborted) throw this.fail('cancelled', `${what} cancelled`);
      if (timeout.aborted)
        throw this.fail('timeout', `${what} got no answer in ${this.deps.requestTimeoutMs} ms`);
      throw this.fail('provider_unavailable', `${what}: could not reach ${safeOrigin(url)}`, error);
    }
    this.log(`${method} ${safePath(url)} -> ${response.status} (${Date.now() - started} ms)`);
    if (response.ok) return response;
    const bodyText = await response.text().catch(() => '');
    throw errorForResponse(
      this.provider,
      what,
      response.status,
      bodyText,
      retryAfterFromHeaders(response.headers, Date.now()),
      this.secrets(),
    );
  }

  async json<T>(what: string, url: string, init: RequestInit, signal: AbortSignal): Promise<JsonResponse<T>> {
    const response = await this.send(what, url, init, signal);
    let text: string;
    try {
      text = await response.text();
    } catch (error) {
      if (signal.aborted) throw this.fail('cancelled', `${what} cancelled`);
      throw this.fail('provider_unavailable', `${what}: the response was cut short`, error);
    }
    try {
      return {
        status: response.status,
        headers: response.headers,
        body: (text === '' ? {} : JSON.parse(text)) as T,
      };
    } catch {
      // A garbled body is usually a proxy or a provider in trouble: worth another try.
      throw this.fail('provider_unavailable', `${what}: the provider answered with malformed JSON`);
    }
  }
}

export function safeOrigin(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return 'the provider';
  }
}

/** The path only (log lines add the method): query strings can carry signed tokens. */
export function safePath(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return '(unparseable url)';
  }
}

export function joinUrl(base: string, path: string): string {
  return `${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}
