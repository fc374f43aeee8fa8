import { rename } from 'node:fs/promises';
import { PassThrough } from 'node:stream';
import { removeQuietly, tempSibling } from './atomic';
import { cancelledError, MediaError } from './errors';
import { type FfmpegJob, sec } from './ffmpeg-job';
import {
  DEFAULT_CRF,
  DEFAULT_PRESET,
  type EncoderSettings,
  FASTSTART_ARGS,
  houseAudioCodecArgs,
  houseVideoCodecArgs,
} from './house-format';
import { NO_RUN_OPTIONS, type RunningFfmpeg, runFfmpeg, startFfmpeg } from './runner';

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

function encoderSettings(options: RawVideoEncoderOptions): EncoderSettings {
  return {
    preset: options.preset ?? DEFAULT_PRESET,
    crf: options.crf ?? DEFAULT_CRF,
    keyframeIntervalFrames: options.keyframeIntervalFrames ?? options.fps,
  };
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
    outputs: [{ target: videoPath, options: ['-an', ...houseVideoCodecArgs(fps, encoderSettings(options))] }],
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
          ...houseVideoCodecArgs(options.fps, encoderSettings(options)),
          ...houseAudioCodecArgs(),
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
          '-c:v',
          'copy',
          ...houseAudioCodecArgs(),
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
  const videoTemp = tempSibling(`${options.output}.video.mp4`);
  const finalTemp = tempSibling(options.output);
  // A couple of frames of slack: enough to keep ffmpeg busy, little enough to bound memory.
  const stdin = new PassThrough({ highWaterMark: frameBytes * 2 });
  let frames = 0;
  let state: 'open' | 'finishing' | 'done' | 'aborted' = 'open';
  let failure: unknown = null;
  let abortController: AbortController | null = new AbortController();
  let muxing: Promise<void> | null = null;

  const known = options.frameCount;
  const job =
    known !== null
      ? buildRawEncodeWithAudioJob({ ...options, frameCount: known }, stdin, finalTemp)
      : buildRawEncodeJob(options, stdin, videoTemp);
  const running: RunningFfmpeg = startFfmpeg(job, {
    ...NO_RUN_OPTIONS,
    signal: abortController.signal,
  });
  const settled = running.done.then(
    () => undefined,
    (error: unknown) => {
      failure = error;
    },
  );

  const cleanup = async () => {
    await Promise.all([removeQuietly(videoTemp), removeQuietly(finalTemp)]);
  };

  let aborting: Promise<void> | null = null;
  const abort = (): Promise<void> => {
    if (aborting) return aborting;
    if (state === 'done') return Promise.resolve();
    state = 'aborted';
    abortController?.abort();
    stdin.destroy();
    aborting = (async () => {
      await settled;
      await muxing?.catch(() => undefined);
      await cleanup();
    })();
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
      await settled;
      try {
        if (failure) throw failure;
        if (frames === 0) throw new MediaError('invalid_argument', 'No frames were written');
        if ((state as string) === 'aborted') throw cancelledError();
        if (known !== null) {
          if (frames !== known) {
            throw new MediaError('invalid_argument', `${known} frames were announced but ${frames} written`);
          }
          await rename(finalTemp, options.output);
          state = 'done';
          return { path: options.output };
        }
        muxing = runFfmpeg(buildAudioMuxJob(videoTemp, options.audio, frames / options.fps, finalTemp), {
          ...NO_RUN_OPTIONS,
          signal: abortController?.signal ?? null,
        });
        await muxing;
        await rename(finalTemp, options.output);
        await removeQuietly(videoTemp);
        state = 'done';
        return { path: options.output };
      } catch (error) {
        await cleanup();
        throw (state as string) === 'aborted' ? cancelledError() : error;
      } finally {
        options.signal?.removeEventListener('abort', onExternalAbort);
        abortController = null;
      }
    },
    abort,
  };
}
