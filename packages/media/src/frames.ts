import { PassThrough } from 'node:stream';
import { MediaError } from './errors';
import type { FfmpegJob } from './ffmpeg-job';
import { probeVideo } from './probe';
import { startFfmpeg } from './runner';

export interface FrameStreamOptions {
  width: number;
  height: number;
  fps: number;
  signal: AbortSignal | null;
}

export function buildFramesJob(input: string, options: FrameStreamOptions, target: PassThrough): FfmpegJob {
  return {
    inputs: [{ source: input, options: [] }],
    filterComplex: null,
    outputs: [
      {
        target,
        options: [
          '-map',
          '0:v:0',
          '-vf',
          `fps=${options.fps},scale=${options.width}:${options.height}:flags=bilinear,setsar=1`,
          '-pix_fmt',
          'rgb24',
          '-f',
          'rawvideo',
        ],
      },
    ],
  };
}

/**
 * Decodes a clip to packed RGB frames (width*height*3 bytes each) at the given size and rate, as they come:
 * no image files. Breaking out of the loop stops ffmpeg.
 */
export async function* decodeFrames(input: string, options: FrameStreamOptions): AsyncGenerator<Buffer> {
  if (options.width < 1 || options.height < 1 || !(options.fps > 0)) {
    throw new MediaError('invalid_argument', 'Frames need a positive size and rate');
  }
  await probeVideo(input);
  const frameBytes = options.width * options.height * 3;
  // No 'close' event: fluent-ffmpeg kills ffmpeg and fails the run 20 ms after its output stream closes, which on
  // a loaded machine comes before the exit event of a decode that completed.
  const sink = new PassThrough({ highWaterMark: frameBytes * 2, emitClose: false });
  const running = startFfmpeg(buildFramesJob(input, options, sink), {
    signal: options.signal,
    onProgress: null,
    durationSeconds: null,
  });
  let failure: unknown = null;
  const finished = running.done.catch((error: unknown) => {
    failure = error;
    sink.end();
  });
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let completed = false;
  try {
    for await (const chunk of sink as AsyncIterable<Buffer>) {
      pending.push(chunk);
      pendingBytes += chunk.length;
      while (pendingBytes >= frameBytes) {
        const all = pending.length === 1 ? pending[0]! : Buffer.concat(pending);
        yield Buffer.from(all.subarray(0, frameBytes));
        const rest = all.subarray(frameBytes);
        pending = rest.length > 0 ? [rest] : [];
        pendingBytes = rest.length;
      }
    }
    await finished;
    if (failure) throw failure;
    completed = true;
  } finally {
    if (!completed) {
      running.kill();
      await finished;
    }
  }
}
