import type { ProjectView } from '@ministudio/domain';
import { findShot } from '../api/project-patches';

// Where a shot goes when moved by keyboard or dropped (pure, tested without a DOM).

export interface ShotTarget {
  sceneId: string;
  index: number;
  /** True when the shot leaves its scene. */
  across: boolean;
}

/** Droppable id of a scene's shot list (dropping there puts the shot at the end of that scene). */
export const listDropId = (sceneId: string) => `shot-list:${sceneId}`;

/** Alt+Arrow: one step within the scene, or past its edge to the end of the previous / start of the next scene. */
export function shotStepTarget(project: ProjectView, shotId: string, delta: -1 | 1): ShotTarget | null {
  const found = findShot(project, shotId);
  if (!found) return null;
  const to = found.index + delta;
  if (to >= 0 && to < found.scene.shots.length) return { sceneId: found.scene.id, index: to, across: false };
  const sceneAt = project.scenes.findIndex((s) => s.id === found.scene.id);
  const next = project.scenes[sceneAt + delta];
  if (!next) return null;
  return { sceneId: next.id, index: delta < 0 ? next.shots.length : 0, across: true };
}

/** A drag of shot `shotId` that ended over `overId` (another shot, or a scene's shot list). */
export function shotDropTarget(project: ProjectView, shotId: string, overId: string): ShotTarget | null {
  const found = findShot(project, shotId);
  if (!found || overId === shotId) return null;
  const over = findShot(project, overId);
  if (over) return { sceneId: over.scene.id, index: over.index, across: over.scene.id !== found.scene.id };
  const scene = project.scenes.find((s) => listDropId(s.id) === overId);
  if (!scene) return null;
  if (scene.id !== found.scene.id) return { sceneId: scene.id, index: scene.shots.length, across: true };
  const last = scene.shots.length - 1;
  return found.index === last ? null : { sceneId: scene.id, index: last, across: false };
}
