import type { Readable, Writable } from 'node:stream';

// A whole ffmpeg invocation as data: builders return these, the runner executes them, tests compare them.

export interface FfmpegInput {
  source: string | Readable;
  options: readonly string[];
}

export interface FfmpegOutput {
  target: string | Writable;
  options: readonly string[];
}

export interface FfmpegJob {
  inputs: readonly FfmpegInput[];
  filterComplex: string | null;
  outputs: readonly FfmpegOutput[];
}

/** The argument list the runner hands to ffmpeg for `job` (fluent-ffmpeg's order: inputs, -y, graph, outputs). */
export function jobToArgs(job: FfmpegJob): string[] {
  const args: string[] = [];
  for (const input of job.inputs) {
    args.push(...input.options, '-i', typeof input.source === 'string' ? input.source : 'pipe:0');
  }
  if (job.outputs.some((output) => typeof output.target === 'string')) args.push('-y');
  if (job.filterComplex !== null) args.push('-filter_complex', job.filterComplex);
  for (const output of job.outputs) {
    args.push(...output.options, typeof output.target === 'string' ? output.target : 'pipe:1');
  }
  return args;
}

/** Seconds as ffmpeg reads them, without float noise such as 1.2000000000000002. */
export function sec(seconds: number): string {
  return String(Math.round(seconds * 1e6) / 1e6);
}

/** Escapes a value for use inside a filter-graph option (`:` `\` `'` `,` `[` `]` `;` are special there). */
export function escapeFilterValue(value: string): string {
  return value.replace(/[\\:'[\],;]/g, (char) => `\\${char}`);
}
