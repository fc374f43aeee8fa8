export type { AudioFitPolicy } from '@ministudio/domain';

import type { AudioFitPolicy } from '@ministudio/domain';
import { writeAtomically } from '@ministudio/files';
import { MediaError } from './errors';
import { type FfmpegJob, sec } from './ffmpeg-job';
import { FASTSTART_ARGS, houseCodecArgs } from './house-format';
import { type JobOptions, NO_JOB_OPTIONS } from './job-options';
import { buildMixGraph, DEFAULT_LOUDNESS_LUFS, type MusicBed } from './mix';
import { type MediaInfo, probeAudio, probeVideo, type VideoStreamInfo } from './probe';
import { runFfmpeg } from './runner';

export type AppliedFit = 'none' | Exclude<AudioFitPolicy, 'auto'>;

export interface AudioFitPlan {
  requested: AudioFitPolicy;
  /** What was done; differs from `requested` for 'auto' and when the requested policy cannot apply. */
  applied: AppliedFit;
  reason: string;
  targetFrames: number;
  targetSeconds: number;
  /** Seconds of the last picture held at the end. */
  holdSeconds: number;
  /** Tempo factor for the speech (atempo): above 1 shortens it. */
  speechTempo: number;
  reencodeVideo: boolean;
}

/** Speech may be sped up or slowed by at most this much (±10%). */
export const MAX_TEMPO_CHANGE = 0.1;
/** Under auto, stretching is preferred over holding the picture up to this change (barely audible). */
export const AUTO_STRETCH_LIMIT = 0.05;

/**
 * Decides how speech and picture are made to end together. Pure: durations in, plan out.
 * Picture-side policies end on the first frame boundary after the speech; speech-side ones keep the picture.
 */
export function planAudioFit(
  videoSeconds: number,
  speechSeconds: number,
  fps: number,
  policy: AudioFitPolicy,
): AudioFitPlan {
  if (!(videoSeconds > 0) || !(speechSeconds > 0) || !(fps > 0)) {
    throw new MediaError('invalid_argument', 'Fitting needs positive durations and frame rate');
  }
  const videoFrames = Math.max(1, Math.round(videoSeconds * fps));
  const speechFrames = Math.ceil(speechSeconds * fps - 1e-6);
  const frame = 1 / fps;
  const keepPicture = (applied: AppliedFit, reason: string, tempo = 1): AudioFitPlan => ({
    requested: policy,
    applied,
    reason,
    targetFrames: videoFrames,
    targetSeconds: videoFrames / fps,
    holdSeconds: 0,
    speechTempo: tempo,
    reencodeVideo: false,
  });
  const pictureTo = (applied: AppliedFit, frames: number, reason: string, tempo = 1): AudioFitPlan => ({
    requested: policy,
    applied,
    reason,
    targetFrames: frames,
    targetSeconds: frames / fps,
    holdSeconds: Math.max(0, (frames - videoFrames) / fps),
    speechTempo: tempo,
    reencodeVideo: frames !== videoFrames,
  });
  const difference = speechSeconds - videoFrames / fps;
  if (Math.abs(difference) < frame / 2) return keepPicture('none', 'speech already ends within half a frame');
  const speechLonger = difference > 0;
  const stretch = (): AudioFitPlan => {
    const wanted = speechSeconds / (videoFrames / fps);
    const tempo = Math.min(1 + MAX_TEMPO_CHANGE, Math.max(1 - MAX_TEMPO_CHANGE, wanted));
    const stretched = speechSeconds / tempo;
    if (stretched <= videoFrames / fps + frame / 2) {
      return keepPicture('stretch-speech', `speech tempo ${tempo.toFixed(3)}`, tempo);
    }
    // Beyond +10% the rest is covered by holding the picture.
    return pictureTo(
      'stretch-speech',
      Math.ceil(stretched * fps - 1e-6),
      'speech at +10%, picture held',
      tempo,
    );
  };
  switch (policy) {
    case 'auto':
      if (!speechLonger) return keepPicture('pad-speech', 'speech is shorter: silence after it is invisible');
      if (speechSeconds / (videoFrames / fps) - 1 <= AUTO_STRETCH_LIMIT) return stretch();
      return pictureTo('extend-picture', speechFrames, 'speech is much longer: hold the last picture');
    case 'extend-picture':
      if (speechLonger) return pictureTo('extend-picture', speechFrames, 'hold the last picture');
      return keepPicture('pad-speech', 'speech is shorter: nothing to extend, silence added');
    case 'trim-picture':
      if (!speechLonger)
        return pictureTo('trim-picture', Math.max(1, speechFrames), 'picture cut after the speech');
      return pictureTo(
        'extend-picture',
        speechFrames,
        'speech is longer: trimming would cut it, picture held',
      );
    case 'pad-speech':
      if (!speechLonger) return keepPicture('pad-speech', 'silence after the speech');
      return pictureTo('extend-picture', speechFrames, 'speech is longer: padding cannot help, picture held');
    case 'stretch-speech':
      return stretch();
  }
}

export interface FitSpeechOptions extends JobOptions {
  policy: AudioFitPolicy;
  /** Duck the clip's own audio under the speech and keep it; false drops it. */
  keepClipAudio: boolean;
  music: MusicBed | null;
  targetLufs: number | null;
}

export const DEFAULT_FIT_OPTIONS: FitSpeechOptions = {
  ...NO_JOB_OPTIONS,
  policy: 'auto',
  keepClipAudio: true,
  music: null,
  targetLufs: null,
};

export function buildFitJob(
  clip: MediaInfo & { video: VideoStreamInfo },
  speechPath: string,
  plan: AudioFitPlan,
  output: string,
  options: { keepClipAudio: boolean; music: MusicBed | null; targetLufs: number },
): FfmpegJob {
  const fps = Math.round(clip.video.fps);
  const d = plan.targetSeconds;
  const parts: string[] = [];
  if (plan.reencodeVideo) {
    const hold =
      plan.holdSeconds > 0 ? `tpad=stop_mode=clone:stop_duration=${sec(plan.holdSeconds + 1 / fps)},` : '';
    parts.push(`[0:v:0]${hold}trim=end_frame=${plan.targetFrames}[v]`);
  }
  const tempo = plan.speechTempo !== 1 ? `atempo=${plan.speechTempo.toFixed(6)},` : '';
  parts.push(`[1:a:0]${tempo}apad,atrim=0:${sec(d)}[s]`);
  const clipAudio = options.keepClipAudio && clip.audio ? '[0:a:0]apad,atrim=0:' : null;
  if (clipAudio) parts.push(`${clipAudio}${sec(d)}[c]`);
  const inputs = [
    { source: clip.path, options: [] as string[] },
    { source: speechPath, options: [] as string[] },
  ];
  if (options.music) inputs.push({ source: options.music.path, options: [] });
  parts.push(
    buildMixGraph({
      speech: '[s]',
      clipAudio: clipAudio ? '[c]' : null,
      music: options.music ? { label: '[2:a:0]', bed: options.music } : null,
      durationSeconds: d,
      targetLufs: options.targetLufs,
      output: '[a]',
    }),
  );
  const videoArgs = plan.reencodeVideo
    ? [
        '-map',
        '[v]',
        ...houseCodecArgs({
          video: { fps, preset: null, crf: null, keyframeIntervalFrames: null },
          audio: null,
        }),
      ]
    : ['-map', '0:v:0', ...houseCodecArgs({ video: 'copy', audio: null })];
  return {
    inputs,
    filterComplex: parts.join(';'),
    outputs: [
      {
        target: output,
        options: [
          ...videoArgs,
          '-map',
          '[a]',
          ...houseCodecArgs({ video: null, audio: 'encode' }),
          ...FASTSTART_ARGS,
        ],
      },
    ],
  };
}

export interface FitSpeechResult {
  path: string;
  plan: AudioFitPlan;
}

/**
 * Puts `speech` on a conformed clip so that picture and sound end within one frame, following `options.policy`,
 * and mixes it over the clip's own audio (ducked) and an optional music bed, loudness-normalised.
 */
export async function fitSpeech(
  clipPath: string,
  speechPath: string,
  output: string,
  options: FitSpeechOptions = DEFAULT_FIT_OPTIONS,
): Promise<FitSpeechResult> {
  const [clip, speech] = await Promise.all([probeVideo(clipPath), probeAudio(speechPath)]);
  const fps = Math.round(clip.video.fps);
  const videoSeconds = clip.video.durationSeconds ?? clip.durationSeconds;
  const speechSeconds = speech.audio.durationSeconds ?? speech.durationSeconds;
  const plan = planAudioFit(videoSeconds, speechSeconds, fps, options.policy);
  const mix = {
    keepClipAudio: options.keepClipAudio,
    music: options.music,
    targetLufs: options.targetLufs ?? DEFAULT_LOUDNESS_LUFS,
  };
  await writeAtomically(output, (temp) =>
    runFfmpeg(buildFitJob(clip, speechPath, plan, temp, mix), {
      signal: options.signal,
      onProgress: options.onProgress,
      durationSeconds: plan.targetSeconds,
    }),
  );
  return { path: output, plan };
}
