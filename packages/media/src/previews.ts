import { writeFile } from 'node:fs/promises';
import { writeAtomically } from '@ministudio/files';
import { decodeAudioMono } from './audio-decode';
import { MediaError } from './errors';
import { type FfmpegJob, sec } from './ffmpeg-job';
import { FASTSTART_ARGS, houseCodecArgs } from './house-format';
import { type JobOptions, NO_JOB_OPTIONS } from './job-options';
import { probeVideo } from './probe';
import { runFfmpeg } from './runner';

export const PROXY_HEIGHT = 540;
/** Keyframe every 12 frames: scrubbing seeks land within half a second at 24 fps. */
export const PROXY_KEYFRAME_INTERVAL = 12;
/** Lower quality than the house clips: a proxy is for scrubbing, and small files load fast. */
export const PROXY_CRF = 26;

export function buildProxyJob(input: string, fps: number, output: string): FfmpegJob {
  return {
    inputs: [{ source: input, options: [] }],
    filterComplex: null,
    outputs: [
      {
        target: output,
        options: [
          '-map',
          '0:v:0',
          '-map',
          '0:a:0?',
          '-vf',
          `scale=-2:${PROXY_HEIGHT},setsar=1`,
          ...houseCodecArgs({
            video: { fps, preset: null, crf: PROXY_CRF, keyframeIntervalFrames: PROXY_KEYFRAME_INTERVAL },
            audio: 'encode',
          }),
          ...FASTSTART_ARGS,
        ],
      },
    ],
  };
}

/** A 540p scrubbing proxy: keyframe every 12 frames, +faststart. */
export async function makeProxy(
  input: string,
  output: string,
  options: JobOptions = NO_JOB_OPTIONS,
): Promise<{ path: string }> {
  const info = await probeVideo(input);
  const fps = Math.max(1, Math.round(info.video.fps || 24));
  await writeAtomically(output, (temp) =>
    runFfmpeg(buildProxyJob(input, fps, temp), { ...options, durationSeconds: info.durationSeconds }),
  );
  return { path: output };
}

export function buildPosterJob(
  input: string,
  atSeconds: number,
  width: number | null,
  output: string,
): FfmpegJob {
  const scale = width ? ['-vf', `scale=${width}:-2`] : [];
  return {
    inputs: [{ source: input, options: ['-ss', sec(atSeconds)] }],
    filterComplex: null,
    outputs: [{ target: output, options: ['-map', '0:v:0', '-frames:v', '1', ...scale, '-update', '1'] }],
  };
}

/** One still (JPEG or PNG by the output's extension) at `atSeconds`, or a third into the clip when null. */
export async function makePoster(
  input: string,
  output: string,
  atSeconds: number | null,
  width: number | null,
): Promise<{ path: string; atSeconds: number }> {
  const info = await probeVideo(input);
  const duration = info.video.durationSeconds ?? info.durationSeconds;
  // Clamp inside the clip: a seek past the last frame gives no picture at all.
  const at = Math.max(0, Math.min(atSeconds ?? duration / 3, duration - 1 / Math.max(1, info.video.fps)));
  await writeAtomically(output, (temp) =>
    runFfmpeg(buildPosterJob(input, at, width, temp), {
      signal: null,
      onProgress: null,
      durationSeconds: null,
    }),
  );
  return { path: output, atSeconds: at };
}

export interface FilmstripLayout {
  thumbsPerShot: number;
  thumbWidth: number;
  thumbHeight: number;
}

/** One row of evenly spaced thumbnails per shot, rows stacked: a single image for the editor's timeline. */
export function buildFilmstripJob(
  shots: readonly { path: string; durationSeconds: number }[],
  layout: FilmstripLayout,
  output: string,
): FfmpegJob {
  const { thumbsPerShot: n, thumbWidth: w, thumbHeight: h } = layout;
  const rows = shots.map((shot, i) => {
    // Sample the middle of each of n equal slices of the shot.
    const rate = n / shot.durationSeconds;
    return (
      `[${i}:v:0]fps=${rate.toFixed(6)}:start_time=${sec(shot.durationSeconds / n / 2)},` +
      `scale=${w}:${h}:force_original_aspect_ratio=decrease,pad=${w}:${h}:(ow-iw)/2:(oh-ih)/2:black,setsar=1,` +
      `tpad=stop_mode=clone:stop=${n},trim=end_frame=${n},tile=${n}x1[row${i}]`
    );
  });
  const stack =
    shots.length === 1
      ? '[row0]null[out]'
      : `${shots.map((_, i) => `[row${i}]`).join('')}vstack=inputs=${shots.length}[out]`;
  return {
    inputs: shots.map((shot) => ({ source: shot.path, options: [] })),
    filterComplex: `${rows.join(';')};${stack}`,
    outputs: [{ target: output, options: ['-map', '[out]', '-frames:v', '1', '-update', '1'] }],
  };
}

export async function makeFilmstrip(
  shots: readonly string[],
  output: string,
  layout: FilmstripLayout,
): Promise<{ path: string; width: number; height: number }> {
  if (shots.length === 0 || layout.thumbsPerShot < 1)
    throw new MediaError('invalid_argument', 'A filmstrip needs shots and thumbnails');
  const infos = await Promise.all(shots.map((shot) => probeVideo(shot)));
  const items = infos.map((info) => ({
    path: info.path,
    durationSeconds: info.video.durationSeconds ?? info.durationSeconds,
  }));
  await writeAtomically(output, (temp) =>
    runFfmpeg(buildFilmstripJob(items, layout, temp), {
      signal: null,
      onProgress: null,
      durationSeconds: null,
    }),
  );
  return {
    path: output,
    width: layout.thumbWidth * layout.thumbsPerShot,
    height: layout.thumbHeight * shots.length,
  };
}

export const PEAKS_PER_SECOND = 100;

/** Largest absolute sample per window: `perSecond` peaks per second of audio, rounded to 4 decimals. */
export function peaksFromSamples(samples: Float32Array, sampleRate: number, perSecond: number): number[] {
  const window = sampleRate / perSecond;
  const count = Math.ceil(samples.length / window);
  const peaks = new Array<number>(count);
  for (let i = 0; i < count; i++) {
    let peak = 0;
    const end = Math.min(samples.length, Math.round((i + 1) * window));
    for (let j = Math.round(i * window); j < end; j++) {
      const v = Math.abs(samples[j]!);
      if (v > peak) peak = v;
    }
    peaks[i] = Math.round(Math.min(1, peak) * 10000) / 10000;
  }
  return peaks;
}

export interface WaveformPeaks {
  peaksPerSecond: number;
  durationSeconds: number;
  peaks: number[];
}

/** Waveform peaks for the editor (100 per second); also written as JSON when `output` is given. */
export async function makeWaveformPeaks(input: string, output: string | null): Promise<WaveformPeaks> {
  const sampleRate = 8000;
  const samples = await decodeAudioMono(input, sampleRate);
  const result: WaveformPeaks = {
    peaksPerSecond: PEAKS_PER_SECOND,
    durationSeconds: samples.length / sampleRate,
    peaks: peaksFromSamples(samples, sampleRate, PEAKS_PER_SECOND),
  };
  if (output) await writeAtomically(output, (temp) => writeFile(temp, JSON.stringify(result)));
  return result;
}
