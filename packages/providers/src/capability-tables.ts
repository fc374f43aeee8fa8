import type { AspectRatio, VideoCapabilities } from '@ministudio/domain';
import { defineModel, type ModelSpec } from './model-spec';

// Every provider model's limits in one table, so a change at a provider is one edit here.
// Sources are the provider SDKs and documentation; where a limit was not published the entry says
// "assumed" beside it, and the package README lists it under its assumptions.

const LANDSCAPE_PORTRAIT: AspectRatio[] = ['16:9', '9:16'];
const VEO_SIZES = [
  { width: 1280, height: 720 },
  { width: 720, height: 1280 },
  { width: 1920, height: 1080 },
  { width: 1080, height: 1920 },
];
// Veo publishes a token limit, not characters; 4,000 characters stays well inside it (assumed).
const VEO_PROMPT_CHARS = 4000;
const VEO_31_RULES = [
  { kind: 'references_require_duration', seconds: 8 },
  { kind: 'references_exclude_first_frame' },
  { kind: 'references_exclude_last_frame' },
  { kind: 'last_frame_requires_first_frame' },
  { kind: 'height_requires_duration', minHeight: 1080, seconds: 8 },
] as const;

function veo(provider: string, model: string, label: string, seed: boolean, references: number): ModelSpec {
  return defineModel(
    {
      provider,
      model,
      label,
      durations: { kind: 'list', seconds: [4, 6, 8] },
      sizes: VEO_SIZES,
      aspectRatios: LANDSCAPE_PORTRAIT,
      seed,
      firstFrame: true,
      lastFrame: true,
      referenceImages: { max: references, kinds: references > 0 ? ['character', 'environment'] : [] },
      nativeAudio: true,
      maxPromptLength: VEO_PROMPT_CHARS,
      notes: seed ? [] : ['The Gemini API takes no seed: takes of the same shot differ.'],
    },
    [...VEO_31_RULES],
    null,
  );
}

export const GEMINI_VEO_MODELS: ModelSpec[] = [
  veo('gemini-veo', 'veo-3.1-generate-preview', 'Veo 3.1 (Gemini API)', false, 3),
  // Reference images on the fast variant are not documented for the Gemini API (assumed none).
  veo('gemini-veo', 'veo-3.1-fast-generate-preview', 'Veo 3.1 Fast (Gemini API)', false, 0),
];

export const VERTEX_VEO_MODELS: ModelSpec[] = [
  veo('vertex-veo', 'veo-3.1-generate-001', 'Veo 3.1 (Vertex AI)', true, 3),
  veo('vertex-veo', 'veo-3.1-fast-generate-001', 'Veo 3.1 Fast (Vertex AI)', true, 3),
];

export const RUNWAY_MODELS: ModelSpec[] = [
  defineModel(
    {
      provider: 'runway',
      model: 'gen4.5',
      label: 'Runway Gen-4.5',
      durations: { kind: 'range', min: 2, max: 10 },
      sizes: [
        { width: 1280, height: 720 },
        { width: 720, height: 1280 },
      ],
      aspectRatios: LANDSCAPE_PORTRAIT,
      seed: true,
      firstFrame: true,
      lastFrame: false,
      referenceImages: { max: 0, kinds: [] },
      nativeAudio: false,
      maxPromptLength: 1000,
    },
    [],
    1,
  ),
  defineModel(
    {
      provider: 'runway',
      model: 'veo3.1',
      label: 'Veo 3.1 (Runway)',
      durations: { kind: 'list', seconds: [4, 6, 8] },
      sizes: VEO_SIZES,
      aspectRatios: LANDSCAPE_PORTRAIT,
      seed: false,
      firstFrame: true,
      lastFrame: true,
      referenceImages: { max: 0, kinds: [] },
      nativeAudio: true,
      maxPromptLength: 1000,
    },
    [{ kind: 'last_frame_requires_first_frame' }],
    null,
  ),
];

export const LUMA_MODELS: ModelSpec[] = ['ray-2', 'ray-flash-2'].map((model) =>
  defineModel(
    {
      provider: 'luma',
      model,
      label: model === 'ray-2' ? 'Luma Ray 2' : 'Luma Ray Flash 2',
      durations: { kind: 'list', seconds: [5, 9] },
      sizes: null,
      aspectRatios: ['16:9', '9:16', '1:1'],
      seed: false,
      firstFrame: true,
      lastFrame: true,
      referenceImages: { max: 0, kinds: [] },
      nativeAudio: false,
      // Not published (assumed).
      maxPromptLength: 2000,
    },
    [],
    null,
  ),
);

export const REPLICATE_MODELS: ModelSpec[] = [
  defineModel(
    {
      provider: 'replicate',
      model: 'google/veo-3-fast',
      label: 'Veo 3 Fast (Replicate)',
      // 8 s only (assumed).
      durations: { kind: 'list', seconds: [8] },
      sizes: VEO_SIZES,
      aspectRatios: LANDSCAPE_PORTRAIT,
      seed: true,
      firstFrame: true,
      lastFrame: false,
      referenceImages: { max: 0, kinds: [] },
      nativeAudio: true,
      maxPromptLength: VEO_PROMPT_CHARS,
    },
    [],
    null,
  ),
  defineModel(
    {
      provider: 'replicate',
      model: 'minimax/video-01',
      label: 'MiniMax Video-01 (Replicate)',
      durations: { kind: 'list', seconds: [6] },
      sizes: [{ width: 1280, height: 720 }],
      aspectRatios: ['16:9'],
      seed: false,
      firstFrame: true,
      lastFrame: false,
      // subject_reference: one image of the character to keep (S2V-01).
      referenceImages: { max: 1, kinds: ['character'] },
      nativeAudio: false,
      maxPromptLength: 2000,
      notes: ['One character reference image (subject reference).'],
    },
    [{ kind: 'references_exclude_first_frame' }],
    null,
  ),
];

export const FAL_MODELS: ModelSpec[] = [
  defineModel(
    {
      provider: 'fal',
      model: 'fal-ai/kling-video/v2.1/master',
      label: 'Kling 2.1 Master (fal)',
      durations: { kind: 'list', seconds: [5, 10] },
      sizes: null,
      aspectRatios: ['16:9', '9:16', '1:1'],
      seed: false,
      firstFrame: true,
      lastFrame: false,
      referenceImages: { max: 0, kinds: [] },
      nativeAudio: false,
      maxPromptLength: 2500,
    },
    [],
    null,
  ),
];

export function capabilitiesOf(specs: ModelSpec[]): VideoCapabilities[] {
  return specs.map((s) => s.capabilities);
}

export function findSpec(specs: ModelSpec[], model: string): ModelSpec | null {
  return specs.find((s) => s.capabilities.model === model) ?? null;
}
