import type { FitMode } from '@ministudio/domain';
import { MediaError } from './errors';

/** The one format every clip in a project is conformed to; clips in it join by stream copy. */
export interface HouseFormat {
  readonly width: number;
  readonly height: number;
  readonly fps: number;
  readonly fitMode: FitMode;
}

export function createHouseFormat(width: number, height: number, fps: number, fitMode: FitMode): HouseFormat {
  // yuv420p needs even sizes; whole frame rates keep one-frame maths exact and timescales integral.
  if (
    !Number.isInteger(width) ||
    !Number.isInteger(height) ||
    width < 16 ||
    height < 16 ||
    width % 2 ||
    height % 2
  ) {
    throw new MediaError('invalid_argument', `House size must be even whole numbers, got ${width}x${height}`);
  }
  if (!Number.isInteger(fps) || fps < 1 || fps > 120) {
    throw new MediaError(
      'invalid_argument',
      `House frame rate must be a whole number from 1 to 120, got ${fps}`,
    );
  }
  if (fitMode !== 'letterbox' && fitMode !== 'crop') {
    throw new MediaError('invalid_argument', `Unknown fit mode ${String(fitMode)}`);
  }
  return Object.freeze({ width, height, fps, fitMode });
}

export interface EncoderSettings {
  preset: string;
  crf: number;
  keyframeIntervalFrames: number;
}

export const DEFAULT_PRESET = 'veryfast';
export const DEFAULT_CRF = 20;
export const AUDIO_BITRATE = '160k';

/** Output options for H.264 High yuv420p video with a fixed keyframe interval. */
export function houseVideoCodecArgs(fps: number, settings: EncoderSettings): string[] {
  return [
    '-c:v',
    'libx264',
    '-profile:v',
    'high',
    '-pix_fmt',
    'yuv420p',
    '-preset',
    settings.preset,
    '-crf',
    String(settings.crf),
    '-g',
    String(settings.keyframeIntervalFrames),
    '-keyint_min',
    String(settings.keyframeIntervalFrames),
    // No extra keyframes at scene cuts, and no B-frames (decode order = display order): every whole second is
    // then a clean cut for stream copy, which the concat demuxer's in/out points rely on.
    '-sc_threshold',
    '0',
    '-bf',
    '0',
    '-r',
    String(fps),
    // The same timescale in every clip, so the concat demuxer can copy them without rescaling.
    '-video_track_timescale',
    String(fps * 1000),
  ];
}

export function houseAudioCodecArgs(): string[] {
  return ['-c:a', 'aac', '-b:a', AUDIO_BITRATE, '-ar', '48000', '-ac', '2'];
}

export const FASTSTART_ARGS: readonly string[] = ['-movflags', '+faststart'];

/** Scales a picture into the frame: letterbox/pillarbox keeps all of it, crop fills the frame; never stretched. */
export function fitFilter(house: HouseFormat): string {
  const { width: w, height: h } = house;
  if (house.fitMode === 'crop') {
    return `scale=${w}:${h}:force_original_aspect_ratio=increase:force_divisible_by=2,crop=${w}:${h},setsar=1`;
  }
  return `scale=${w}:${h}:force_original_aspect_ratio=decrease:force_divisible_by=2,pad=${w}:${h}:(ow-iw)/2:(oh-ih)/2:black,setsar=1`;
}
