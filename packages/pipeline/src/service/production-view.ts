import {
  type AssetRef,
  defaultProjectSettings,
  deriveShotSeed,
  type Production,
  type ProjectView,
  validateProduction,
} from '@ministudio/domain';

// A production document seen as the studio would see it once imported, without a database: what the
// planner needs to render a production file directly (the renderer bench, the sample render tests).
// Ids are made from the keys (unique per kind in a valid production), so the view is deterministic.
// apps/api/test/production-view.test.ts checks it against a real import, so the two cannot drift.

const EPOCH = new Date(0).toISOString();

/** The project view of a production document, as `importProduction` then `projectView` would give it. */
export function productionView(production: Production): ProjectView {
  const checked = validateProduction(production);
  if (!checked.ok) {
    const first = checked.issues[0]!;
    throw new Error(`The production has ${checked.issues.length} problem(s): ${first.path} ${first.message}`);
  }
  const doc = checked.value;
  // An image is known here by its sha256 only: it is not decoded, so its size stays unknown.
  const asset = (sha256: string): AssetRef => {
    const file = doc.assets[sha256]!;
    return {
      id: `asset:${sha256}`,
      kind: 'image',
      mime: file.mime,
      bytes: Buffer.from(file.data, 'base64').length,
      sha256,
      width: null,
      height: null,
      durationSeconds: null,
      name: file.name,
      url: '',
      thumbnailUrl: null,
    };
  };
  return {
    id: 'production',
    version: 1,
    createdAt: EPOCH,
    updatedAt: EPOCH,
    ...doc.project,
    animaticText: doc.project.animaticText ?? defaultProjectSettings(doc.project.title).animaticText,
    characters: doc.characters.map(({ referenceImages, ...c }) => ({
      id: `character:${c.key}`,
      ...c,
      references: referenceImages.map(asset),
    })),
    environments: doc.environments.map(({ referenceImages, plate, ...e }) => ({
      id: `environment:${e.key}`,
      ...e,
      references: referenceImages.map(asset),
      plate: plate ? asset(plate) : null,
    })),
    scenes: doc.scenes.map(({ environment, shots, ...scene }) => ({
      id: `scene:${scene.key}`,
      ...scene,
      environmentId: environment ? `environment:${environment}` : null,
      shots: shots.map((shot) => ({
        id: `shot:${shot.key}`,
        sceneId: `scene:${scene.key}`,
        ...shot,
        effectiveSeed: deriveShotSeed(scene.seed, shot.key, shot.seed),
        chosenTakeId: null,
      })),
    })),
  };
}
