import { writeAtomically } from '@ministudio/files';
import { type FfmpegJob, sec } from './ffmpeg-job';
import { FASTSTART_ARGS, houseCodecArgs } from './house-format';
import type { JobOptions } from './job-options';
import { buildMixGraph, DEFAULT_LOUDNESS_LUFS, type MusicBed } from './mix';
import { type MediaInfo, probeVideo, type VideoStreamInfo } from './probe';
import { runFfmpeg } from './runner';

export interface MixAudioOptions extends JobOptions {
  /** Speech already cut to the clip (see fitSpeech to fit it first), or null. */
  speech: string | null;
  keepClipAudio: boolean;
  music: MusicBed | null;
  targetLufs: number | null;
}

/** Replaces a clip's audio with the mix; the picture is copied, the audio ends with it. */
export function buildMixAudioJob(
  clip: MediaInfo & { video: VideoStreamInfo },
  output: string,
  options: Pick<MixAudioOptions, 'speech' | 'keepClipAudio' | 'music' | 'targetLufs'>,
): FfmpegJob {
  const d = clip.video.durationSeconds ?? clip.durationSeconds;
  const inputs = [{ source: clip.path, options: [] as string[] }];
  let speech: string | null = null;
  if (options.speech) {
    speech = `[${inputs.length}:a:0]`;
    inputs.push({ source: options.speech, options: [] });
  }
  let music: { label: string; bed: MusicBed } | null = null;
  if (options.music) {
    music = { label: `[${inputs.length}:a:0]`, bed: options.music };
    inputs.push({ source: options.music.path, options: [] });
  }
  const graph = buildMixGraph({
    speech,
    clipAudio: options.keepClipAudio && clip.audio ? '[0:a:0]' : null,
    music,
    durationSeconds: d,
    targetLufs: options.targetLufs ?? DEFAULT_LOUDNESS_LUFS,
    output: '[a]',
  });
  return {
    inputs,
    filterComplex: graph,
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
          sec(d),
          ...FASTSTART_ARGS,
        ],
      },
    ],
  };
}

/** Mixes speech, the clip's own audio ducked under it and an optional music bed, normalised to -16 LUFS by default. */
export async function mixClipAudio(
  clipPath: string,
  output: string,
  options: MixAudioOptions,
): Promise<{ path: string }> {
  const clip = await probeVideo(clipPath);
  await writeAtomically(output, (temp) =>
    runFfmpeg(buildMixAudioJob(clip, temp, options), {
      signal: options.signal,
      onProgress: options.onProgress,
      durationSeconds: clip.video.durationSeconds ?? clip.durationSeconds,
    }),
  );
  return { path: output };
}
