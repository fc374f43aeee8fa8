import type {
  AspectRatio,
  ReferenceKind,
  VideoCapabilities,
  VideoRequest,
  Violation,
} from '@ministudio/domain';
import { type ExclusionRule, modelSpecFor } from './model-spec';

export interface CapabilityCheckInput {
  durationSeconds: number;
  width: number;
  height: number;
  aspectRatio: AspectRatio;
  wantsSeed: boolean;
  firstFrame: boolean;
  lastFrame: boolean;
  references: { kind: ReferenceKind }[];
  promptLength: number;
}

export type AdjustedValue = number | string | boolean | null;

export interface Adjustment {
  constraint: string;
  field: string;
  requested: AdjustedValue;
  applied: AdjustedValue;
  /** What the take records, e.g. "Generated at 6 s (5.2 s is not offered); fitted to the shot." */
  note: string;
}

export interface CheckResult {
  violations: Violation[];
  adjustments: Adjustment[];
}

/** How far past the longest clip a shot may run and still be fitted rather than split. */
const STRETCH_TOLERANCE = 1.25;

const fmt = (s: number) => `${Number(s.toFixed(2))} s`;

/** Nearest allowed duration; on a tie the longer one, since trimming loses nothing. */
export function nearestDuration(
  rule: VideoCapabilities['durations'],
  seconds: number,
  step: number | null,
): number {
  if (rule.kind === 'range') {
    const clamped = Math.min(rule.max, Math.max(rule.min, seconds));
    if (step === null) return clamped;
    const snapped = Math.round(clamped / step) * step;
    return Math.min(rule.max, Math.max(rule.min, snapped));
  }
  let best = rule.seconds[0] ?? seconds;
  for (const candidate of rule.seconds) {
    const d = Math.abs(candidate - seconds);
    const bestD = Math.abs(best - seconds);
    if (d < bestD - 1e-9 || (Math.abs(d - bestD) <= 1e-9 && candidate > best)) best = candidate;
  }
  return best;
}

function longestDuration(rule: VideoCapabilities['durations']): number {
  return rule.kind === 'range' ? rule.max : Math.max(...rule.seconds);
}

function describeDurations(rule: VideoCapabilities['durations']): string {
  return rule.kind === 'range'
    ? `${fmt(rule.min)} to ${fmt(rule.max)}`
    : rule.seconds.map((s) => fmt(s)).join(', ');
}

/**
 * Checks a shot against a model's table before it is queued. Violations make the request impossible
 * and say how to fix it; adjustments are what the provider will do instead and the take records.
 */
export function checkRequest(capabilities: VideoCapabilities, request: CapabilityCheckInput): CheckResult {
  const violations: Violation[] = [];
  const adjustments: Adjustment[] = [];
  const spec = modelSpecFor(capabilities.provider, capabilities.model);
  const rules: ExclusionRule[] = spec?.rules ?? [];
  const step = spec?.durationStep ?? null;
  const label = capabilities.label;

  if (!capabilities.aspectRatios.includes(request.aspectRatio)) {
    violations.push({
      constraint: 'aspect_ratio',
      field: 'aspectRatio',
      message: `${label} does not make ${request.aspectRatio} video.`,
      fix: `Use ${capabilities.aspectRatios.join(' or ')} for this project, or choose another model.`,
    });
  }

  let height = request.height;
  if (capabilities.sizes !== null && violations.length === 0) {
    const exact = capabilities.sizes.some((s) => s.width === request.width && s.height === request.height);
    if (!exact) {
      const ratio = request.width / request.height;
      const sameShape = capabilities.sizes
        .filter((s) => Math.abs(s.width / s.height - ratio) < 0.02)
        .sort((a, b) => Math.abs(a.height - request.height) - Math.abs(b.height - request.height));
      const pick = sameShape[0];
      if (pick === undefined) {
        violations.push({
          constraint: 'size',
          field: 'size',
          message: `${label} makes no ${request.width}x${request.height} video nor any of that shape.`,
          fix: `Use one of ${capabilities.sizes.map((s) => `${s.width}x${s.height}`).join(', ')}.`,
        });
      } else {
        height = pick.height;
        adjustments.push({
          constraint: 'size',
          field: 'size',
          requested: `${request.width}x${request.height}`,
          applied: `${pick.width}x${pick.height}`,
          note: `Generated at ${pick.width}x${pick.height} and scaled to ${request.width}x${request.height}.`,
        });
      }
    }
  }

  const longest = longestDuration(capabilities.durations);
  let duration = request.durationSeconds;
  if (request.durationSeconds > longest * STRETCH_TOLERANCE) {
    violations.push({
      constraint: 'duration_too_long',
      field: 'duration',
      message: `${fmt(request.durationSeconds)} is longer than the ${fmt(longest)} clips ${label} makes.`,
      fix: `Split the shot into shots of at most ${fmt(longest)}, or choose a model that makes longer clips.`,
    });
  } else {
    duration = nearestDuration(capabilities.durations, request.durationSeconds, step);
    if (Math.abs(duration - request.durationSeconds) > 1e-6) {
      adjustments.push({
        constraint: 'duration',
        field: 'duration',
        requested: request.durationSeconds,
        applied: duration,
        note: `Generated at ${fmt(duration)} (${label} offers ${describeDurations(capabilities.durations)}) and fitted to the shot's ${fmt(request.durationSeconds)}.`,
      });
    }
  }

  const accepted = capabilities.referenceImages;
  let references = request.references;
  if (references.length > 0 && accepted.max === 0) {
    adjustments.push({
      constraint: 'references_unsupported',
      field: 'references',
      requested: references.length,
      applied: 0,
      note: `${label} takes no reference images: identity rests on the prompt alone.`,
    });
    references = [];
  } else if (references.length > 0) {
    const usable = references.filter((r) => accepted.kinds.includes(r.kind));
    const dropped = references.length - usable.length;
    if (dropped > 0) {
      const kinds = [
        ...new Set(references.filter((r) => !accepted.kinds.includes(r.kind)).map((r) => r.kind)),
      ];
      adjustments.push({
        constraint: 'reference_kind',
        field: 'references',
        requested: references.length,
        applied: usable.length,
        note: `${label} takes no ${kinds.join(' or ')} references: ${dropped} left out.`,
      });
    }
    references = usable;
    if (references.length > accepted.max) {
      violations.push({
        constraint: 'references_count',
        field: 'references',
        message: `${references.length} reference images; ${label} takes at most ${accepted.max}.`,
        fix: `Keep at most ${accepted.max} (${accepted.kinds.join(', ')}) references for this shot.`,
      });
    }
  }
  const hasReferences = references.length > 0;

  if (request.firstFrame && !capabilities.firstFrame) {
    violations.push({
      constraint: 'first_frame',
      field: 'continuity',
      message: `${label} cannot start from a given first frame.`,
      fix: 'Turn off continuity from the previous shot, or choose a model that takes a first frame.',
    });
  }
  if (request.lastFrame && !capabilities.lastFrame) {
    violations.push({
      constraint: 'last_frame',
      field: 'continuity',
      message: `${label} cannot end on a given last frame.`,
      fix: 'Remove the end frame from this shot, or choose a model that takes a last frame.',
    });
  }

  for (const rule of rules) {
    switch (rule.kind) {
      case 'references_exclude_first_frame':
        if (hasReferences && request.firstFrame) {
          violations.push({
            constraint: 'references_with_first_frame',
            field: 'continuity',
            message: `${label} cannot take reference images and a first frame together.`,
            fix: 'Choose one: turn off continuity from the previous shot (keeps identity references), or remove the reference images (keeps the first frame).',
          });
        }
        break;
      case 'references_exclude_last_frame':
        if (hasReferences && request.lastFrame) {
          violations.push({
            constraint: 'references_with_last_frame',
            field: 'continuity',
            message: `${label} cannot take reference images and a last frame together.`,
            fix: 'Remove the end frame, or remove the reference images from this shot.',
          });
        }
        break;
      case 'last_frame_requires_first_frame':
        if (request.lastFrame && !request.firstFrame) {
          violations.push({
            constraint: 'last_frame_without_first_frame',
            field: 'continuity',
            message: `${label} needs a first frame when given a last frame.`,
            fix: 'Turn on continuity from the previous shot, or remove the end frame.',
          });
        }
        break;
      case 'references_require_duration':
        if (hasReferences && duration !== rule.seconds && !violations.some((v) => v.field === 'duration')) {
          violations.push({
            constraint: 'references_duration',
            field: 'duration',
            message: `${label} takes reference images only for ${fmt(rule.seconds)} clips; this shot is ${fmt(request.durationSeconds)}.`,
            fix: `Make the shot about ${fmt(rule.seconds)} long, or remove its reference images.`,
          });
        }
        break;
      case 'height_requires_duration':
        if (
          height >= rule.minHeight &&
          duration !== rule.seconds &&
          !violations.some((v) => v.field === 'duration')
        ) {
          violations.push({
            constraint: 'size_duration',
            field: 'duration',
            message: `${label} makes ${rule.minHeight}p only as ${fmt(rule.seconds)} clips; this shot is ${fmt(request.durationSeconds)}.`,
            fix: `Make the shot about ${fmt(rule.seconds)} long, or render the project below ${rule.minHeight}p.`,
          });
        }
        break;
    }
  }

  if (request.wantsSeed && !capabilities.seed) {
    adjustments.push({
      constraint: 'seed_unsupported',
      field: 'seed',
      requested: true,
      applied: null,
      note: `${label} takes no seed: this take cannot be reproduced exactly.`,
    });
  }

  if (request.promptLength > capabilities.maxPromptLength) {
    violations.push({
      constraint: 'prompt_length',
      field: 'prompt',
      message: `The prompt is ${request.promptLength} characters; ${label} takes at most ${capabilities.maxPromptLength}.`,
      fix: 'Shorten the action, dialogue or character descriptions of this shot.',
    });
  }

  return { violations, adjustments };
}

export function checkInputOf(request: VideoRequest): CapabilityCheckInput {
  return {
    durationSeconds: request.durationSeconds,
    width: request.width,
    height: request.height,
    aspectRatio: request.aspectRatio,
    wantsSeed: request.seed !== null,
    firstFrame: request.firstFrame !== null,
    lastFrame: request.lastFrame !== null,
    references: request.references.map((r) => ({ kind: r.kind })),
    promptLength: request.prompt.length,
  };
}

/** The request as the provider will receive it once adjustments are applied. */
export function applyAdjustments(
  capabilities: VideoCapabilities,
  request: VideoRequest,
  adjustments: Adjustment[],
): VideoRequest {
  let out = { ...request };
  for (const a of adjustments) {
    if (a.constraint === 'duration' && typeof a.applied === 'number')
      out = { ...out, durationSeconds: a.applied };
    if (a.constraint === 'size' && typeof a.applied === 'string') {
      const [w, h] = a.applied.split('x').map(Number);
      out = { ...out, width: w ?? out.width, height: h ?? out.height };
    }
    if (a.constraint === 'seed_unsupported') out = { ...out, seed: null };
    if (a.constraint === 'references_unsupported') out = { ...out, references: [] };
    if (a.constraint === 'reference_kind') {
      out = {
        ...out,
        references: out.references.filter((r) => capabilities.referenceImages.kinds.includes(r.kind)),
      };
    }
  }
  return out;
}
