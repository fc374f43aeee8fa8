/**
 * When to try a failed job again: exponential backoff with equal jitter, never sooner than the
 * provider's Retry-After, capped. Pure: the caller passes the random source.
 */
export interface RetryPolicy {
  baseSeconds: number;
  maxSeconds: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { baseSeconds: 2, maxSeconds: 300 };

export function retryDelaySeconds(
  attempt: number,
  retryAfterSeconds: number | null,
  policy: RetryPolicy,
  random: () => number,
): number {
  const ceiling = Math.min(policy.maxSeconds, policy.baseSeconds * 2 ** Math.max(0, attempt - 1));
  // Equal jitter: half the backoff is fixed, so a retry never comes back almost at once; the random
  // other half spreads retries of many shots so they do not hit a rate-limited provider together.
  const backoff = ceiling / 2 + random() * (ceiling / 2);
  const floor = retryAfterSeconds !== null && retryAfterSeconds > 0 ? Math.min(retryAfterSeconds, 3600) : 0;
  return Math.max(backoff, floor);
}
