/**
 * Seconds to wait from a Retry-After header: delta-seconds or an HTTP date (RFC 9110 §10.2.3).
 * Returns null when absent or unreadable; never negative.
 */
export function parseRetryAfter(value: string | null, nowMs: number): number | null {
  if (value === null) return null;
  const trimmed = value.trim();
  if (trimmed === '') return null;
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.max(0, Math.ceil(Number(trimmed)));
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return null;
  return Math.max(0, Math.ceil((at - nowMs) / 1000));
}

/** OpenAI-style `retry-after-ms` wins over Retry-After when present, as its SDK does. */
export function retryAfterFromHeaders(headers: Headers, nowMs: number): number | null {
  const ms = headers.get('retry-after-ms');
  if (ms !== null && /^\d+(\.\d+)?$/.test(ms.trim())) return Math.max(0, Math.ceil(Number(ms) / 1000));
  return parseRetryAfter(headers.get('retry-after'), nowMs);
}
