import type { Scenario } from './harness';

export interface FakeOptions {
  key: string;
  scenario: Scenario;
  /** Never finishes: for cancel and timeout tests. */
  hang: boolean;
}

/** A provider-side job: running for a few polls ("slow"), then finished. */
export class FakeJob {
  polls = 0;
  cancelled = false;
  constructor(private readonly options: FakeOptions) {}

  /** Progress in [0, 1) while running; null once done. */
  poll(): number | null {
    this.polls++;
    const needed = this.options.scenario === 'slow' ? 4 : 1;
    if (this.options.hang || this.cancelled || this.polls <= needed)
      return Math.min(0.99, this.polls / (needed + 1));
    return null;
  }
}

export function bearerOk(header: string | undefined, key: string): boolean {
  return header === `Bearer ${key}`;
}
