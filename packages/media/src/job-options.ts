/** What every long-running function of this package accepts. */
export interface JobOptions {
  signal: AbortSignal | null;
  onProgress: ((fraction: number) => void) | null;
}

export const NO_JOB_OPTIONS: JobOptions = { signal: null, onProgress: null };
