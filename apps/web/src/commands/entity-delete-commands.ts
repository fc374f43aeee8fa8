import type {
  AssetRef,
  CastMember,
  CharacterView,
  DialogueLine,
  EnvironmentView,
  ProjectView,
} from '@ministudio/domain';
import * as api from '../api/endpoints';
import {
  flatShots,
  removeCharacter,
  removeEnvironment,
  upsertCharacter,
  upsertEnvironment,
  upsertScene,
  upsertShot,
} from '../api/project-patches';
import type { Command } from './command';
import type { Editor } from './editor';

// Deleting a character or a location as one undoable command. The delete keeps everything it removes:
// the entity's fields and place in the list, its reference images (and a location's plate) as files,
// and the lines and cast places of the shots that used it (or the scenes set there). Undo puts all of
// it back: the same key, the same place, the same images, the same lines.

/** The image behind an asset, fetched before the delete removes its file, to upload again on undo. */
async function keepFile(asset: AssetRef): Promise<File> {
  const response = await fetch(asset.url);
  if (!response.ok) throw new Error(`Could not keep the image ${asset.name} before deleting`);
  return new File([await response.blob()], asset.name, { type: asset.mime });
}

/** The entity back at its index in its list (the create answer alone would put it at the end). */
function placeAt<T extends { id: string }>(list: readonly T[], item: T, index: number): T[] {
  const others = list.filter((x) => x.id !== item.id);
  others.splice(Math.min(index, others.length), 0, item);
  return others;
}

/** The shots as the server leaves them after a forced delete: without the character's lines or place. */
export function withoutCharacter(project: ProjectView, key: string): ProjectView {
  return {
    ...project,
    scenes: project.scenes.map((scene) => ({
      ...scene,
      shots: scene.shots.map((shot) =>
        shot.dialogue.some((l) => l.character === key) || shot.cast.some((m) => m.character === key)
          ? {
              ...shot,
              dialogue: shot.dialogue.filter((l) => l.character !== key),
              cast: shot.cast.filter((m) => m.character !== key),
            }
          : shot,
      ),
    })),
  };
}

interface KeptCharacter {
  character: CharacterView;
  index: number;
  files: File[];
  shots: { id: string; dialogue: DialogueLine[]; cast: CastMember[] }[];
}

export function deleteCharacter(ed: Editor, id: string): Command {
  let kept: KeptCharacter | null = null;
  return {
    label: 'Delete character',
    async do() {
      const project = ed.project();
      const cid = ed.ids.resolve(id);
      const index = project.characters.findIndex((c) => c.id === cid);
      const character = project.characters[index];
      if (!character) throw new Error('That character no longer exists');
      const files = await Promise.all(character.references.map(keepFile));
      const uses = (s: { dialogue: DialogueLine[]; cast: CastMember[] }) =>
        s.dialogue.some((l) => l.character === character.key) ||
        s.cast.some((m) => m.character === character.key);
      const shots = flatShots(project)
        .filter(uses)
        .map((s) => ({ id: s.id, dialogue: s.dialogue, cast: s.cast }));
      kept = { character, index, files, shots };
      // Forced: the one dialog already listed the shots and lines this removes.
      await ed.write(
        (v) => api.deleteCharacter(cid, true, v),
        (p, r) => withoutCharacter(removeCharacter(p, cid, r.version), character.key),
      );
    },
    async undo() {
      if (!kept) return;
      const { character, index, files, shots } = kept;
      const { name, identity, defaultState, voice } = character;
      const created = await ed.write(
        (v) =>
          api.createCharacter(
            ed.projectId,
            { name, identity, defaultState, voice, key: character.key, position: index },
            v,
          ),
        (p, r) => ({
          ...p,
          characters: placeAt(p.characters, r.character, index),
          version: Math.max(p.version, r.version),
        }),
      );
      const restored = created.character;
      ed.ids.alias(character.id, restored.id);
      for (const file of files)
        await ed.write(
          (v) => api.uploadCharacterReference(restored.id, file, v),
          (p, r) => upsertCharacter(p, r.character, r.version),
        );
      // The same key, unless another character took it meanwhile: then the lines follow the new key.
      const rekey = <T extends { character: string }>(x: T): T =>
        x.character === character.key ? { ...x, character: restored.key } : x;
      for (const shot of shots)
        await ed.write(
          (v) =>
            api.patchShot(
              ed.ids.resolve(shot.id),
              { dialogue: shot.dialogue.map(rekey), cast: shot.cast.map(rekey) },
              v,
            ),
          (p, r) => upsertShot(p, r.shot, null, r.version),
        );
    },
  };
}

interface KeptLocation {
  environment: EnvironmentView;
  index: number;
  files: File[];
  plate: File | null;
  sceneIds: string[];
}

export function deleteLocation(ed: Editor, id: string): Command {
  let kept: KeptLocation | null = null;
  return {
    label: 'Delete location',
    async do() {
      const project = ed.project();
      const eid = ed.ids.resolve(id);
      const index = project.environments.findIndex((e) => e.id === eid);
      const environment = project.environments[index];
      if (!environment) throw new Error('That location no longer exists');
      const files = await Promise.all(environment.references.map(keepFile));
      const plate = environment.plate ? await keepFile(environment.plate) : null;
      const sceneIds = project.scenes.filter((s) => s.environmentId === eid).map((s) => s.id);
      kept = { environment, index, files, plate, sceneIds };
      await ed.write(
        (v) => api.deleteEnvironment(eid, v),
        (p, r) => removeEnvironment(p, eid, r.version),
      );
    },
    async undo() {
      if (!kept) return;
      const { environment, index, files, plate, sceneIds } = kept;
      const { name, location, identity, context } = environment;
      const created = await ed.write(
        (v) =>
          api.createEnvironment(
            ed.projectId,
            { name, location, identity, context, key: environment.key, position: index },
            v,
          ),
        (p, r) => ({
          ...p,
          environments: placeAt(p.environments, r.environment, index),
          version: Math.max(p.version, r.version),
        }),
      );
      const restored = created.environment;
      ed.ids.alias(environment.id, restored.id);
      for (const file of files)
        await ed.write(
          (v) => api.uploadEnvironmentReference(restored.id, file, v),
          (p, r) => upsertEnvironment(p, r.environment, r.version),
        );
      if (plate)
        await ed.write(
          (v) => api.putEnvironmentPlate(restored.id, plate, v),
          (p, r) => upsertEnvironment(p, r.environment, r.version),
        );
      for (const sceneId of sceneIds)
        await ed.write(
          (v) => api.patchScene(ed.ids.resolve(sceneId), { environmentId: restored.id }, v),
          (p, r) => upsertScene(p, r.scene, null, r.version),
        );
    },
  };
}
