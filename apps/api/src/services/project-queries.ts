import type { Db } from '@ministudio/db';
import { notFound } from '../lib/http-error';
import type { Tx } from './project-write';
import { FULL_PROJECT_INCLUDE, projectView } from './views';

export async function loadProjectView(db: Db | Tx, projectId: string) {
  const row = await db.project.findUnique({ where: { id: projectId }, include: FULL_PROJECT_INCLUDE });
  if (!row) throw notFound('Project', projectId);
  return projectView(row);
}

export async function assertProjectExists(db: Db, projectId: string): Promise<void> {
  if (!(await db.project.count({ where: { id: projectId } }))) throw notFound('Project', projectId);
}

/** The project a scene or shot belongs to, for the version check of writes addressed by their id. */
export async function projectOfScene(db: Db, id: string): Promise<string> {
  const row = await db.scene.findUnique({ where: { id }, select: { projectId: true } });
  if (!row) throw notFound('Scene', id);
  return row.projectId;
}

export async function projectOfShot(db: Db, id: string): Promise<string> {
  const row = await db.shot.findUnique({ where: { id }, select: { scene: { select: { projectId: true } } } });
  if (!row) throw notFound('Shot', id);
  return row.scene.projectId;
}
