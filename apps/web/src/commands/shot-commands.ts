import type { ShotBody, ShotView } from '@ministudio/domain';
import * as api from '../api/endpoints';
import { findShot, moveId, removeShot, upsertScene, upsertShot } from '../api/project-patches';
import type { Command } from './command';
import type { Editor } from './editor';
import { shotFields } from './snapshots';

function locate(ed: Editor, shotId: string) {
  const found = findShot(ed.project(), ed.ids.resolve(shotId));
  if (!found) throw new Error('That shot no longer exists');
  return found;
}

export function editShot(
  ed: Editor,
  shotId: string,
  before: ShotBody,
  after: ShotBody,
  label: string,
): Command {
  const send = (body: ShotBody) =>
    ed.write(
      (v) => api.patchShot(ed.ids.resolve(shotId), body, v),
      (p, r) => upsertShot(p, r.shot, null, r.version),
    );
  return {
    label,
    do: () => send(after).then(() => undefined),
    undo: () => send(before).then(() => undefined),
  };
}

/** Adds a shot; `onCreated` hears the new id (to select it). Undo deletes it, redo re-creates it. */
export function addShot(
  ed: Editor,
  sceneId: string,
  body: ShotBody,
  onCreated: ((shotId: string) => void) | null,
): Command {
  let createdId: string | null = null;
  return {
    label: 'Add shot',
    async do() {
      const { shot } = await ed.write(
        (v) => api.createShot(ed.ids.resolve(sceneId), body, v),
        (p, r) => upsertShot(p, r.shot, body.position ?? null, r.version),
      );
      if (createdId) ed.ids.alias(createdId, shot.id);
      else createdId = shot.id;
      onCreated?.(shot.id);
    },
    async undo() {
      if (!createdId) return;
      const id = ed.ids.resolve(createdId);
      await ed.write(
        (v) => api.deleteShot(id, v),
        (p, r) => removeShot(p, id, r.version),
      );
    },
  };
}

export function deleteShot(ed: Editor, shotId: string): Command {
  let snapshot: { sceneId: string; index: number; shot: ShotView } | null = null;
  return {
    label: 'Delete shot',
    async do() {
      const { scene, shot, index } = locate(ed, shotId);
      snapshot = { sceneId: scene.id, index, shot };
      await ed.write(
        (v) => api.deleteShot(shot.id, v),
        (p, r) => removeShot(p, shot.id, r.version),
      );
    },
    async undo() {
      if (!snapshot) return;
      const { sceneId, index, shot } = snapshot;
      const created = await ed.write(
        (v) => api.createShot(ed.ids.resolve(sceneId), { ...shotFields(shot), position: index }, v),
        (p, r) => upsertShot(p, r.shot, index, r.version),
      );
      ed.ids.alias(shot.id, created.shot.id);
    },
  };
}

export function duplicateShot(
  ed: Editor,
  shotId: string,
  onCreated: ((shotId: string) => void) | null,
): Command {
  let copyId: string | null = null;
  return {
    label: 'Duplicate shot',
    async do() {
      const { index, shot } = locate(ed, shotId);
      const created = await ed.write(
        (v) => api.duplicateShot(shot.id, v),
        (p, r) => upsertShot(p, r.shot, index + 1, r.version),
      );
      if (copyId) ed.ids.alias(copyId, created.shot.id);
      else copyId = created.shot.id;
      onCreated?.(created.shot.id);
    },
    async undo() {
      if (!copyId) return;
      const id = ed.ids.resolve(copyId);
      await ed.write(
        (v) => api.deleteShot(id, v),
        (p, r) => removeShot(p, id, r.version),
      );
    },
  };
}

/** Moves a shot to `toIndex` within its scene (one command per drop or per Alt+Arrow). */
export function moveShot(ed: Editor, shotId: string, toIndex: number): Command {
  let fromIndex: number | null = null;
  const moveTo = async (index: number) => {
    const { scene, shot } = locate(ed, shotId);
    const ids = moveId(
      scene.shots.map((s) => s.id),
      shot.id,
      index,
    );
    const byId = new Map(scene.shots.map((s) => [s.id, s]));
    ed.preview((p) => upsertScene(p, { ...scene, shots: ids.map((id) => byId.get(id)!) }, null, p.version));
    await ed.write(
      (v) => api.putShotOrder(scene.id, ids, v),
      (p, r) => upsertScene(p, r.scene, null, r.version),
    );
  };
  return {
    label: 'Move shot',
    async do() {
      fromIndex = locate(ed, shotId).index;
      await moveTo(toIndex);
    },
    async undo() {
      if (fromIndex !== null) await moveTo(fromIndex);
    },
  };
}
