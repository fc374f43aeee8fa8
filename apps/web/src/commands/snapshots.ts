import type { SceneBody, SceneView, ShotFields, ShotView } from '@ministudio/domain';

// The editable part of an entity, to re-create it after a delete is undone.

export function shotFields(shot: ShotView): ShotFields {
  const {
    shotType,
    action,
    camera,
    duration,
    dialogue,
    narration,
    cast,
    continuity,
    seed,
    provider,
    audioFit,
  } = shot;
  return {
    shotType,
    action,
    camera,
    duration,
    dialogue,
    narration,
    cast,
    continuity,
    seed,
    provider,
    audioFit,
  };
}

export function sceneBody(scene: SceneView): SceneBody {
  return { title: scene.title, mood: scene.mood, seed: scene.seed, environmentId: scene.environmentId };
}

/** The values of `keys` in `source`: the "before" side of a patch. */
export function pick<T extends object, K extends keyof T>(source: T, keys: readonly K[]): Pick<T, K> {
  const out = {} as Pick<T, K>;
  for (const key of keys) out[key] = source[key];
  return out;
}
