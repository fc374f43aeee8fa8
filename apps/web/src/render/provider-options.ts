import type { DurationRule, ProviderDescription, VideoCapabilities } from '@ministudio/domain';

// Provider choices and capability wording. Pure: tested without a DOM.

export interface ProviderOption {
  value: string;
  label: string;
  disabled: boolean;
}

export interface ProviderGroup {
  label: string;
  options: ProviderOption[];
}

/**
 * Video providers as select groups: the provider itself (its default model) and, when it has several,
 * each "provider:model". Unconfigured ones are shown but cannot be picked (a render would fail), except
 * the current value, which always stays visible and selected.
 */
export function providerGroups(providers: readonly ProviderDescription[], current: string): ProviderGroup[] {
  const groups: ProviderGroup[] = [];
  const values = new Set<string>();
  for (const p of providers) {
    if (p.kind !== 'video') continue;
    const options: ProviderOption[] = [
      { value: p.id, label: p.models.length > 1 ? `${p.label} (default model)` : p.label, disabled: false },
    ];
    if (p.models.length > 1)
      for (const m of p.models)
        options.push({ value: `${p.id}:${m.model}`, label: m.label, disabled: false });
    for (const o of options) {
      o.disabled = !p.configured && o.value !== current;
      values.add(o.value);
    }
    groups.push({ label: p.configured ? p.label : `${p.label} — not configured`, options });
  }
  if (current !== '' && !values.has(current))
    groups.unshift({
      label: 'Unknown',
      options: [{ value: current, label: `${current} (unknown provider)`, disabled: false }],
    });
  return groups;
}

export function formatDurations(rule: DurationRule): string {
  if (rule.kind === 'list') return rule.seconds.map((s) => `${s} s`).join(', ');
  return `${rule.min}–${rule.max} s`;
}

export function formatSizes(caps: Pick<VideoCapabilities, 'sizes' | 'aspectRatios'>): string {
  const aspects = caps.aspectRatios.join(', ');
  if (!caps.sizes) return `any size (${aspects})`;
  return `${caps.sizes.map((s) => `${s.width}×${s.height}`).join(', ')} (${aspects})`;
}

export function formatReferences(caps: Pick<VideoCapabilities, 'referenceImages'>): string {
  const { max, kinds } = caps.referenceImages;
  if (max === 0) return 'none';
  return `up to ${max} (${kinds.join(', ')})`;
}

/** "A and B" alternatives of what must be set: [["A"],["B","C"]] → "A, or B and C". */
export function formatRequired(required: readonly (readonly string[])[]): string {
  if (required.length === 0) return 'nothing: built in';
  return required.map((alt) => alt.join(' and ')).join(', or ');
}
