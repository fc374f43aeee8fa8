// Sign-in throttling, per account and per address: after `maxFailures` failed attempts within `windowMs`
// a key is refused until the oldest of them leaves the window. Per account stops guessing one person's
// password from many addresses; per address stops one machine trying many accounts. In memory: only the
// studio process answers sign-ins, and a restart forgetting the count costs an attacker a restart.

export interface ThrottleOptions {
  maxFailures: number;
  windowMs: number;
  now?: () => number;
}

export class SignInThrottle {
  private readonly failures = new Map<string, number[]>();
  private readonly now: () => number;

  constructor(private readonly options: ThrottleOptions) {
    this.now = options.now ?? Date.now;
  }

  /** Seconds to wait before any of these keys may try again; 0 when all may. */
  retryAfterSeconds(keys: readonly string[]): number {
    const now = this.now();
    let waitMs = 0;
    for (const key of keys) {
      const recent = this.recent(key, now);
      if (recent.length >= this.options.maxFailures) {
        waitMs = Math.max(
          waitMs,
          recent[recent.length - this.options.maxFailures]! + this.options.windowMs - now,
        );
      }
    }
    return Math.ceil(waitMs / 1000);
  }

  fail(keys: readonly string[]): void {
    const now = this.now();
    for (const key of keys) this.failures.set(key, [...this.recent(key, now), now]);
  }

  succeed(keys: readonly string[]): void {
    for (const key of keys) this.failures.delete(key);
  }

  private recent(key: string, now: number): number[] {
    const list = (this.failures.get(key) ?? []).filter((t) => now - t < this.options.windowMs);
    if (list.length) this.failures.set(key, list);
    else this.failures.delete(key);
    return list;
  }
}
