import { newCommand } from './binaries';
import { cancelledError, MediaError } from './errors';
import type { FfmpegJob } from './ffmpeg-job';
import { createProgressTracker } from './progress';

export interface RunOptions {
  signal: AbortSignal | null;
  /** Length of the output in seconds, for progress; null when unknown (then only 0 and 1 are reported). */
  durationSeconds: number | null;
  onProgress: ((fraction: number) => void) | null;
}

export interface RunningFfmpeg {
  /** Settles when the process has exited; rejects with MediaError 'cancelled' or 'ffmpeg_failed'. */
  done: Promise<void>;
  kill(): void;
}

export const NO_RUN_OPTIONS: RunOptions = { signal: null, durationSeconds: null, onProgress: null };

/** Starts ffmpeg for `job` through fluent-ffmpeg. The caller owns output files and their cleanup. */
export function startFfmpeg(job: FfmpegJob, options: RunOptions): RunningFfmpeg {
  const command = newCommand();
  for (const input of job.inputs) {
    // fluent-ffmpeg's typings take a string but it accepts a Readable and pipes it to stdin.
    command.input(input.source as string);
    // Spread so fluent-ffmpeg does not split values containing a space.
    if (input.options.length > 0) command.inputOptions(...(input.options as string[]));
  }
  if (job.filterComplex !== null) command.complexFilter(job.filterComplex);
  for (const output of job.outputs) {
    command.output(output.target as string);
    if (output.options.length > 0) command.outputOptions(...(output.options as string[]));
  }

  const progress = createProgressTracker(options.durationSeconds, options.onProgress);
  let cancelled = false;
  const kill = () => {
    cancelled = true;
    command.kill('SIGKILL');
  };
  const signal = options.signal;
  const done = new Promise<void>((resolve, reject) => {
    if (signal?.aborted) {
      reject(cancelledError());
      return;
    }
    const onAbort = () => kill();
    signal?.addEventListener('abort', onAbort, { once: true });
    const stderrTail: string[] = [];
    command.on('start', () => {
      // An abort that arrived while fluent-ffmpeg was still preparing found no process to kill.
      if (cancelled) command.kill('SIGKILL');
      progress.start();
    });
    command.on('stderr', (line: string) => {
      stderrTail.push(line);
      if (stderrTail.length > 12) stderrTail.shift();
      progress.line(line);
    });
    command.on('error', (error: Error) => {
      signal?.removeEventListener('abort', onAbort);
      if (cancelled) {
        reject(cancelledError());
        return;
      }
      const detail = stderrTail
        .filter((line) => !line.startsWith('frame=') && !line.startsWith('size='))
        .join('\n');
      reject(
        new MediaError('ffmpeg_failed', `ffmpeg failed: ${error.message.split('\n')[0]}\n${detail}`, {
          cause: error,
        }),
      );
    });
    command.on('end', () => {
      signal?.removeEventListener('abort', onAbort);
      progress.done();
      resolve();
    });
    command.run();
  });
  return { done, kill };
}

export function runFfmpeg(job: FfmpegJob, options: RunOptions): Promise<void> {
  return startFfmpeg(job, options).done;
}
