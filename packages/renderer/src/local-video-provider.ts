import path from 'node:path';
import {
  ASPECT_RATIOS,
  deriveShotSeed,
  type JobContext,
  MAX_SHOT_SECONDS,
  MIN_SHOT_SECONDS,
  ProviderError,
  SELF_HOSTED_PRICE,
  type VideoCapabilities,
  type VideoProvider,
  type VideoRequest,
  type VideoResult,
} from '@ministudio/domain';
import { isMediaError, toFailureCode } from '@ministudio/media';
import { layoutSetPieces, setPieceInputFor, unknownSetPieceNotes } from './plate/set-pieces';
import { PlateCache } from './plate/shot-plate';
import { renderShot } from './render-shot';

export const LOCAL_PROVIDER_ID = 'local';
export const ANIMATIC_MODEL = 'animatic-v1';

export interface LocalVideoProviderOptions {
  /** Draw the lower-third caption (action and the line being spoken). */
  captions: boolean;
  /**
   * x264 preset and CRF; null takes the media package's house defaults (veryfast, CRF 20), which also keeps
   * animatic clips in the same format as every other clip. Measured against ultrafast in docs/benchmarks.md.
   */
  preset: string | null;
  crf: number | null;
  /** How many environment plates to keep drawn in memory. */
  plateCacheSize: number;
}

export const DEFAULT_LOCAL_OPTIONS: LocalVideoProviderOptions = {
  captions: true,
  preset: null,
  crf: null,
  plateCacheSize: 8,
};

export const ANIMATIC_CAPABILITIES: VideoCapabilities = {
  provider: LOCAL_PROVIDER_ID,
  model: ANIMATIC_MODEL,
  label: 'Animatic (built in)',
  durations: { kind: 'range', min: MIN_SHOT_SECONDS, max: MAX_SHOT_SECONDS },
  sizes: null,
  aspectRatios: [...ASPECT_RATIOS],
  seed: true,
  firstFrame: false,
  lastFrame: false,
  referenceImages: { max: 1, kinds: ['environment'] },
  nativeAudio: true,
  maxPromptLength: 100_000,
  price: SELF_HOSTED_PRICE,
  exclusions: [
    'Draws from the shot’s structure; the first frame and character reference images are not used.',
  ],
};

/** The same shot and seed give the same file name, and so the same bytes. */
function outputName(request: VideoRequest, seed: number): string {
  const safe = request.shot.shotKey.replace(/[^a-zA-Z0-9_-]/g, '_').slice(0, 60);
  return `local-${safe}-${seed}-${request.width}x${request.height}-${request.fps}.mp4`;
}

/**
 * An environment reference image stands in as the locked plate when the environment has none of its own:
 * it is the one kind of reference this model takes.
 */
function withReferencePlate(request: VideoRequest): VideoRequest['shot'] {
  const env = request.shot.environment;
  if (!env || env.plate) return request.shot;
  const reference = request.references.find((r) => r.kind === 'environment' && r.owner === env.key);
  return reference ? { ...request.shot, environment: { ...env, plate: reference.image } } : request.shot;
}

/** The built-in provider: draws every shot as an animatic, offline and deterministic. */
export function createLocalVideoProvider(
  options: LocalVideoProviderOptions = DEFAULT_LOCAL_OPTIONS,
): VideoProvider {
  const plates = new PlateCache(options.plateCacheSize);
  return {
    id: LOCAL_PROVIDER_ID,
    label: 'Local animatic',
    configured: () => true,
    models: () => [ANIMATIC_CAPABILITIES],
    async generate(request: VideoRequest, context: JobContext): Promise<VideoResult> {
      if (request.model !== ANIMATIC_MODEL) {
        throw new ProviderError(
          'provider_rejected_input',
          `The local provider has no model "${request.model}".`,
        );
      }
      const { durationSeconds: d, width, height, fps } = request;
      if (!(d >= MIN_SHOT_SECONDS && d <= MAX_SHOT_SECONDS)) {
        throw new ProviderError(
          'provider_rejected_input',
          `Duration must be ${MIN_SHOT_SECONDS}–${MAX_SHOT_SECONDS} s.`,
        );
      }
      if (
        !Number.isInteger(width) ||
        !Number.isInteger(height) ||
        width % 2 ||
        height % 2 ||
        width < 16 ||
        height < 16
      ) {
        throw new ProviderError(
          'provider_rejected_input',
          `Frame size must be even whole numbers, got ${width}x${height}.`,
        );
      }
      if (!Number.isInteger(fps) || fps < 1 || fps > 120) {
        throw new ProviderError(
          'provider_rejected_input',
          `Frame rate must be a whole number from 1 to 120, got ${fps}.`,
        );
      }
      if (context.signal.aborted) throw new ProviderError('cancelled', 'The job was cancelled.');
      const seed = request.seed ?? deriveShotSeed(request.shot.sceneSeed, request.shot.shotKey);
      const notes: string[] = [];
      if (request.firstFrame)
        notes.push('The animatic draws from the shot’s structure; the first frame was not used.');
      try {
        const shot = withReferencePlate(request);
        const { plate } = await plates.plateFor(shot, width, height);
        // An uploaded plate is the user's picture: which set pieces it shows, and where, is not known.
        const setPieces = shot.environment?.plate ? [] : layoutSetPieces(setPieceInputFor(shot));
        // A drawn plate shows the words it has no drawing for as labelled shapes: say which.
        notes.push(...unknownSetPieceNotes(setPieces));
        const result = await renderShot({
          shot,
          width,
          height,
          fps,
          durationSeconds: d,
          seed,
          plate,
          output: path.join(context.workDir, outputName(request, seed)),
          captions: options.captions,
          setPieces,
          preset: options.preset,
          crf: options.crf,
          signal: context.signal,
          onProgress: context.onProgress,
          onPreview: context.onPreview ?? null,
        });
        return {
          path: result.path,
          regionsPath: result.regionsPath,
          mime: 'video/mp4',
          model: ANIMATIC_MODEL,
          seedApplied: true,
          notes: [...notes, ...result.notes],
        };
      } catch (error) {
        if (error instanceof ProviderError) throw error;
        if (context.signal.aborted)
          throw new ProviderError('cancelled', 'The job was cancelled.', { cause: error });
        const code = isMediaError(error) ? toFailureCode(error) : 'internal';
        throw new ProviderError(
          code,
          `The local renderer failed: ${error instanceof Error ? error.message : String(error)}`,
          {
            cause: error,
          },
        );
      }
    },
  };
}
