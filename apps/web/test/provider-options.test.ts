import type { ProviderDescription, VideoCapabilities } from '@ministudio/domain';
import { describe, expect, it } from 'vitest';
import {
  formatDurations,
  formatReferences,
  formatRequired,
  formatSizes,
  providerGroups,
} from '../src/render/provider-options';

const caps = (model: string, label: string): VideoCapabilities => ({
  provider: 'p',
  model,
  label,
  durations: { kind: 'list', seconds: [4, 6, 8] },
  sizes: [{ width: 1280, height: 720 }],
  aspectRatios: ['16:9'],
  seed: false,
  firstFrame: true,
  lastFrame: false,
  referenceImages: { max: 3, kinds: ['character', 'style'] },
  nativeAudio: true,
  maxPromptLength: 1024,
  exclusions: [],
});

const provider = (id: string, configured: boolean, models: VideoCapabilities[]): ProviderDescription => ({
  id,
  label: id.toUpperCase(),
  kind: 'video',
  configured,
  models,
  settings: [],
  required: [],
});

describe('providerGroups', () => {
  const providers = [
    provider('local', true, [caps('animatic-v1', 'Animatic')]),
    provider('veo', false, [caps('fast', 'Veo fast'), caps('pro', 'Veo pro')]),
    { ...provider('espeak', true, []), kind: 'speech' as const },
  ];

  it('lists video providers, with each model when there are several, unconfigured ones disabled', () => {
    const groups = providerGroups(providers, '');
    expect(groups.map((g) => g.label)).toEqual(['LOCAL', 'VEO — not configured']);
    expect(groups[0]!.options).toEqual([{ value: 'local', label: 'LOCAL', disabled: false }]);
    expect(groups[1]!.options.map((o) => [o.value, o.disabled])).toEqual([
      ['veo', true],
      ['veo:fast', true],
      ['veo:pro', true],
    ]);
  });

  it('keeps the current value selectable, even unconfigured or unknown', () => {
    expect(
      providerGroups(providers, 'veo:pro')[1]!.options.find((o) => o.value === 'veo:pro')!.disabled,
    ).toBe(false);
    const unknown = providerGroups(providers, 'gone');
    expect(unknown[0]).toEqual({
      label: 'Unknown',
      options: [{ value: 'gone', label: 'gone (unknown provider)', disabled: false }],
    });
  });
});

describe('capability wording', () => {
  it('formats durations, sizes, references and requirements', () => {
    expect(formatDurations({ kind: 'list', seconds: [4, 8] })).toBe('4 s, 8 s');
    expect(formatDurations({ kind: 'range', min: 0.5, max: 120 })).toBe('0.5–120 s');
    expect(formatSizes({ sizes: null, aspectRatios: ['16:9', '1:1'] })).toBe('any size (16:9, 1:1)');
    expect(formatSizes(caps('m', 'M'))).toBe('1280×720 (16:9)');
    expect(formatReferences(caps('m', 'M'))).toBe('up to 3 (character, style)');
    expect(formatReferences({ referenceImages: { max: 0, kinds: [] } })).toBe('none');
    expect(formatRequired([])).toBe('nothing: built in');
    expect(formatRequired([['A'], ['B', 'C']])).toBe('A, or B and C');
  });
});
