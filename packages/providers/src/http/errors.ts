import { type FailureCode, ProviderError } from '@ministudio/domain';
import { redactSecrets } from '../redact';

const MAX_DETAIL = 300;

/** The human-readable part of a provider's JSON error body, whatever its dialect. */
export function providerMessage(bodyText: string): string | null {
  let body: unknown;
  try {
    body = JSON.parse(bodyText);
  } catch {
    const text = bodyText.trim();
    return text === '' || text.startsWith('<') ? null : text.slice(0, MAX_DETAIL);
  }
  const pick = (value: unknown): string | null => {
    if (typeof value === 'string') return value;
    if (Array.isArray(value)) {
      const msgs = value.map((v) => pick(v)).filter((v): v is string => v !== null);
      return msgs.length > 0 ? msgs.join('; ') : null;
    }
    if (value !== null && typeof value === 'object') {
      const o = value as Record<string, unknown>;
      for (const key of ['message', 'msg', 'detail', 'error', 'failure', 'status']) {
        const found = pick(o[key]);
        if (found !== null) return found;
      }
    }
    return null;
  };
  const found = pick(body);
  return found === null ? null : found.slice(0, MAX_DETAIL);
}

/** Google's error model names quota exhaustion in `error.status` even when the HTTP code is generic. */
function googleStatus(bodyText: string): string | null {
  try {
    const body = JSON.parse(bodyText) as { error?: { status?: unknown } };
    return typeof body.error?.status === 'string' ? body.error.status : null;
  } catch {
    return null;
  }
}

export function codeForStatus(status: number, bodyText: string): FailureCode {
  const gStatus = googleStatus(bodyText);
  if (status === 429 || gStatus === 'RESOURCE_EXHAUSTED') return 'provider_rate_limited';
  if (status === 408 || status === 504 || gStatus === 'DEADLINE_EXCEEDED') return 'provider_unavailable';
  if (status >= 500) return 'provider_unavailable';
  return 'provider_rejected_input';
}

/** Turns a non-2xx response into a typed error whose message names the provider, never a key. */
export function errorForResponse(
  provider: string,
  what: string,
  status: number,
  bodyText: string,
  retryAfterSeconds: number | null,
  secrets: string[],
): ProviderError {
  const code = codeForStatus(status, bodyText);
  const detail = providerMessage(bodyText);
  const hint =
    status === 401 || status === 403
      ? ' (the key or token was refused: check it in the provider settings)'
      : code === 'provider_rate_limited'
        ? retryAfterSeconds === null
          ? ''
          : ` (retry after ${retryAfterSeconds} s)`
        : '';
  const message = `${provider}: ${what} failed with HTTP ${status}${detail === null ? '' : `: ${detail}`}${hint}`;
  return new ProviderError(code, redactSecrets(message, secrets), { retryAfterSeconds });
}

/** google.rpc.Code numbers (google/rpc/code.proto) for errors carried inside a finished operation. */
export function codeForGoogleRpc(code: number): FailureCode {
  switch (code) {
    case 1:
      return 'cancelled';
    case 4:
      return 'timeout';
    case 8:
      return 'provider_rate_limited';
    case 2:
    case 10:
    case 13:
    case 14:
      return 'provider_unavailable';
    default:
      return 'provider_rejected_input';
  }
}
