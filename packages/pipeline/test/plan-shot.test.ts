import {
  ANIMATIC_TEXT,
  type AnimaticText,
  type ProjectView,
  type VideoCapabilities,
} from '@ministudio/domain';
import { describe, expect, it } from 'vitest';
import { estimatedSpeechShotSeconds, PlanCache, type ProviderLookup, planShot, speechCacheKey } from '../src';

const voice = { provider: 'espeak', voiceId: 'en-us', rate: 1, pitch: 0 };
const asset = (id: string) => ({
  id,
  kind: 'image',
  mime: 'image/png',
  bytes: 10,
  sha256: id.repeat(64).slice(0, 64),
  width: 10,
  height: 10,
  durationSeconds: null,
  name: `${id}.png`,
  url: '',
  thumbnailUrl: null,
});

function project(): ProjectView {
  const shot = (id: string, key: string, extra: object = {}) => ({
    id,
    key,
    sceneId: 's1',
    shotType: 'medium' as const,
    action: 'Emma types',
    camera: 'static' as const,
    duration: 8 as number | 'speech',
    dialogue: [{ character: 'emma', text: 'Hello there' }],
    narration: '',
    cast: [{ character: 'emma', state: { expression: 'happy' } }],
    continuity: true,
    seed: null,
    provider: null,
    audioFit: 'auto' as const,
    effectiveSeed: 42,
    chosenTakeId: null,
    ...extra,
  });
  return {
    id: 'p',
    version: 1,
    createdAt: '',
    updatedAt: '',
    title: 'T',
    aspectRatio: '16:9',
    width: 1280,
    height: 720,
    fps: 24,
    style: 'ghibli',
    negativePrompt: '',
    defaultProvider: 'veo',
    fitMode: 'letterbox',
    narrationVoice: voice,
    animaticText: 'none' as AnimaticText,
    characters: [
      {
        id: 'c1',
        key: 'emma',
        name: 'Emma',
        identity: [{ key: 'outfit', value: 'blue sweater' }],
        defaultState: { expression: 'neutral' },
        voice,
        references: [asset('a')],
      },
    ],
    environments: [
      {
        id: 'e1',
        key: 'atelier',
        name: 'Atelier',
        location: '',
        identity: { architecture: '', fixedElements: ['desk'], palette: [] },
        context: { lighting: '', weather: '', timeOfDay: '' },
        references: [],
        plate: asset('b'),
      },
    ],
    scenes: [
      {
        id: 's1',
        key: 'scene',
        title: '',
        mood: '',
        seed: 7,
        environmentId: 'e1',
        shots: [shot('x1', 'one'), shot('x2', 'two')],
      },
    ],
  };
}

const veo: VideoCapabilities = {
  provider: 'veo',
  model: 'veo-3.1',
  label: 'Veo',
  durations: { kind: 'list', seconds: [4, 6, 8] },
  sizes: null,
  aspectRatios: ['16:9', '9:16'],
  seed: false,
  firstFrame: true,
  lastFrame: true,
  referenceImages: { max: 3, kinds: ['character', 'environment'] },
  nativeAudio: true,
  maxPromptLength: 4000,
  exclusions: ['no first frame together with reference images'],
};
const lookup = (caps: VideoCapabilities | null, unconfigured: string[] = []): ProviderLookup => ({
  capabilities: () => caps,
  missingSettings: (provider) => (unconfigured.includes(provider) ? `${provider.toUpperCase()}_KEY` : null),
});

describe('planShot', () => {
  it('carries identity references and the locked plate to the provider', () => {
    const p = project();
    const plan = planShot(p, p.scenes[0]!, p.scenes[0]!.shots[0]!, lookup(veo));
    expect(plan.picture.references.map((r) => [r.kind, r.owner])).toEqual([
      ['character', 'emma'],
      ['environment', 'atelier'],
    ]);
    expect(plan.picture.shot.characters[0]!.state).toEqual({ expression: 'happy' });
    expect(plan.lines[0]!.payload.cacheKey).toBe(speechCacheKey('espeak', voice, 'Hello there'));
    expect(plan.notes.join(' ')).toMatch(/seed 42 could not be applied/);
  });

  it('never drops references for continuity: it refuses the combination the provider forbids, before queueing', () => {
    const p = project();
    const forbidding = { ...veo, exclusions: ['no first frame together with reference images'] };
    const second = planShot(p, p.scenes[0]!, p.scenes[0]!.shots[1]!, lookup(forbidding));
    expect(second.chained).toBe(true);
    expect(second.picture.references).toHaveLength(2);
    // Whether the table forbids it is the provider package's call; the plan asked with both.
    const first = planShot(p, p.scenes[0]!, p.scenes[0]!.shots[0]!, lookup(forbidding));
    expect(first.chained).toBe(false);
  });

  it('refuses an unknown provider and a speech-length shot without speech', () => {
    const p = project();
    const shot = { ...p.scenes[0]!.shots[0]!, duration: 'speech' as const, dialogue: [] };
    const plan = planShot(p, p.scenes[0]!, shot, lookup(null));
    expect(plan.violations.map((v) => v.constraint)).toEqual(['provider', 'duration_follows_silence']);
  });

  it('keys the take cache on what shapes the picture', () => {
    const p = project();
    const base = planShot(p, p.scenes[0]!, p.scenes[0]!.shots[0]!, lookup(veo)).inputHash;
    expect(planShot(p, p.scenes[0]!, p.scenes[0]!.shots[0]!, lookup(veo)).inputHash).toBe(base);
    const edited = { ...p.scenes[0]!.shots[0]!, action: 'Emma sighs' };
    expect(planShot(p, p.scenes[0]!, edited, lookup(veo)).inputHash).not.toBe(base);
    const recoloured = project();
    recoloured.characters[0]!.identity = [{ key: 'outfit', value: 'red sweater' }];
    expect(
      planShot(recoloured, recoloured.scenes[0]!, recoloured.scenes[0]!.shots[0]!, lookup(veo)).inputHash,
    ).not.toBe(base);
  });

  it('keys the animatic’s takes on what it writes on the picture, and no other provider’s', () => {
    const local: VideoCapabilities = { ...veo, provider: 'local', model: 'animatic-v1', seed: true };
    const planned = (animaticText: AnimaticText, provider: string, caps: VideoCapabilities) => {
      const p = { ...project(), animaticText, defaultProvider: provider };
      return planShot(p, p.scenes[0]!, p.scenes[0]!.shots[0]!, lookup(caps));
    };
    const hashes = ANIMATIC_TEXT.map((mode) => planned(mode, 'local', local).inputHash);
    expect(new Set(hashes).size).toBe(3);
    expect(planned('dialogue', 'local', local).picture.shot.animaticText).toBe('dialogue');
    // A cloud provider draws no text: its takes stay fresh whatever the setting.
    expect(new Set(ANIMATIC_TEXT.map((mode) => planned(mode, 'veo', veo).inputHash)).size).toBe(1);
    expect(planned('dialogue', 'veo', veo).picture.shot.animaticText).toBe('none');
    // The plan cache re-plans when the setting changes.
    const cache = new PlanCache(lookup(local));
    const p = { ...project(), defaultProvider: 'local' };
    const before = cache.planProject(p).get('x1')!.inputHash;
    expect(cache.planProject({ ...p, animaticText: 'dialogue-and-action' }).get('x1')!.inputHash).not.toBe(
      before,
    );
  });

  it('refuses a provider with no key before queueing, naming the setting, for video and for speech', () => {
    const p = project();
    const plan = planShot(p, p.scenes[0]!, p.scenes[0]!.shots[0]!, lookup(veo, ['veo', 'espeak']));
    const unconfigured = plan.violations.filter((v) => v.constraint === 'provider_not_configured');
    expect(unconfigured.map((v) => v.field)).toEqual(['provider', 'voice']);
    expect(unconfigured[0]!.fix).toContain('VEO_KEY');
    expect(unconfigured[1]!.fix).toContain('ESPEAK_KEY');
    const configured = planShot(p, p.scenes[0]!, p.scenes[0]!.shots[0]!, lookup(veo));
    expect(configured.violations.filter((v) => v.constraint === 'provider_not_configured')).toEqual([]);
  });

  it('checks a shot that follows its speech at its estimated length, however long', () => {
    const p = project();
    // About 60 words: some 25 s of speech, far beyond Veo's 8 s clips.
    const longLine = Array.from({ length: 60 }, (_, i) => `word${i}`).join(' ');
    const long = {
      ...p.scenes[0]!.shots[0]!,
      duration: 'speech' as const,
      dialogue: [{ character: 'emma', text: longLine }],
    };
    const refused = planShot(p, p.scenes[0]!, long, lookup(veo));
    expect(refused.violations.map((v) => v.constraint)).toContain('duration_too_long');
    expect(estimatedSpeechShotSeconds(refused.lines, 24)).toBeGreaterThan(20);
    // A short line fits: the same check passes it.
    const short = { ...long, dialogue: [{ character: 'emma', text: 'Hello there' }] };
    const fits = planShot(p, p.scenes[0]!, short, lookup(veo));
    expect(fits.violations.map((v) => v.constraint)).not.toContain('duration_too_long');
    expect(estimatedSpeechShotSeconds(fits.lines, 24)).toBeLessThan(4);
  });
});
