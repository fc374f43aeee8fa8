import { writeAtomically } from '@ministudio/files';
import { MediaError } from './errors';
import { type FfmpegJob, sec } from './ffmpeg-job';
import { FASTSTART_ARGS, houseCodecArgs } from './house-format';
import type { JobOptions } from './job-options';
import { type MediaInfo, probeVideo, type VideoStreamInfo } from './probe';
import { runFfmpeg } from './runner';

/**
 * Brings a conformed clip to an exact length: trims it, or holds its last frame. Used when a provider
 * could only generate a nearby length (a 5.2 s shot made at 6 s). Audio is padded or cut to match.
 */
export function buildRetimeJob(
  clip: MediaInfo & { video: VideoStreamInfo },
  targetSeconds: number,
  output: string,
): FfmpegJob {
  const fps = Math.round(clip.video.fps);
  const frames = Math.max(1, Math.round(targetSeconds * fps));
  const d = frames / fps;
  const current = clip.video.durationSeconds ?? clip.durationSeconds;
  const hold = d > current ? `tpad=stop_mode=clone:stop_duration=${sec(d - current + 1 / fps)},` : '';
  const parts = [`[0:v:0]${hold}trim=end_frame=${frames},setpts=PTS-STARTPTS[v]`];
  const audio = clip.audio
    ? `[0:a:0]apad,atrim=0:${sec(d)}[a]`
    : `anullsrc=r=48000:cl=stereo,atrim=0:${sec(d)}[a]`;
  parts.push(audio);
  return {
    inputs: [{ source: clip.path, options: [] }],
    filterComplex: parts.join(';'),
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

export async function retimeClip(
  input: string,
  output: string,
  targetSeconds: number,
  options: JobOptions,
): Promise<{ path: string; durationSeconds: number }> {
  if (!(targetSeconds > 0)) throw new MediaError('invalid_argument', 'A clip needs a positive length');
  const clip = await probeVideo(input);
  const fps = Math.round(clip.video.fps);
  await writeAtomically(output, (temp) =>
    runFfmpeg(buildRetimeJob(clip, targetSeconds, temp), {
      signal: options.signal,
      onProgress: options.onProgress,
      durationSeconds: targetSeconds,
    }),
  );
  return { path: output, durationSeconds: Math.max(1, Math.round(targetSeconds * fps)) / fps };
}
