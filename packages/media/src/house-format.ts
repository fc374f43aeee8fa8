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

export const DEFAULT_PRESET = 'veryfast';
export const DEFAULT_CRF = 20;
export const AUDIO_BITRATE = '160k';
/** The house picture's pixel format; filter graphs end in it too, so the encoder converts nothing. */
export const HOUSE_PIXEL_FORMAT = 'yuv420p';
export const HOUSE_SAMPLE_RATE = 48000;
export const HOUSE_CHANNELS = 2;

/** How the picture is encoded; a null setting takes the house default. */
export interface VideoEncoding {
  fps: number;
  /** x264 preset; null: DEFAULT_PRESET. */
  preset: string | null;
  /** null: DEFAULT_CRF. */
  crf: number | null;
  /** null: one second (`fps` frames), the interval that lets conformed clips cut and join by stream copy. */
  keyframeIntervalFrames: number | null;
}

/** Each stream is encoded to the house format, copied, or left to the caller (null adds nothing). */
export interface HouseCodecs {
  video: VideoEncoding | 'copy' | null;
  audio: 'encode' | 'copy' | null;
}

/**
 * The one builder of the house format's encoder options: H.264 High yuv420p with a fixed keyframe interval
 * and no B-frames, AAC 48 kHz stereo. Pure.
 */
export function houseCodecArgs(codecs: HouseCodecs): string[] {
  const video = codecs.video === 'copy' ? ['-c:v', 'copy'] : codecs.video ? videoArgs(codecs.video) : [];
  const audio =
    codecs.audio === 'copy'
      ? ['-c:a', 'copy']
      : codecs.audio === 'encode'
        ? [
            '-c:a',
            'aac',
            '-b:a',
            AUDIO_BITRATE,
            '-ar',
            String(HOUSE_SAMPLE_RATE),
            '-ac',
            String(HOUSE_CHANNELS),
          ]
        : [];
  return [...video, ...audio];
}

function videoArgs(encoding: VideoEncoding): string[] {
  const { fps } = encoding;
  const keyframeInterval = String(encoding.keyframeIntervalFrames ?? fps);
  return [
    '-c:v',
    'libx264',
    '-profile:v',
    'high',
    '-pix_fmt',
    HOUSE_PIXEL_FORMAT,
    '-preset',
    encoding.preset ?? DEFAULT_PRESET,
    '-crf',
    String(encoding.crf ?? DEFAULT_CRF),
    '-g',
    keyframeInterval,
    '-keyint_min',
    keyframeInterval,
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

export const FASTSTART_ARGS: readonly string[] = ['-movflags', '+faststart'];

/** Scales a picture into the frame: letterbox/pillarbox keeps all of it, crop fills the frame; never stretched. */
export function fitFilter(house: HouseFormat): string {
  const { width: w, height: h } = house;
  if (house.fitMode === 'crop') {
    return `scale=${w}:${h}:force_original_aspect_ratio=increase:force_divisible_by=2,crop=${w}:${h},setsar=1`;
  }
  return `scale=${w}:${h}:force_original_aspect_ratio=decrease:force_divisible_by=2,pad=${w}:${h}:(ow-iw)/2:(oh-ih)/2:black,setsar=1`;
}
