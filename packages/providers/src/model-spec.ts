import type { VideoCapabilities } from '@ministudio/domain';

/**
 * Combinations a model forbids, as data: checkRequest enforces them and the same entry yields the
 * human sentence in VideoCapabilities.exclusions, so the two cannot disagree.
 */
export type ExclusionRule =
  | { kind: 'references_require_duration'; seconds: number }
  | { kind: 'references_exclude_first_frame' }
  | { kind: 'references_exclude_last_frame' }
  | { kind: 'last_frame_requires_first_frame' }
  | { kind: 'height_requires_duration'; minHeight: number; seconds: number };

export function describeRule(rule: ExclusionRule): string {
  switch (rule.kind) {
    case 'references_require_duration':
      return `Reference images require a ${rule.seconds} s clip.`;
    case 'references_exclude_first_frame':
      return 'No first frame together with reference images.';
    case 'references_exclude_last_frame':
      return 'No last frame together with reference images.';
    case 'last_frame_requires_first_frame':
      return 'A last frame needs a first frame too.';
    case 'height_requires_duration':
      return `Sizes of ${rule.minHeight}p and above require a ${rule.seconds} s clip.`;
  }
}

export interface ModelSpec {
  capabilities: VideoCapabilities;
  rules: ExclusionRule[];
  /** Durations a range accepts are multiples of this (most APIs take whole seconds); null = any. */
  durationStep: number | null;
}

const specs = new Map<string, ModelSpec>();
const keyOf = (provider: string, model: string) => `${provider}\u0000${model}`;

/** Builds a model's capabilities from its table entry and records its rules for checkRequest. */
export function defineModel(
  capabilities: Omit<VideoCapabilities, 'exclusions'> & { notes?: string[] },
  rules: ExclusionRule[],
  durationStep: number | null,
): ModelSpec {
  const { notes, ...rest } = capabilities;
  const spec: ModelSpec = {
    capabilities: { ...rest, exclusions: [...rules.map(describeRule), ...(notes ?? [])] },
    rules,
    durationStep,
  };
  specs.set(keyOf(rest.provider, rest.model), spec);
  return spec;
}

export function modelSpecFor(provider: string, model: string): ModelSpec | null {
  return specs.get(keyOf(provider, model)) ?? null;
}
