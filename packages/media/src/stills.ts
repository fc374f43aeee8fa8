import { writeAtomically } from '@ministudio/files';
import { MediaError } from './errors';
import { type FfmpegJob, sec } from './ffmpeg-job';
import {
  FASTSTART_ARGS,
  fitFilter,
  HOUSE_PIXEL_FORMAT,
  type HouseFormat,
  houseCodecArgs,
} from './house-format';
import { type JobOptions, NO_JOB_OPTIONS } from './job-options';
import { runFfmpeg } from './runner';

export interface StillToVideoOptions extends JobOptions {
  seconds: number;
  /** Final zoom of a slow centred push-in (e.g. 1.1), or null for a static hold. */
  pushIn: number | null;
}

/**
 * A house-format clip from one image, with a silent track. The push-in zooms a picture rendered at twice the size,
 * which keeps the motion smooth (zoompan moves in whole pixels).
 */
export function buildStillJob(
  image: string,
  house: HouseFormat,
  options: { seconds: number; pushIn: number | null },
  output: string,
): FfmpegJob {
  const frames = Math.max(1, Math.round(options.seconds * house.fps));
  const { width: w, height: h, fps } = house;
  let video = `[0:v]${fitFilter(house)}`;
  if (options.pushIn !== null && options.pushIn > 1) {
    const step = (options.pushIn - 1) / Math.max(1, frames - 1);
    video +=
      `,scale=${w * 2}:${h * 2}:flags=lanczos,zoompan=z='1+${step.toFixed(8)}*on':` +
      `x='iw/2-(iw/zoom/2)':y='ih/2-(ih/zoom/2)':d=1:s=${w}x${h}:fps=${fps}`;
  } else {
    video += `,fps=${fps}`;
  }
  video += `,trim=end_frame=${frames},format=${HOUSE_PIXEL_FORMAT}[v]`;
  const seconds = frames / fps;
  return {
    inputs: [
      { source: image, options: ['-loop', '1', '-framerate', String(fps), '-t', sec(seconds + 1)] },
      { source: 'anullsrc=r=48000:cl=stereo', options: ['-f', 'lavfi'] },
    ],
    filterComplex: `${video};[1:a]atrim=0:${sec(seconds)}[a]`,
    outputs: [
      {
        target: output,
        options: [
          '-map',
          '[v]',
          '-map',
          '[a]',
          ...houseCodecArgs({
            video: { fps, preset: null, crf: null, keyframeIntervalFrames: null },
            audio: 'encode',
          }),
          ...FASTSTART_ARGS,
        ],
      },
    ],
  };
}

/** Turns a still (storyboard card, plate) into a clip of `seconds`, optionally with a slow push-in. */
export async function stillToVideo(
  image: string,
  output: string,
  house: HouseFormat,
  options: StillToVideoOptions = { ...NO_JOB_OPTIONS, seconds: 2, pushIn: null },
): Promise<{ path: string; frames: number }> {
  if (!(options.seconds > 0))
    throw new MediaError('invalid_argument', 'A still clip needs a positive length');
  const frames = Math.max(1, Math.round(options.seconds * house.fps));
  await writeAtomically(output, (temp) =>
    runFfmpeg(buildStillJob(image, house, options, temp), {
      signal: options.signal,
      onProgress: options.onProgress,
      durationSeconds: frames / house.fps,
    }),
  );
  return { path: output, frames };
}
