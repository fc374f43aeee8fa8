import type { CharacterView, EnvironmentView, ProjectView, SceneView, ShotView } from '@ministudio/domain';

// Pure updates of a cached ProjectView from a write's answer. Each returns a new object (never mutates),
// carrying the version the server returned.

export function withVersion(project: ProjectView, version: number): ProjectView {
  return { ...project, version: Math.max(project.version, version) };
}

export function upsertShot(
  project: ProjectView,
  shot: ShotView,
  index: number | null,
  version: number,
): ProjectView {
  const scenes = project.scenes.map((scene) => {
    const others = scene.shots.filter((s) => s.id !== shot.id);
    if (scene.id !== shot.sceneId)
      return others.length === scene.shots.length ? scene : { ...scene, shots: others };
    const existing = scene.shots.findIndex((s) => s.id === shot.id);
    const at = index ?? (existing >= 0 ? existing : others.length);
    const shots = [...others];
    shots.splice(Math.min(Math.max(at, 0), shots.length), 0, shot);
    return { ...scene, shots };
  });
  return { ...project, scenes, version: Math.max(project.version, version) };
}

export function removeShot(project: ProjectView, shotId: string, version: number): ProjectView {
  const scenes = project.scenes.map((scene) =>
    scene.shots.some((s) => s.id === shotId)
      ? { ...scene, shots: scene.shots.filter((s) => s.id !== shotId) }
      : scene,
  );
  return { ...project, scenes, version: Math.max(project.version, version) };
}

export function upsertScene(
  project: ProjectView,
  scene: SceneView,
  index: number | null,
  version: number,
): ProjectView {
  const existing = project.scenes.findIndex((s) => s.id === scene.id);
  const scenes = project.scenes.filter((s) => s.id !== scene.id);
  const at = index ?? (existing >= 0 ? existing : scenes.length);
  scenes.splice(Math.min(Math.max(at, 0), scenes.length), 0, scene);
  return { ...project, scenes, version: Math.max(project.version, version) };
}

export function removeScene(project: ProjectView, sceneId: string, version: number): ProjectView {
  return {
    ...project,
    scenes: project.scenes.filter((s) => s.id !== sceneId),
    version: Math.max(project.version, version),
  };
}

export function upsertCharacter(
  project: ProjectView,
  character: CharacterView,
  version: number,
): ProjectView {
  return {
    ...project,
    characters: upsert(project.characters, character),
    version: Math.max(project.version, version),
  };
}

export function removeCharacter(project: ProjectView, id: string, version: number): ProjectView {
  return {
    ...project,
    characters: project.characters.filter((c) => c.id !== id),
    version: Math.max(project.version, version),
  };
}

export function upsertEnvironment(
  project: ProjectView,
  environment: EnvironmentView,
  version: number,
): ProjectView {
  return {
    ...project,
    environments: upsert(project.environments, environment),
    version: Math.max(project.version, version),
  };
}

export function removeEnvironment(project: ProjectView, id: string, version: number): ProjectView {
  return {
    ...project,
    environments: project.environments.filter((e) => e.id !== id),
    // The server keeps those scenes with no environment; mirror it so the page agrees without a refetch.
    scenes: project.scenes.map((s) => (s.environmentId === id ? { ...s, environmentId: null } : s)),
    version: Math.max(project.version, version),
  };
}

/** Moves one id to a new index in a list of ids (for shot and scene order writes). */
export function moveId(ids: readonly string[], id: string, toIndex: number): string[] {
  const rest = ids.filter((x) => x !== id);
  if (rest.length === ids.length) return [...ids];
  rest.splice(Math.min(Math.max(toIndex, 0), rest.length), 0, id);
  return rest;
}

export function findShot(
  project: ProjectView,
  shotId: string,
): { scene: SceneView; shot: ShotView; index: number } | null {
  for (const scene of project.scenes) {
    const index = scene.shots.findIndex((s) => s.id === shotId);
    if (index >= 0) return { scene, shot: scene.shots[index]!, index };
  }
  return null;
}

/** All shots in reading order: scene by scene. */
export function flatShots(project: ProjectView): ShotView[] {
  return project.scenes.flatMap((s) => s.shots);
}

function upsert<T extends { id: string }>(list: readonly T[], item: T): T[] {
  const index = list.findIndex((x) => x.id === item.id);
  if (index < 0) return [...list, item];
  const next = [...list];
  next[index] = item;
  return next;
}

/** Puts the scenes in the order of `ids` (scenes not named keep their place after them). */
export function orderScenes(project: ProjectView, ids: readonly string[], version: number): ProjectView {
  const rank = new Map(ids.map((id, i) => [id, i]));
  const scenes = [...project.scenes].sort(
    (a, b) => (rank.get(a.id) ?? ids.length) - (rank.get(b.id) ?? ids.length),
  );
  return { ...project, scenes, version: Math.max(project.version, version) };
}
