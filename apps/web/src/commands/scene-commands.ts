import type { SceneBody, SceneView } from '@ministudio/domain';
import * as api from '../api/endpoints';
import { removeScene, upsertScene, upsertShot } from '../api/project-patches';
import type { Command } from './command';
import type { Editor } from './editor';
import { sceneBody, shotFields } from './snapshots';

export function editScene(
  ed: Editor,
  sceneId: string,
  before: SceneBody,
  after: SceneBody,
  label: string,
): Command {
  const send = async (body: SceneBody) => {
    const id = ed.ids.resolve(sceneId);
    ed.preview((p) => ({ ...p, scenes: p.scenes.map((s) => (s.id === id ? { ...s, ...body } : s)) }));
    await ed.write(
      (v) => api.patchScene(ed.ids.resolve(sceneId), body, v),
      (p, r) => upsertScene(p, r.scene, null, r.version),
    );
  };
  return { label, do: () => send(after), undo: () => send(before) };
}

export function addScene(ed: Editor, title: string): Command {
  let createdId: string | null = null;
  return {
    label: 'Add scene',
    async do() {
      const { scene } = await ed.write(
        (v) => api.createScene(ed.projectId, { title, mood: '' }, v),
        (p, r) => upsertScene(p, r.scene, null, r.version),
      );
      if (createdId) ed.ids.alias(createdId, scene.id);
      else createdId = scene.id;
    },
    async undo() {
      if (!createdId) return;
      const id = ed.ids.resolve(createdId);
      await ed.write(
        (v) => api.deleteScene(id, v),
        (p, r) => removeScene(p, id, r.version),
      );
    },
  };
}

export function deleteScene(ed: Editor, sceneId: string): Command {
  let snapshot: { index: number; scene: SceneView } | null = null;
  return {
    label: 'Delete scene',
    async do() {
      const id = ed.ids.resolve(sceneId);
      const index = ed.project().scenes.findIndex((s) => s.id === id);
      if (index < 0) throw new Error('That scene no longer exists');
      snapshot = { index, scene: ed.project().scenes[index]! };
      await ed.write(
        (v) => api.deleteScene(id, v),
        (p, r) => removeScene(p, id, r.version),
      );
    },
    async undo() {
      if (!snapshot) return;
      const { index, scene } = snapshot;
      const created = await ed.write(
        (v) => api.createScene(ed.projectId, { ...sceneBody(scene), position: index }, v),
        (p, r) => upsertScene(p, { ...r.scene, shots: [] }, index, r.version),
      );
      ed.ids.alias(scene.id, created.scene.id);
      // Its shots went with it: put them back in order, each keeping its identity for later commands.
      for (const shot of scene.shots) {
        const made = await ed.write(
          (v) => api.createShot(created.scene.id, shotFields(shot), v),
          (p, r) => upsertShot(p, r.shot, null, r.version),
        );
        ed.ids.alias(shot.id, made.shot.id);
      }
    },
  };
}

export function duplicateScene(ed: Editor, sceneId: string): Command {
  let copyId: string | null = null;
  return {
    label: 'Duplicate scene',
    async do() {
      const id = ed.ids.resolve(sceneId);
      const index = ed.project().scenes.findIndex((s) => s.id === id);
      const { scene } = await ed.write(
        (v) => api.duplicateScene(id, v),
        (p, r) => upsertScene(p, r.scene, index + 1, r.version),
      );
      if (copyId) ed.ids.alias(copyId, scene.id);
      else copyId = scene.id;
    },
    async undo() {
      if (!copyId) return;
      const id = ed.ids.resolve(copyId);
      await ed.write(
        (v) => api.deleteScene(id, v),
        (p, r) => removeScene(p, id, r.version),
      );
    },
  };
}
