import { writeAtomically } from '@ministudio/files';
import { MediaError } from './errors';
import { type FfmpegJob, sec } from './ffmpeg-job';
import { isInHouseFormat } from './house-check';
import {
  FASTSTART_ARGS,
  fitFilter,
  HOUSE_PIXEL_FORMAT,
  type HouseFormat,
  houseCodecArgs,
} from './house-format';
import { type JobOptions, NO_JOB_OPTIONS } from './job-options';
import { type MediaInfo, probeVideo, type VideoStreamInfo } from './probe';
import { runFfmpeg } from './runner';

export interface ConformResult {
  path: string;
  frames: number;
  durationSeconds: number;
  /** The source was already in the house format and its streams were copied. */
  copied: boolean;
}

/** Whole frames at the house rate covering the source picture (at least one). */
export function conformedFrameCount(info: MediaInfo & { video: VideoStreamInfo }, fps: number): number {
  const seconds = info.video.durationSeconds ?? info.durationSeconds;
  return Math.max(1, Math.round(seconds * fps));
}

/**
 * The one ffmpeg command that brings any clip to the house format. Sources with a variable rate or missing
 * tail frames are filled by repeating the last picture; audio is padded or cut to end with the picture.
 */
export function buildConformJob(
  info: MediaInfo & { video: VideoStreamInfo },
  house: HouseFormat,
  output: string,
  encoder: { preset: string | null; crf: number | null },
): FfmpegJob {
  const frames = conformedFrameCount(info, house.fps);
  const seconds = frames / house.fps;
  const video =
    `[0:v:0]setpts=PTS-STARTPTS,${fitFilter(house)},fps=${house.fps},` +
    `tpad=stop_mode=clone:stop=-1,trim=end_frame=${frames},format=${HOUSE_PIXEL_FORMAT}[v]`;
  const audioSource = info.audio ? '[0:a:0]asetpts=PTS-STARTPTS,' : '[1:a]';
  const audio = `${audioSource}aresample=48000,aformat=sample_fmts=fltp:channel_layouts=stereo,apad,atrim=0:${sec(seconds)}[a]`;
  const inputs = [{ source: info.path, options: [] as string[] }];
  if (!info.audio) inputs.push({ source: 'anullsrc=r=48000:cl=stereo', options: ['-f', 'lavfi'] });
  return {
    inputs,
    filterComplex: `${video};${audio}`,
    outputs: [
      {
        target: output,
        options: [
          '-map',
          '[v]',
          '-map',
          '[a]',
          // Both streams end inside the graph: `-frames:v` would stop the file before the audio is flushed.
          ...houseCodecArgs({
            video: { fps: house.fps, ...encoder, keyframeIntervalFrames: null },
            audio: 'encode',
          }),
          '-map_metadata',
          '-1',
          '-map_chapters',
          '-1',
          ...FASTSTART_ARGS,
        ],
      },
    ],
  };
}

/** Copies a clip that is already in the house format into a fresh file: no re-encoding, same guarantees. */
export function buildRemuxJob(info: MediaInfo, output: string): FfmpegJob {
  return {
    inputs: [{ source: info.path, options: [] }],
    filterComplex: null,
    outputs: [
      {
        target: output,
        options: [
          '-map',
          '0:v:0',
          '-map',
          '0:a:0',
          ...houseCodecArgs({ video: 'copy', audio: 'copy' }),
          '-map_metadata',
          '-1',
          '-map_chapters',
          '-1',
          ...FASTSTART_ARGS,
        ],
      },
    ],
  };
}

export interface ConformOptions extends JobOptions {
  preset: string | null;
  crf: number | null;
}

export const DEFAULT_CONFORM_OPTIONS: ConformOptions = { ...NO_JOB_OPTIONS, preset: null, crf: null };

/** Normalises any clip to the project's house format (see HouseFormat); throws MediaError for unusable input. */
export async function conform(
  input: string,
  output: string,
  house: HouseFormat,
  options: ConformOptions = DEFAULT_CONFORM_OPTIONS,
): Promise<ConformResult> {
  const info = await probeVideo(input);
  if (info.video.width <= 0 || info.video.height <= 0) {
    throw new MediaError('not_media', `${input} has a video stream without a picture size`);
  }
  const encoder = { preset: options.preset, crf: options.crf };
  const frames = conformedFrameCount(info, house.fps);
  // Normalised once: a clip already in the house format is copied, not encoded a second time.
  const copied = await isInHouseFormat(info, house);
  await writeAtomically(output, (temp) =>
    runFfmpeg(copied ? buildRemuxJob(info, temp) : buildConformJob(info, house, temp, encoder), {
      signal: options.signal,
      onProgress: options.onProgress,
      durationSeconds: frames / house.fps,
    }),
  );
  return { path: output, frames, durationSeconds: frames / house.fps, copied };
}
