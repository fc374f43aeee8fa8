import type { ShotDuration } from '@ministudio/domain';
import * as api from '../api/endpoints';
import { findShot, removeShot, upsertShot } from '../api/project-patches';
import { reportError } from '../app/report-error';
import type { Command } from './command';
import type { Editor } from './editor';
import { deleteShot, duplicateShot } from './shot-commands';

// The timeline's edits: each is one command in history, however many writes it takes.

function locate(ed: Editor, shotId: string) {
  const found = findShot(ed.project(), ed.ids.resolve(shotId));
  if (!found) throw new Error('That shot no longer exists');
  return found;
}

/**
 * Several commands as one: done in order, undone in reverse. If one fails part way, the ones already done
 * are taken back, so history never holds half an edit.
 */
export function compound(label: string, commands: readonly Command[]): Command {
  return {
    label,
    async do() {
      const done: Command[] = [];
      try {
        for (const c of commands) {
          await c.do();
          done.push(c);
        }
      } catch (error) {
        // The first failure is the one to report (the caller does); a rollback that fails too is told apart.
        for (const c of done.reverse()) {
          await c.undo().catch((rollback: unknown) => reportError(rollback, `take back "${c.label}"`));
        }
        throw error;
      }
    },
    async undo() {
      for (const c of [...commands].reverse()) await c.undo();
    },
  };
}

/** Writes a shot's duration, showing it at once (a trim is felt on release, not when the server answers). */
async function writeDuration(ed: Editor, shotId: string, duration: ShotDuration): Promise<void> {
  const { shot } = locate(ed, shotId);
  ed.preview((p) => upsertShot(p, { ...shot, duration }, null, p.version));
  await ed.write(
    (v) => api.patchShot(shot.id, { duration }, v),
    (p, r) => upsertShot(p, r.shot, null, r.version),
  );
}

/** Sets a shot's length (a trim); a speech-following shot becomes a fixed length. Undo puts back the old one. */
export function setShotDuration(ed: Editor, shotId: string, seconds: number, label = 'Trim shot'): Command {
  let before: ShotDuration | null = null;
  return {
    label,
    async do() {
      before = locate(ed, shotId).shot.duration;
      await writeDuration(ed, shotId, seconds);
    },
    async undo() {
      if (before !== null) await writeDuration(ed, shotId, before);
    },
  };
}

/**
 * Splits a shot into two with the same fields: the shot keeps `head` seconds and a copy right after it
 * lasts `tail`. `onCreated` hears the copy's id. Undo deletes the copy and restores the length.
 */
export function splitShot(
  ed: Editor,
  shotId: string,
  head: number,
  tail: number,
  onCreated: ((shotId: string) => void) | null,
): Command {
  let before: ShotDuration | null = null;
  let copyId: string | null = null;
  return {
    label: 'Split shot',
    async do() {
      const { shot, index } = locate(ed, shotId);
      before = shot.duration;
      await writeDuration(ed, shotId, head);
      const created = await ed.write(
        (v) => api.duplicateShot(shot.id, v),
        (p, r) => upsertShot(p, r.shot, index + 1, r.version),
      );
      if (copyId) ed.ids.alias(copyId, created.shot.id);
      else copyId = created.shot.id;
      await writeDuration(ed, created.shot.id, tail);
      onCreated?.(created.shot.id);
    },
    async undo() {
      if (copyId) {
        const id = ed.ids.resolve(copyId);
        await ed.write(
          (v) => api.deleteShot(id, v),
          (p, r) => removeShot(p, id, r.version),
        );
      }
      if (before !== null) await writeDuration(ed, shotId, before);
    },
  };
}

export function deleteShots(ed: Editor, shotIds: readonly string[]): Command {
  if (shotIds.length === 1) return deleteShot(ed, shotIds[0]!);
  return compound(
    `Delete ${shotIds.length} shots`,
    shotIds.map((id) => deleteShot(ed, id)),
  );
}

export function duplicateShots(
  ed: Editor,
  shotIds: readonly string[],
  onCreated: ((shotIds: string[]) => void) | null,
): Command {
  const created: string[] = [];
  const inner = compound(
    shotIds.length === 1 ? 'Duplicate shot' : `Duplicate ${shotIds.length} shots`,
    shotIds.map((id) => duplicateShot(ed, id, (copy) => created.push(copy))),
  );
  return {
    label: inner.label,
    async do() {
      created.length = 0;
      await inner.do();
      onCreated?.([...created]);
    },
    undo: () => inner.undo(),
  };
}

/**
 * Moves shots (in the order given, the film's) together to `sceneId`, before `beforeShotId` or at the
 * scene's end: one drop, one command. Each shot is placed in turn; undo takes each placement back in
 * reverse, so every shot returns exactly where it was.
 */
export function moveShots(
  ed: Editor,
  shotIds: readonly string[],
  sceneId: string,
  beforeShotId: string | null,
): Command {
  let undoSteps: { shotId: string; sceneId: string; index: number }[] = [];
  const place = async (shotId: string, targetSceneId: string, index: number) => {
    const { shot } = locate(ed, shotId);
    const moved = { ...shot, sceneId: targetSceneId };
    ed.preview((p) => upsertShot(p, moved, index, p.version));
    await ed.write(
      (v) => api.patchShot(shot.id, { sceneId: targetSceneId, position: index }, v),
      (p, r) => upsertShot(p, r.shot, index, r.version),
    );
  };
  return {
    label: shotIds.length === 1 ? 'Move shot' : `Move ${shotIds.length} shots`,
    async do() {
      undoSteps = [];
      const target = ed.ids.resolve(sceneId);
      for (const id of shotIds) {
        const found = locate(ed, id);
        const scene = ed.project().scenes.find((s) => s.id === target);
        if (!scene) throw new Error('That scene no longer exists');
        const rest = scene.shots.filter((s) => s.id !== found.shot.id).map((s) => s.id);
        const before = beforeShotId === null ? -1 : rest.indexOf(ed.ids.resolve(beforeShotId));
        const index = before < 0 ? rest.length : before;
        if (found.scene.id === target && found.index === index) continue;
        undoSteps.push({ shotId: id, sceneId: found.scene.id, index: found.index });
        await place(id, target, index);
      }
    },
    async undo() {
      for (const step of [...undoSteps].reverse())
        await place(step.shotId, ed.ids.resolve(step.sceneId), step.index);
    },
  };
}
