import type {
  CharacterFields,
  EnvironmentFields,
  ProjectSettings,
  SceneFields,
  ShotFields,
  Voice,
} from './schemas/fields';

// What a new entity starts as when the user gives only a name.

export const DEFAULT_VOICE: Voice = { provider: 'espeak', voiceId: 'en-us', rate: 1, pitch: 0 };

export function defaultProjectSettings(title: string): ProjectSettings {
  return {
    title,
    aspectRatio: '16:9',
    width: 1280,
    height: 720,
    fps: 24,
    style: 'cinematic',
    negativePrompt: '',
    defaultProvider: 'local',
    fitMode: 'letterbox',
    narrationVoice: { ...DEFAULT_VOICE, voiceId: 'en-gb' },
    animaticText: 'none',
  };
}

export function defaultCharacter(name: string): CharacterFields {
  return {
    name,
    identity: [],
    defaultState: { expression: 'neutral', posture: '', clothing: '' },
    voice: { ...DEFAULT_VOICE },
  };
}

export function defaultEnvironment(name: string): EnvironmentFields {
  return {
    name,
    location: '',
    identity: { architecture: '', fixedElements: [], palette: [] },
    context: { lighting: '', weather: '', timeOfDay: '' },
  };
}

export function defaultScene(seed: number): SceneFields {
  return { title: '', mood: '', seed };
}

export function defaultShot(): ShotFields {
  return {
    shotType: 'medium',
    action: '',
    camera: 'static',
    duration: 4,
    dialogue: [],
    narration: '',
    cast: [],
    continuity: true,
    seed: null,
    provider: null,
    audioFit: 'auto',
  };
}
