import { PassThrough } from 'node:stream';
import { removeQuietly, tempPathFor, writeAtomically } from '@ministudio/files';
import { cancelledError, MediaError } from './errors';
import { type FfmpegJob, sec } from './ffmpeg-job';
import { FASTSTART_ARGS, houseCodecArgs, type VideoEncoding } from './house-format';
import { NO_RUN_OPTIONS, runFfmpeg, startFfmpeg } from './runner';

export type RawPixelFormat = 'rgba' | 'rgb24' | 'bgra';

export interface RawVideoEncoderOptions {
  width: number;
  height: number;
  fps: number;
  pixelFormat: RawPixelFormat;
  /** Final path; written to a temporary name in the same folder and renamed on finish(). */
  output: string;
  /** Audio to mux (encoded AAC 48 kHz stereo, padded or cut to the picture); null adds a silent stereo track. */
  audio: string | null;
  preset: string | null;
  crf: number | null;
  keyframeIntervalFrames: number | null;
  /**
   * How many frames will be written, when the caller knows: then picture and sound are encoded in one
   * pass (the sound cut to the picture's known length). Null encodes the picture first and adds the
   * sound once the frame count is known.
   */
  frameCount: number | null;
  /** Abort kills ffmpeg and removes the temporary files. */
  signal: AbortSignal | null;
}

export interface RawVideoEncoder {
  /** Resolves when the frame has been handed on (waits while ffmpeg is behind). */
  write(frame: Buffer | Uint8Array): Promise<void>;
  /** Closes the input, waits for ffmpeg, muxes the audio and renames the file into place. */
  finish(): Promise<{ path: string }>;
  abort(): Promise<void>;
}

const BYTES_PER_PIXEL: Record<RawPixelFormat, number> = { rgba: 4, rgb24: 3, bgra: 4 };

export function rawFrameBytes(width: number, height: number, pixelFormat: RawPixelFormat): number {
  return width * height * BYTES_PER_PIXEL[pixelFormat];
}

function videoEncoding(options: RawVideoEncoderOptions): VideoEncoding {
  const { fps, preset, crf, keyframeIntervalFrames } = options;
  return { fps, preset, crf, keyframeIntervalFrames };
}

/** Pass 1: raw frames on stdin to a video-only H.264 file. */
export function buildRawEncodeJob(
  options: RawVideoEncoderOptions,
  stdin: PassThrough,
  videoPath: string,
): FfmpegJob {
  const { width, height, fps, pixelFormat } = options;
  return {
    inputs: [
      {
        source: stdin,
        options: [
          '-f',
          'rawvideo',
          '-pix_fmt',
          pixelFormat,
          '-s',
          `${width}x${height}`,
          '-framerate',
          String(fps),
        ],
      },
    ],
    filterComplex: null,
    outputs: [
      {
        target: videoPath,
        options: ['-an', ...houseCodecArgs({ video: videoEncoding(options), audio: null })],
      },
    ],
  };
}

/** One pass for a known frame count: raw frames on stdin and the audio cut to their length, with +faststart. */
export function buildRawEncodeWithAudioJob(
  options: RawVideoEncoderOptions & { frameCount: number },
  stdin: PassThrough,
  output: string,
): FfmpegJob {
  const raw = buildRawEncodeJob(options, stdin, output);
  const seconds = options.frameCount / options.fps;
  const audioInput = options.audio
    ? { source: options.audio, options: [] }
    : { source: 'anullsrc=r=48000:cl=stereo', options: ['-f', 'lavfi'] };
  return {
    inputs: [...raw.inputs, audioInput],
    filterComplex: `[1:a]aresample=48000,aformat=channel_layouts=stereo,apad,atrim=0:${sec(seconds)}[a]`,
    outputs: [
      {
        target: output,
        options: [
          '-map',
          '0:v:0',
          '-map',
          '[a]',
          ...houseCodecArgs({ video: videoEncoding(options), audio: 'encode' }),
          ...FASTSTART_ARGS,
        ],
      },
    ],
  };
}

/**
 * Pass 2: copy the picture and add the audio, padded with silence or cut so it ends with the picture.
 * Done after the frame count is known, because `-shortest` over a pipe overshoots by a few frames.
 */
export function buildAudioMuxJob(
  videoPath: string,
  audio: string | null,
  seconds: number,
  output: string,
): FfmpegJob {
  const audioInput = audio
    ? { source: audio, options: [] }
    : { source: 'anullsrc=r=48000:cl=stereo', options: ['-f', 'lavfi'] };
  return {
    inputs: [{ source: videoPath, options: [] }, audioInput],
    filterComplex: `[1:a]aresample=48000,aformat=channel_layouts=stereo,apad,atrim=0:${sec(seconds)}[a]`,
    outputs: [
      {
        target: output,
        options: [
          '-map',
          '0:v:0',
          '-map',
          '[a]',
          ...houseCodecArgs({ video: 'copy', audio: 'encode' }),
          '-t',
          sec(seconds),
          ...FASTSTART_ARGS,
        ],
      },
    ],
  };
}

export function createRawVideoEncoder(options: RawVideoEncoderOptions): RawVideoEncoder {
  const frameBytes = rawFrameBytes(options.width, options.height, options.pixelFormat);
  if (frameBytes <= 0 || options.fps <= 0) {
    throw new MediaError('invalid_argument', 'Raw video needs a positive size and frame rate');
  }
  // Two passes only: the picture alone, before the sound is added into the output's temporary file.
  const pictureOnly = tempPathFor(`${options.output}.video.mp4`);
  // A couple of frames of slack: enough to keep ffmpeg busy, little enough to bound memory.
  const stdin = new PassThrough({ highWaterMark: frameBytes * 2 });
  let frames = 0;
  let state: 'open' | 'finishing' | 'done' | 'aborted' = 'open';
  let failure: unknown = null;
  const abortController = new AbortController();
  const known = options.frameCount;

  // The whole encode is one producer of the output: it ends when finish() or abort() closes ffmpeg's input,
  // and only a finished, checked file is renamed into place.
  const written = writeAtomically(options.output, async (temp) => {
    if (state === 'aborted') throw cancelledError();
    const job =
      known !== null
        ? buildRawEncodeWithAudioJob({ ...options, frameCount: known }, stdin, temp)
        : buildRawEncodeJob(options, stdin, pictureOnly);
    await startFfmpeg(job, { ...NO_RUN_OPTIONS, signal: abortController.signal }).done;
    // abort() may have run while ffmpeg did.
    if ((state as string) === 'aborted') throw cancelledError();
    if (frames === 0) throw new MediaError('invalid_argument', 'No frames were written');
    if (known !== null) {
      if (frames !== known) {
        throw new MediaError('invalid_argument', `${known} frames were announced but ${frames} written`);
      }
      return;
    }
    await runFfmpeg(buildAudioMuxJob(pictureOnly, options.audio, frames / options.fps, temp), {
      ...NO_RUN_OPTIONS,
      signal: abortController.signal,
    });
  }).finally(() => removeQuietly(pictureOnly));
  const settled = written.then(
    () => undefined,
    (error: unknown) => {
      failure = error;
    },
  );

  let aborting: Promise<void> | null = null;
  const abort = (): Promise<void> => {
    if (aborting) return aborting;
    if (state === 'done') return Promise.resolve();
    state = 'aborted';
    abortController.abort();
    stdin.destroy();
    aborting = settled;
    return aborting;
  };
  const onExternalAbort = () => void abort();
  options.signal?.addEventListener('abort', onExternalAbort, { once: true });
  if (options.signal?.aborted) void abort();

  return {
    async write(frame) {
      if (state !== 'open')
        throw state === 'aborted'
          ? cancelledError()
          : new MediaError('invalid_argument', 'Encoder is finished');
      if (failure) throw failure;
      if (frame.byteLength !== frameBytes) {
        throw new MediaError(
          'invalid_argument',
          `Frame has ${frame.byteLength} bytes, expected ${frameBytes}`,
        );
      }
      frames += 1;
      if (stdin.write(frame)) return;
      await new Promise<void>((resolve, reject) => {
        const onDrain = () => {
          stdin.off('close', onClose);
          resolve();
        };
        const onClose = () => {
          stdin.off('drain', onDrain);
          reject(failure ?? cancelledError());
        };
        stdin.once('drain', onDrain);
        stdin.once('close', onClose);
        void settled.then(() => {
          if (failure) onClose();
        });
      });
    },
    async finish() {
      if (state !== 'open')
        throw state === 'aborted'
          ? cancelledError()
          : new MediaError('invalid_argument', 'Encoder is finished');
      state = 'finishing';
      stdin.end();
      try {
        await written;
        state = 'done';
        return { path: options.output };
      } catch (error) {
        throw (state as string) === 'aborted' ? cancelledError() : error;
      } finally {
        options.signal?.removeEventListener('abort', onExternalAbort);
      }
    },
    abort,
  };
}
