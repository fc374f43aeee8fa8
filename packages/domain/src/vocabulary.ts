// The closed vocabularies of the studio. Each list is the single source for the API's validation,
// the editor's menus, the production format and the renderer.

export const ASPECT_RATIOS = ['16:9', '9:16', '1:1'] as const;
export type AspectRatio = (typeof ASPECT_RATIOS)[number];

/** Named styles; a project may also use free text, which providers receive verbatim. */
export const NAMED_STYLES = ['ghibli', 'cinematic', 'cyberpunk', 'realistic'] as const;
export type NamedStyle = (typeof NAMED_STYLES)[number];

export const SHOT_TYPES = ['extreme-wide', 'wide', 'medium', 'close-up', 'extreme-close-up'] as const;
export type ShotType = (typeof SHOT_TYPES)[number];

export const CAMERA_MOVES = [
  'static',
  'pan-left',
  'pan-right',
  'tilt-up',
  'tilt-down',
  'dolly-in',
  'dolly-out',
  'zoom-in',
  'zoom-out',
] as const;
export type CameraMove = (typeof CAMERA_MOVES)[number];

/** How a shot's picture and speech are made to end together (see packages/media fit-speech). */
export const AUDIO_FIT_POLICIES = [
  'auto',
  'extend-picture',
  'trim-picture',
  'pad-speech',
  'stretch-speech',
] as const;
export type AudioFitPolicy = (typeof AUDIO_FIT_POLICIES)[number];

/** How a clip of another shape is fitted into the project's frame: never stretched. */
export const FIT_MODES = ['letterbox', 'crop'] as const;
export type FitMode = (typeof FIT_MODES)[number];

/**
 * What the built-in animatic writes on its picture: nothing, the line being spoken, or that and the
 * shot's action. Burned-in text ends up in the finished film, whose dialogue is already in its subtitles
 * (soft by default, burned on request), so a new project writes nothing.
 */
export const ANIMATIC_TEXT = ['none', 'dialogue', 'dialogue-and-action'] as const;
export type AnimaticText = (typeof ANIMATIC_TEXT)[number];

/** Expressions the built-in renderer draws; other words are accepted and passed to providers as text. */
export const EXPRESSIONS = [
  'neutral',
  'focused',
  'shocked',
  'fearful',
  'happy',
  'sad',
  'angry',
  'thoughtful',
] as const;
export type Expression = (typeof EXPRESSIONS)[number];

export const SHOT_TYPE_LABELS: Record<ShotType, string> = {
  'extreme-wide': 'Extreme wide',
  wide: 'Wide',
  medium: 'Medium',
  'close-up': 'Close-up',
  'extreme-close-up': 'Extreme close-up',
};

export const CAMERA_MOVE_LABELS: Record<CameraMove, string> = {
  static: 'Static',
  'pan-left': 'Pan left',
  'pan-right': 'Pan right',
  'tilt-up': 'Tilt up',
  'tilt-down': 'Tilt down',
  'dolly-in': 'Dolly in',
  'dolly-out': 'Dolly out',
  'zoom-in': 'Zoom in',
  'zoom-out': 'Zoom out',
};

export const AUDIO_FIT_LABELS: Record<AudioFitPolicy, string> = {
  auto: 'Auto (least visible)',
  'extend-picture': 'Extend the picture',
  'trim-picture': 'Trim the picture',
  'pad-speech': 'Pad the speech with silence',
  'stretch-speech': 'Stretch the speech (±10%)',
};

/** Frame size for an aspect ratio at a given height class (720p by default). */
export function sizeForAspect(aspect: AspectRatio, shortSide = 720): { width: number; height: number } {
  const long = Math.round((shortSide * 16) / 9 / 2) * 2;
  if (aspect === '16:9') return { width: long, height: shortSide };
  if (aspect === '9:16') return { width: shortSide, height: long };
  return { width: shortSide, height: shortSide };
}

/**
 * The frame size a project takes when its aspect ratio changes: the 720p frames the capability tables
 * list for 16:9 and 9:16, and a 1024 square (any-size providers; the rest letterbox or crop it).
 */
export const SIZE_FOR_ASPECT: Record<AspectRatio, { width: number; height: number }> = {
  '16:9': { width: 1280, height: 720 },
  '9:16': { width: 720, height: 1280 },
  '1:1': { width: 1024, height: 1024 },
};

/**
 * Whether a frame size has the aspect ratio's shape, to the nearest even pixel (854×480 is 16:9).
 * The API refuses settings that fail it; the editor changes the size with the ratio so they never do.
 */
export function sizeFitsAspect(aspect: AspectRatio, width: number, height: number): boolean {
  const even = (n: number) => Math.round(n / 2) * 2;
  if (aspect === '1:1') return width === height;
  const [long, short] = aspect === '16:9' ? [width, height] : [height, width];
  return long === even((short * 16) / 9) || short === even((long * 9) / 16);
}
