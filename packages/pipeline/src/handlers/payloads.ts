import type {
  AspectRatio,
  AudioFitPolicy,
  FilmOptions,
  FitMode,
  PlacedLine,
  ReferenceKind,
  ShotContext,
  Voice,
} from '@ministudio/domain';

// What each job kind carries (payload) and leaves (result). Everything a job needs is in its payload
// or its dependencies' results, so a stateless worker on another machine can run it.

export interface FileRef {
  assetId: string;
  sha256: string;
  mime: string;
}

export interface SpeechPayload {
  provider: string;
  text: string;
  voice: Voice;
  /** Character key, or null for narration. */
  character: string | null;
  cacheKey: string;
}
export interface SpeechOutput {
  assetId: string;
  durationSeconds: number;
  cached: boolean;
}

export interface PicturePayload {
  takeId: string;
  provider: string;
  model: string;
  prompt: string;
  negativePrompt: string;
  /** Seconds, or 'speech' for as long as the lines need. */
  duration: number | 'speech';
  width: number;
  height: number;
  fps: number;
  aspectRatio: AspectRatio;
  seed: number;
  shot: Omit<ShotContext, 'speech' | 'environment'> & {
    environment: (Omit<NonNullable<ShotContext['environment']>, 'plate'> & { plate: FileRef | null }) | null;
  };
  references: { kind: ReferenceKind; owner: string; file: FileRef }[];
  /** Speech job ids in speaking order. */
  speechJobs: string[];
  /** Continue from the last frame of this clip (a stored take's video, or the fit job of the previous shot). */
  firstFrameFrom: { assetId: string } | { fitJob: string } | null;
}
export type { PlacedLine };
export interface PictureOutput {
  assetId: string;
  speechTrackAssetId: string | null;
  /** The provider's frame regions (TakeRegions JSON); absent in jobs from before the sidecar. */
  regionsAssetId?: string | null;
  lines: PlacedLine[];
  durationSeconds: number;
  model: string;
  seedApplied: boolean;
  nativeAudio: boolean;
  notes: string[];
}

export interface HouseSpec {
  width: number;
  height: number;
  fps: number;
  fitMode: FitMode;
}
export interface ConformPayload {
  house: HouseSpec;
}
export interface ConformOutput {
  assetId: string;
  durationSeconds: number;
  /** Already in the house format (the local renderer's clips): streams copied, not encoded again. */
  copied: boolean;
}

export interface FitPayload {
  policy: AudioFitPolicy;
}
export interface FitOutput {
  assetId: string;
  durationSeconds: number;
  applied: string;
  /** |audio end − video end| measured on the result, seconds. */
  residualSeconds: number;
  /** The provider's length when it differed from the shot's and the picture was trimmed or held. */
  retimedFromSeconds: number | null;
}

export type PreviewsPayload = Record<string, never>;
export interface PreviewsOutput {
  proxy: string;
  poster: string;
  filmstrip: string;
  waveform: string;
}

export interface FilmPayload {
  title: string;
  fps: number;
  /** The export's choices (absent in film jobs queued before export options: today's defaults). */
  options?: FilmOptions;
  /** A smaller picture (from the resolution preset), or null for the project's own size. */
  size?: { width: number; height: number } | null;
  shots: {
    videoAssetId: string;
    durationSeconds: number;
    scene: string;
    sceneKey: string;
    lines: PlacedLine[];
    speakers: Record<string, string>;
  }[];
}
export interface FilmOutput {
  assetId: string;
  durationSeconds: number;
  chapters: number;
  /** The dialogue and narration beside the film (absent in films made before the sidecars). */
  srtAssetId?: string;
  vttAssetId?: string;
}
