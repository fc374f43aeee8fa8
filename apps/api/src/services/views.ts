import type { Asset, Character, Environment, Project, Scene, Shot } from '@ministudio/db';
import {
  type AnimaticText,
  type AspectRatio,
  type AssetRef,
  type AudioFitPolicy,
  type CameraMove,
  type CastMember,
  type CharacterState,
  type CharacterView,
  type DialogueLine,
  deriveShotSeed,
  type EnvironmentContext,
  type EnvironmentIdentity,
  type EnvironmentView,
  type FitMode,
  type IdentityPair,
  type ProjectSummary,
  type ProjectView,
  type SceneView,
  type ShotType,
  type ShotView,
  type Voice,
} from '@ministudio/domain';
import { assetUrl } from '@ministudio/pipeline';
import { readJson } from '../lib/json-column';

// Database rows to the API's views. JSON columns are parsed here and nowhere else.

export function assetView(asset: Asset): AssetRef {
  return {
    id: asset.id,
    kind: asset.kind,
    mime: asset.mime,
    bytes: asset.bytes,
    sha256: asset.sha256,
    width: asset.width,
    height: asset.height,
    durationSeconds: asset.durationSeconds,
    name: asset.originalName,
    url: assetUrl(asset.id),
    thumbnailUrl: asset.kind === 'image' ? `${assetUrl(asset.id)}/thumbnail` : null,
  };
}

type WithRefs = { references: { position: number; asset: Asset }[] };
const orderedRefs = (refs: WithRefs['references']) =>
  [...refs].sort((a, b) => a.position - b.position).map((ref) => assetView(ref.asset));

export function characterView(row: Character & WithRefs): CharacterView {
  return {
    id: row.id,
    key: row.key,
    name: row.name,
    identity: readJson<IdentityPair[]>(row.identity),
    defaultState: readJson<CharacterState>(row.defaultState),
    voice: readJson<Voice>(row.voice),
    references: orderedRefs(row.references),
  };
}

export function environmentView(row: Environment & WithRefs & { plate: Asset | null }): EnvironmentView {
  return {
    id: row.id,
    key: row.key,
    name: row.name,
    location: row.location,
    identity: readJson<EnvironmentIdentity>(row.identity),
    context: readJson<EnvironmentContext>(row.context),
    references: orderedRefs(row.references),
    plate: row.plate ? assetView(row.plate) : null,
  };
}

export function shotView(row: Shot, sceneSeed: number): ShotView {
  return {
    id: row.id,
    key: row.key,
    sceneId: row.sceneId,
    shotType: row.shotType as ShotType,
    action: row.action,
    camera: row.camera as CameraMove,
    duration: row.durationSeconds ?? 'speech',
    dialogue: readJson<DialogueLine[]>(row.dialogue),
    narration: row.narration,
    cast: readJson<CastMember[]>(row.cast),
    continuity: row.continuity,
    seed: row.seedOverride,
    provider: row.providerOverride,
    audioFit: row.audioFit as AudioFitPolicy,
    effectiveSeed: deriveShotSeed(sceneSeed, row.key, row.seedOverride),
    chosenTakeId: row.chosenTakeId,
  };
}

export function sceneView(row: Scene & { shots: Shot[] }): SceneView {
  return {
    id: row.id,
    key: row.key,
    title: row.title,
    mood: row.mood,
    seed: row.seed,
    environmentId: row.environmentId,
    shots: [...row.shots].sort((a, b) => a.position - b.position).map((shot) => shotView(shot, row.seed)),
  };
}

export type FullProject = Project & {
  characters: (Character & WithRefs)[];
  environments: (Environment & WithRefs & { plate: Asset | null })[];
  scenes: (Scene & { shots: Shot[] })[];
};

export function projectView(row: FullProject): ProjectView {
  return {
    id: row.id,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    title: row.title,
    aspectRatio: row.aspectRatio as AspectRatio,
    width: row.width,
    height: row.height,
    fps: row.fps,
    style: row.style,
    negativePrompt: row.negativePrompt,
    defaultProvider: row.defaultProvider,
    fitMode: row.fitMode as FitMode,
    narrationVoice: readJson<Voice>(row.narrationVoice),
    animaticText: row.animaticText as AnimaticText,
    characters: [...row.characters].sort((a, b) => a.position - b.position).map(characterView),
    environments: [...row.environments].sort((a, b) => a.position - b.position).map(environmentView),
    scenes: [...row.scenes].sort((a, b) => a.position - b.position).map(sceneView),
  };
}

export type ProjectWithCounts = Project & { scenes: { _count: { shots: number } }[] };

export function projectSummary(row: ProjectWithCounts): ProjectSummary {
  return {
    id: row.id,
    title: row.title,
    aspectRatio: row.aspectRatio,
    style: row.style,
    version: row.version,
    sceneCount: row.scenes.length,
    shotCount: row.scenes.reduce((sum, scene) => sum + scene._count.shots, 0),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** A cached file as a remote worker's cache lookup answers it (the shape of JobIO.cached). */
export function cachedFileView(asset: Asset) {
  return { id: asset.id, sha256: asset.sha256, durationSeconds: asset.durationSeconds };
}

// What each view needs loaded with its row; queries include these so the views above get their shape.
export const CHARACTER_INCLUDE = { references: { include: { asset: true } } } as const;
export const ENVIRONMENT_INCLUDE = { references: { include: { asset: true } }, plate: true } as const;
export const SCENE_INCLUDE = { shots: true } as const;
export const PROJECT_SUMMARY_INCLUDE = {
  scenes: { select: { _count: { select: { shots: true } } } },
} as const;
export const FULL_PROJECT_INCLUDE = {
  characters: { include: CHARACTER_INCLUDE },
  environments: { include: ENVIRONMENT_INCLUDE },
  scenes: { include: SCENE_INCLUDE },
} as const;
