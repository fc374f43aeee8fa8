import { createHash } from 'node:crypto';
import {
  type AssetRef,
  type CharacterState,
  compilePrompt,
  describeMisfit,
  estimatedSpeechShotSeconds as estimateFromWords,
  type ProjectView,
  type SceneView,
  type ShotView,
  type SpeechMisfit,
  speechMisfit,
  type VideoCapabilities,
  type Voice,
} from '@ministudio/domain';
import { checkRequest, type Violation } from '@ministudio/providers';
import type { FileRef, PicturePayload, SpeechPayload } from '../handlers/payloads';

/** The built-in animatic's provider id (the renderer's LOCAL_PROVIDER_ID; the planner stays free of canvas). */
const LOCAL_PROVIDER = 'local';

/** Bumped when the pipeline's output for the same inputs changes, so old takes are not reused. */
export const PIPELINE_VERSION = 1;

export interface SpeechLinePlan {
  payload: SpeechPayload;
}

export interface ShotPlan {
  shot: ShotView;
  scene: SceneView;
  provider: string;
  model: string;
  capabilities: VideoCapabilities;
  lines: SpeechLinePlan[];
  picture: Omit<PicturePayload, 'takeId' | 'speechJobs' | 'firstFrameFrom'>;
  inputHash: string;
  /** How the house format fits another shape: the project's choice. */
  fitMode: ProjectView['fitMode'];
  /** The shot starts from the previous shot's last frame (provider supports it and continuity is on). */
  chained: boolean;
  /** Requests the provider cannot take: the shot is refused before queueing. */
  violations: Violation[];
  /** Speech estimated to run well past the shot's fixed length (one of the violations, with its numbers). */
  speechMisfit: SpeechMisfit | null;
  /** What the take will say was changed (nearest duration, seed not applied, ...). */
  notes: string[];
}

const fileRef = (asset: AssetRef): FileRef => ({ assetId: asset.id, sha256: asset.sha256, mime: asset.mime });

export function speechCacheKey(provider: string, voice: Voice, text: string): string {
  return `speech:${createHash('sha256')
    .update(JSON.stringify([provider, voice.voiceId, voice.rate, voice.pitch, text]))
    .digest('hex')}`;
}

/** "provider" or "provider:model" (Replicate and fal model names contain slashes, never colons). */
export function parseProviderChoice(choice: string): { provider: string; model: string | null } {
  const at = choice.indexOf(':');
  return at < 0
    ? { provider: choice, model: null }
    : { provider: choice.slice(0, at), model: choice.slice(at + 1) };
}

export interface ProviderLookup {
  capabilities(provider: string, model: string | null): VideoCapabilities | null;
  /**
   * What must be set before this studio can use the provider ("RUNWAYML_API_SECRET"), or null when it can
   * (or when the keys live on the render workers, which the studio cannot see).
   */
  missingSettings(provider: string, kind: 'video' | 'speech'): string | null;
}

/**
 * Everything one shot's render needs, from the project alone: the compiled prompt, the references,
 * the speech lines, the capability check and the input hash that keys the take cache. Pure.
 */
export function planShot(
  project: ProjectView,
  scene: SceneView,
  shot: ShotView,
  providers: ProviderLookup,
): ShotPlan {
  const choice = parseProviderChoice(shot.provider ?? project.defaultProvider);
  const capabilities = providers.capabilities(choice.provider, choice.model);
  const characters = new Map(project.characters.map((c) => [c.key, c]));
  const environment = project.environments.find((e) => e.id === scene.environmentId) ?? null;
  const cast = shot.cast.map((member) => {
    const c = characters.get(member.character)!;
    const state: CharacterState = { ...c.defaultState, ...stripEmpty(member.state) };
    return { character: c, state };
  });
  // Speakers who are not in the cast still appear in the picture: they are speaking.
  for (const line of shot.dialogue) {
    if (!cast.some((m) => m.character.key === line.character)) {
      const c = characters.get(line.character)!;
      cast.push({ character: c, state: { ...c.defaultState } });
    }
  }
  const lines: SpeechLinePlan[] = shot.dialogue.map((line) => {
    const voice = characters.get(line.character)!.voice;
    return {
      payload: {
        provider: voice.provider,
        text: line.text,
        voice,
        character: line.character,
        cacheKey: speechCacheKey(voice.provider, voice, line.text),
      },
    };
  });
  if (shot.narration.trim()) {
    const voice = project.narrationVoice;
    lines.push({
      payload: {
        provider: voice.provider,
        text: shot.narration.trim(),
        voice,
        character: null,
        cacheKey: speechCacheKey(voice.provider, voice, shot.narration.trim()),
      },
    });
  }
  const sceneIndex = project.scenes.findIndex((s) => s.id === scene.id);
  const shotIndex = scene.shots.findIndex((s) => s.id === shot.id);
  const previous =
    shotIndex > 0 ? scene.shots[shotIndex - 1] : (project.scenes[sceneIndex - 1]?.shots.at(-1) ?? null);
  const continues = shot.continuity && shotIndex > 0;
  // Only models that take a first frame can continue from the previous shot's last frame.
  const chained = continues && capabilities?.firstFrame === true;
  // Compiled within the model's prompt limit: optional sections give way before identity locks do.
  const prompt = compilePrompt(
    {
      style: project.style,
      mood: scene.mood,
      shotType: shot.shotType,
      camera: shot.camera,
      action: shot.action,
      narration: shot.narration,
      dialogue: shot.dialogue.map((line) => ({
        speaker: characters.get(line.character)!.name,
        text: line.text,
      })),
      characters: cast.map((m) => ({
        name: m.character.name,
        identity: m.character.identity,
        state: m.state,
      })),
      environment: environment
        ? {
            name: environment.name,
            location: environment.location,
            identity: environment.identity,
            context: environment.context,
          }
        : null,
      previousNarration: previous?.narration.trim() ? previous.narration : null,
      continuesFromPrevious: continues,
    },
    capabilities?.maxPromptLength ?? null,
  );
  const references = [
    ...cast.flatMap((m) =>
      m.character.references.map((ref) => ({
        kind: 'character' as const,
        owner: m.character.key,
        file: fileRef(ref),
      })),
    ),
    ...(environment?.references ?? []).map((ref) => ({
      kind: 'environment' as const,
      owner: environment!.key,
      file: fileRef(ref),
    })),
    ...(environment?.plate
      ? [{ kind: 'environment' as const, owner: environment.key, file: fileRef(environment.plate) }]
      : []),
  ];
  const picture: ShotPlan['picture'] = {
    provider: choice.provider,
    model: capabilities?.model ?? choice.model ?? '',
    prompt,
    negativePrompt: project.negativePrompt,
    duration: shot.duration,
    width: project.width,
    height: project.height,
    fps: project.fps,
    aspectRatio: project.aspectRatio,
    seed: shot.effectiveSeed,
    shot: {
      shotKey: shot.key,
      sceneSeed: scene.seed,
      style: project.style,
      shotType: shot.shotType,
      camera: shot.camera,
      action: shot.action,
      narration: shot.narration,
      dialogue: shot.dialogue,
      environment: environment
        ? {
            key: environment.key,
            name: environment.name,
            location: environment.location,
            identity: environment.identity,
            context: environment.context,
            plate: environment.plate ? fileRef(environment.plate) : null,
          }
        : null,
      characters: cast.map((m) => ({
        key: m.character.key,
        name: m.character.name,
        identity: m.character.identity,
        state: m.state,
      })),
      // Only the built-in animatic writes text on its picture; for any other provider the setting is left
      // out of the picture's inputs, so changing it re-renders nothing there.
      animaticText: choice.provider === LOCAL_PROVIDER ? project.animaticText : 'none',
    },
    references,
  };
  const violations: Violation[] = [];
  const notes: string[] = [];
  violations.push(...unconfiguredProviders(choice.provider, capabilities !== null, lines, providers));
  if (!capabilities) {
    violations.push({
      constraint: 'provider',
      field: 'provider',
      message: `No video provider "${choice.provider}"${choice.model ? ` with model "${choice.model}"` : ''}.`,
      fix: 'Choose a configured provider in the project settings or the shot inspector.',
    });
  } else {
    const check = checkRequest(capabilities, {
      // A shot that follows its speech is checked at the length its speech is expected to give it.
      durationSeconds:
        shot.duration === 'speech' ? estimatedSpeechShotSeconds(lines, project.fps) : shot.duration,
      width: project.width,
      height: project.height,
      aspectRatio: project.aspectRatio,
      wantsSeed: true,
      firstFrame: chained,
      lastFrame: false,
      references: references.map((r) => ({ kind: r.kind })),
      promptLength: prompt.length,
    });
    violations.push(...check.violations);
    notes.push(...check.adjustments.map((a) => a.note));
    if (!capabilities.seed)
      notes.push(
        `${choice.provider} takes no seed: the shot seed ${shot.effectiveSeed} could not be applied.`,
      );
  }
  if (shot.duration === 'speech' && lines.length === 0) {
    violations.push({
      constraint: 'duration_follows_silence',
      field: 'duration',
      message: 'The shot lasts as long as its speech, but it has no dialogue or narration.',
      fix: 'Give it a length in seconds, or add a line.',
    });
  }
  // A fixed-length shot whose speech runs far past its end would be held on its last picture for the rest
  // of the speech: the take would not be the length the card says. Refused, naming the line.
  const misfit = speechMisfit(
    shot.duration,
    lines.map(({ payload }) => ({
      character: payload.character,
      text: payload.text,
      rate: payload.voice.rate,
    })),
    project.fps,
  );
  if (misfit) {
    violations.push({
      constraint: 'speech_does_not_fit',
      field: 'duration',
      message: describeMisfit(misfit, Object.fromEntries(project.characters.map((c) => [c.key, c.name]))),
      fix: `Let the shot follow its speech, lengthen it to about ${Math.ceil(misfit.speechShotSeconds)} s, or split it into shots whose lines fit.`,
    });
  }
  const inputHash = createHash('sha256')
    .update(
      JSON.stringify([
        PIPELINE_VERSION,
        picture,
        lines.map((l) => l.payload.cacheKey),
        chained,
        shot.audioFit,
        project.fitMode,
      ]),
    )
    .digest('hex');
  return {
    shot,
    scene,
    provider: choice.provider,
    model: picture.model,
    capabilities: capabilities!,
    lines,
    picture,
    inputHash,
    chained,
    fitMode: project.fitMode,
    violations,
    speechMisfit: misfit,
    notes,
  };
}

/** The length a shot that follows its speech will have, estimated from its lines' words and voices. */
export function estimatedSpeechShotSeconds(lines: SpeechLinePlan[], fps: number): number {
  return estimateFromWords(
    lines.map(({ payload }) => ({
      character: payload.character,
      text: payload.text,
      rate: payload.voice.rate,
    })),
    fps,
  );
}

/** A provider that exists but has no key or address here: refused before queueing, naming what to set. */
function unconfiguredProviders(
  videoProvider: string,
  videoExists: boolean,
  lines: SpeechLinePlan[],
  providers: ProviderLookup,
): Violation[] {
  const violations: Violation[] = [];
  const video = videoExists ? providers.missingSettings(videoProvider, 'video') : null;
  if (video)
    violations.push({
      constraint: 'provider_not_configured',
      field: 'provider',
      message: `The video provider "${videoProvider}" is not configured in this studio.`,
      fix: `Set ${video} (in the studio's environment or data/providers.json), or choose another provider.`,
    });
  for (const speechProvider of new Set(lines.map((line) => line.payload.provider))) {
    const missing = providers.missingSettings(speechProvider, 'speech');
    if (missing)
      violations.push({
        constraint: 'provider_not_configured',
        field: 'voice',
        message: `The speech provider "${speechProvider}" is not configured in this studio.`,
        fix: `Set ${missing} (in the studio's environment or data/providers.json), or give the speakers another voice.`,
      });
  }
  return violations;
}

function stripEmpty(state: CharacterState): CharacterState {
  return Object.fromEntries(
    Object.entries(state).filter(([, v]) => typeof v === 'string' && v.trim() !== ''),
  ) as CharacterState;
}

/** Plans of every shot of a project, by shot id. */
export function planProject(project: ProjectView, providers: ProviderLookup): Map<string, ShotPlan> {
  const plans = new Map<string, ShotPlan>();
  for (const scene of project.scenes) {
    for (const shot of scene.shots) plans.set(shot.id, planShot(project, scene, shot, providers));
  }
  return plans;
}
