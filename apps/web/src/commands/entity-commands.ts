import type { CharacterBody, EnvironmentBody, PatchProjectBody } from '@ministudio/domain';
import * as api from '../api/endpoints';
import {
  removeCharacter,
  removeEnvironment,
  upsertCharacter,
  upsertEnvironment,
} from '../api/project-patches';
import type { Command } from './command';
import type { Editor } from './editor';

// Characters, environments and project settings: edits and additions are undoable. Deletes, which keep
// what they remove to put it back, are in entity-delete-commands.ts.

export function editCharacter(
  ed: Editor,
  id: string,
  before: CharacterBody,
  after: CharacterBody,
  label: string,
): Command {
  const send = async (body: CharacterBody) => {
    const cid = ed.ids.resolve(id);
    ed.preview((p) => ({
      ...p,
      characters: p.characters.map((c) => (c.id === cid ? { ...c, ...body } : c)),
    }));
    await ed.write(
      (v) => api.patchCharacter(ed.ids.resolve(id), body, v),
      (p, r) => upsertCharacter(p, r.character, r.version),
    );
  };
  return { label, do: () => send(after), undo: () => send(before) };
}

export function addCharacter(
  ed: Editor,
  body: CharacterBody,
  onCreated: ((id: string) => void) | null,
): Command {
  let createdId: string | null = null;
  return {
    label: 'Add character',
    async do() {
      const { character } = await ed.write(
        (v) => api.createCharacter(ed.projectId, body, v),
        (p, r) => upsertCharacter(p, r.character, r.version),
      );
      if (createdId) ed.ids.alias(createdId, character.id);
      else createdId = character.id;
      onCreated?.(character.id);
    },
    async undo() {
      if (!createdId) return;
      const id = ed.ids.resolve(createdId);
      await ed.write(
        (v) => api.deleteCharacter(id, false, v),
        (p, r) => removeCharacter(p, id, r.version),
      );
    },
  };
}

export function editEnvironment(
  ed: Editor,
  id: string,
  before: EnvironmentBody,
  after: EnvironmentBody,
  label: string,
): Command {
  const send = async (body: EnvironmentBody) => {
    const eid = ed.ids.resolve(id);
    ed.preview((p) => ({
      ...p,
      environments: p.environments.map((e) => (e.id === eid ? { ...e, ...body } : e)),
    }));
    await ed.write(
      (v) => api.patchEnvironment(ed.ids.resolve(id), body, v),
      (p, r) => upsertEnvironment(p, r.environment, r.version),
    );
  };
  return { label, do: () => send(after), undo: () => send(before) };
}

export function addEnvironment(
  ed: Editor,
  body: EnvironmentBody,
  onCreated: ((id: string) => void) | null,
): Command {
  let createdId: string | null = null;
  return {
    label: 'Add location',
    async do() {
      const { environment } = await ed.write(
        (v) => api.createEnvironment(ed.projectId, body, v),
        (p, r) => upsertEnvironment(p, r.environment, r.version),
      );
      if (createdId) ed.ids.alias(createdId, environment.id);
      else createdId = environment.id;
      onCreated?.(environment.id);
    },
    async undo() {
      if (!createdId) return;
      const id = ed.ids.resolve(createdId);
      await ed.write(
        (v) => api.deleteEnvironment(id, v),
        (p, r) => removeEnvironment(p, id, r.version),
      );
    },
  };
}

export function editProject(
  ed: Editor,
  before: PatchProjectBody,
  after: PatchProjectBody,
  label: string,
): Command {
  const send = async (body: PatchProjectBody) => {
    ed.preview((p) => ({ ...p, ...body }));
    await ed.write(
      (v) => api.patchProject(ed.projectId, body, v),
      (_p, r) => r.project,
    );
  };
  return { label, do: () => send(after), undo: () => send(before) };
}
