import type {
  CharacterState,
  EnvironmentContext,
  EnvironmentIdentity,
  IdentityPair,
  Voice,
} from './schemas/fields';
import type { AnimaticText, AspectRatio, CameraMove, ShotType } from './vocabulary';

// The contracts between the render pipeline and every generation or speech provider. Types and
// one error class only: this file is imported by the browser too.

/** Typed failure codes; the editor shows the code and a sentence that says what to do. */
export const FAILURE_CODES = [
  'provider_rate_limited',
  'provider_rejected_input',
  'provider_not_configured',
  'worker_not_configured',
  'provider_unavailable',
  'content_filtered',
  'timeout',
  'media_invalid',
  'cancelled',
  'internal',
] as const;
export type FailureCode = (typeof FAILURE_CODES)[number];

export const FAILURE_ADVICE: Record<FailureCode, string> = {
  provider_rate_limited:
    'The provider is rate limiting us; the studio retries by itself. If it keeps failing, wait a few minutes or raise your quota.',
  provider_rejected_input:
    'The provider refused this request. Check the shot against the provider’s limits shown in the inspector, change it, and render again.',
  provider_not_configured:
    'The provider has no key or address set in this studio. Set the setting named in the error (environment or providers page), or choose another provider.',
  worker_not_configured:
    'The render worker that took this job has no key or address for the provider. Set the setting named in the error in the workers’ environment and restart them, or choose another provider.',
  provider_unavailable:
    'The provider is unreachable or failing. Check its status or your connection, then render again.',
  content_filtered:
    'The provider’s safety filter blocked the result. Rephrase the action or dialogue and render again.',
  timeout:
    'The work took longer than its time limit. Render again; if it keeps timing out, shorten the shot.',
  media_invalid:
    'A media file could not be read or was cut short. Render again; if the file was an upload, upload it again.',
  cancelled: 'The job was cancelled.',
  internal: 'Something went wrong inside the studio. Render again; if it repeats, report it with the job id.',
};

/** A failure with a typed code. `message` must never contain a key or secret. */
export class ProviderError extends Error {
  readonly code: FailureCode;
  /** Seconds to wait before retrying, from the provider's Retry-After when it sent one. */
  readonly retryAfterSeconds: number | null;
  readonly retryable: boolean;
  constructor(
    code: FailureCode,
    message: string,
    options: { retryAfterSeconds?: number | null; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'ProviderError';
    this.code = code;
    this.retryAfterSeconds = options.retryAfterSeconds ?? null;
    this.retryable =
      code === 'provider_rate_limited' || code === 'provider_unavailable' || code === 'timeout';
  }
}

export interface ImageInput {
  path: string;
  mime: string;
  sha256: string;
}

export type ReferenceKind = 'character' | 'environment' | 'style';

export interface ReferenceImage {
  kind: ReferenceKind;
  /** Whose reference: the character or environment key. */
  owner: string;
  image: ImageInput;
}

/** A line of speech already synthesised, placed on the shot's timeline. */
export interface PlacedSpeech {
  /** Character key, or null for narration. */
  character: string | null;
  text: string;
  path: string;
  startSeconds: number;
  durationSeconds: number;
}

/** The structured shot, for providers that draw from structure rather than from a prompt (local). */
export interface ShotContext {
  shotKey: string;
  /** The scene's seed: drives everything shared by the scene's shots (the environment plate). */
  sceneSeed: number;
  style: string;
  shotType: ShotType;
  camera: CameraMove;
  action: string;
  narration: string;
  dialogue: { character: string; text: string }[];
  environment: {
    key: string;
    name: string;
    location: string;
    identity: EnvironmentIdentity;
    context: EnvironmentContext;
    plate: ImageInput | null;
  } | null;
  characters: {
    key: string;
    name: string;
    identity: IdentityPair[];
    /** Default state merged with this shot's override. */
    state: CharacterState;
  }[];
  speech: PlacedSpeech[];
  /**
   * What the animatic writes on the picture (the project's setting); 'none' for providers that draw no
   * text, so changing it never makes their takes stale. Absent (jobs queued before it existed) means what
   * the animatic always wrote then: dialogue and action.
   */
  animaticText?: AnimaticText;
}

export interface VideoRequest {
  model: string;
  prompt: string;
  negativePrompt: string;
  durationSeconds: number;
  width: number;
  height: number;
  fps: number;
  aspectRatio: AspectRatio;
  seed: number | null;
  firstFrame: ImageInput | null;
  lastFrame: ImageInput | null;
  references: ReferenceImage[];
  shot: ShotContext;
}

export interface ProgressOptions {
  estimated?: boolean;
}

export interface JobContext {
  signal: AbortSignal;
  /**
   * Reports progress from 0 to 1. `estimated` marks a figure the studio made up from elapsed time because
   * the provider reports none: the editor shows it as an estimate, not as a measurement.
   */
  onProgress: (fraction: number, options?: ProgressOptions) => void;
  /** A folder the provider may write into; the result's path must be inside it. */
  workDir: string;
  /**
   * Receives a small JPEG of the picture being made, about once a second, for the shot card. Optional:
   * providers that cannot see their frames (cloud APIs) ignore it.
   */
  onPreview?: ((jpeg: Buffer) => void | Promise<void>) | null;
}

export interface VideoResult {
  path: string;
  /**
   * Where the provider drew every figure part and set piece (a TakeRegions JSON file inside the job's
   * folder): the local renderer's sidecar. Absent for providers that cannot know.
   */
  regionsPath?: string | null;
  mime: string;
  model: string;
  seedApplied: boolean;
  /** Whatever the user should know about this take (nearest duration used, reference dropped, ...). */
  notes: string[];
}

export type DurationRule = { kind: 'list'; seconds: number[] } | { kind: 'range'; min: number; max: number };

export interface VideoCapabilities {
  provider: string;
  model: string;
  label: string;
  durations: DurationRule;
  /** Allowed frame sizes, or null when any size is accepted. */
  sizes: { width: number; height: number }[] | null;
  aspectRatios: AspectRatio[];
  seed: boolean;
  firstFrame: boolean;
  lastFrame: boolean;
  referenceImages: { max: number; kinds: ReferenceKind[] };
  nativeAudio: boolean;
  maxPromptLength: number;
  /** Human-readable statements of combinations the model forbids. */
  exclusions: string[];
  /**
   * What a second of its video costs, from the provider's own published pricing (with where and when it was
   * read). null or absent: no published price was found, and spend counts it as unknown, never as zero.
   */
  price?: ModelPrice | null;
}

/** A model's price per second of video, in integer micro-dollars (1 USD = 1,000,000), with its source. */
export interface ModelPrice {
  microsPerSecond: number;
  /** The provider's own pricing page, or "self-hosted" for what runs on this studio's machines. */
  source: string;
  /** YYYY-MM-DD: when the source was read. */
  readOn: string;
  /** How the page states it, when that is not a plain rate per second. */
  note?: string;
}

export interface VideoProvider {
  id: string;
  label: string;
  /** True when its keys or endpoint are present; never says what they are. */
  configured(): boolean;
  models(): VideoCapabilities[];
  generate(request: VideoRequest, context: JobContext): Promise<VideoResult>;
  /**
   * One cheap authenticated call (the account, a list of models) to tell whether the settings work;
   * answers what it found in plain words, or throws the provider's error. Absent: no such call yet.
   */
  testConnection?(signal: AbortSignal): Promise<string>;
}

export interface SpeechRequest {
  text: string;
  voice: Voice;
}

export interface SpeechResult {
  path: string;
  mime: string;
  durationSeconds: number;
  /** Per-character or per-word timings when the provider returns them (ElevenLabs). */
  alignment: { text: string; startSeconds: number; endSeconds: number }[] | null;
}

export interface VoiceInfo {
  id: string;
  name: string;
  language: string | null;
}

export interface SpeechProvider {
  id: string;
  label: string;
  configured(): boolean;
  listVoices(): Promise<VoiceInfo[]>;
  /**
   * Whether the provider speaks a voice id, for providers whose ids are more than their list (espeak's
   * `language+variant`); without it, a voice is known when `listVoices` lists its id.
   */
  hasVoice?(voiceId: string): Promise<boolean>;
  synthesize(request: SpeechRequest, context: JobContext): Promise<SpeechResult>;
}
