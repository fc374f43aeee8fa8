import type { ShotView } from '@ministudio/domain';
import * as api from '../api/endpoints';
import { findShot, moveId, orderScenes, upsertShot } from '../api/project-patches';
import type { Command } from './command';
import type { Editor } from './editor';

// Moves that change the board's structure: a scene to a new place, a shot into another scene.

/** Moves a scene to `toIndex` among the project's scenes; undo puts it back where it was. */
export function moveScene(ed: Editor, sceneId: string, toIndex: number): Command {
  let fromIndex: number | null = null;
  const indexOf = () => ed.project().scenes.findIndex((s) => s.id === ed.ids.resolve(sceneId));
  const moveTo = async (index: number) => {
    const ids = moveId(
      ed.project().scenes.map((s) => s.id),
      ed.ids.resolve(sceneId),
      index,
    );
    ed.preview((p) => orderScenes(p, ids, p.version));
    await ed.write(
      (v) => api.putSceneOrder(ed.projectId, ids, v),
      (p, r) =>
        orderScenes(
          p,
          r.project.scenes.map((s) => s.id),
          r.version,
        ),
    );
  };
  return {
    label: 'Move scene',
    async do() {
      fromIndex = indexOf();
      if (fromIndex < 0) throw new Error('That scene no longer exists');
      await moveTo(toIndex);
    },
    async undo() {
      if (fromIndex !== null) await moveTo(fromIndex);
    },
  };
}

/** Moves a shot into another scene at `toIndex`; undo returns it to its old scene and index. */
export function moveShotToScene(ed: Editor, shotId: string, sceneId: string, toIndex: number): Command {
  let from: { sceneId: string; index: number } | null = null;
  const moveTo = async (targetSceneId: string, index: number) => {
    const found = findShot(ed.project(), ed.ids.resolve(shotId));
    if (!found) throw new Error('That shot no longer exists');
    const target = ed.ids.resolve(targetSceneId);
    const moved: ShotView = { ...found.shot, sceneId: target };
    ed.preview((p) => upsertShot(p, moved, index, p.version));
    await ed.write(
      (v) => api.patchShot(found.shot.id, { sceneId: target, position: index }, v),
      (p, r) => upsertShot(p, r.shot, index, r.version),
    );
  };
  return {
    label: 'Move shot to scene',
    async do() {
      const found = findShot(ed.project(), ed.ids.resolve(shotId));
      if (!found) throw new Error('That shot no longer exists');
      from = { sceneId: found.scene.id, index: found.index };
      await moveTo(sceneId, toIndex);
    },
    async undo() {
      if (from) await moveTo(from.sceneId, from.index);
    },
  };
}
