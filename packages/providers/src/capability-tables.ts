import type { AspectRatio, ModelPrice, VideoCapabilities } from '@ministudio/domain';
import { defineModel, type ModelSpec } from './model-spec';

// Every provider model's limits in one table, so a change at a provider is one edit here.
// Sources are the provider SDKs and documentation; where a limit was not published the entry says
// "assumed" beside it, and the package README lists it under its assumptions.
//
// Prices: only what the provider's OWN published pricing says, with the page and the day it was read.
// Where no such page could be read (this studio was built offline, from stored copies of public pages),
// the price is null: spend shows "price unknown — not counted" rather than a figure nobody published.
// Resellers' and blogs' numbers are not the provider's price and are not used. An owner who knows the
// price sets it in providers.json ("prices", see config.ts).

/**
 * fal's own model page: "For 5s video your request will cost $1.40. For every additional second you will
 * be charged $0.28" — $0.28 a second, whether 5 or 10 s.
 */
const FAL_KLING_21_MASTER_PRICE: ModelPrice = {
  microsPerSecond: 280_000,
  source: 'https://fal.ai/models/fal-ai/kling-video/v2.1/master/image-to-video/llms.txt',
  readOn: '2026-12-04',
  note: '$1.40 for 5 s, $0.28 for every further second.',
};

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
      // Google's own pricing page (ai.google.dev/gemini-api/docs/pricing, cloud.google.com/vertex-ai/pricing)
      // was not among the stored pages; only resellers' figures were. Unknown until set in providers.json.
      price: null,
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
      // Runway's own API reference (github.com/runwayml/skills, skills/rw-api-reference/SKILL.md) gives
      // 12 credits a second, but no page of Runway's that was readable says what a credit costs in dollars.
      price: null,
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
      // Runway's reference gives "20-40" credits a second (no single rate), and no dollar value of a credit.
      price: null,
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
      // Luma's own API pricing page (lumalabs.ai/api/pricing) was not among the stored pages.
      price: null,
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
      // replicate.com/google/veo-3-fast (its price) was not among the stored pages.
      price: null,
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
      // replicate.com/minimax/video-01 (its price) was not among the stored pages.
      price: null,
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
      price: FAL_KLING_21_MASTER_PRICE,
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
