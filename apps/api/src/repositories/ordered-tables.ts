import type { OrderedTable, ReorderableTable } from '../services/ordered-list';

// The ordered lists of a project, each as the rows the shared bookkeeping (services/ordered-list.ts) moves.

const ids = (rows: { id: string }[]) => rows.map((row) => row.id);
const byPosition = { orderBy: { position: 'asc' }, select: { id: true } } as const;

/** A project's scenes. */
export const sceneList: ReorderableTable = {
  what: 'scene',
  ids: async (tx, projectId) => ids(await tx.scene.findMany({ where: { projectId }, ...byPosition })),
  shift: (tx, projectId, from, by) =>
    tx.scene.updateMany({
      where: { projectId, position: { gte: from } },
      data: { position: { increment: by } },
    }),
  place: (tx, id, _projectId, position) => tx.scene.update({ where: { id }, data: { position } }),
};

/** A scene's shots; placing a shot in another scene moves it there. */
export const shotList: ReorderableTable = {
  what: 'shot',
  ids: async (tx, sceneId) => ids(await tx.shot.findMany({ where: { sceneId }, ...byPosition })),
  shift: (tx, sceneId, from, by) =>
    tx.shot.updateMany({
      where: { sceneId, position: { gte: from } },
      data: { position: { increment: by } },
    }),
  place: (tx, id, sceneId, position) => tx.shot.update({ where: { id }, data: { position, sceneId } }),
};

/** A project's characters. */
export const characterList: OrderedTable = {
  what: 'character',
  ids: async (tx, projectId) => ids(await tx.character.findMany({ where: { projectId }, ...byPosition })),
  shift: (tx, projectId, from, by) =>
    tx.character.updateMany({
      where: { projectId, position: { gte: from } },
      data: { position: { increment: by } },
    }),
};

/** A project's environments. */
export const environmentList: OrderedTable = {
  what: 'environment',
  ids: async (tx, projectId) => ids(await tx.environment.findMany({ where: { projectId }, ...byPosition })),
  shift: (tx, projectId, from, by) =>
    tx.environment.updateMany({
      where: { projectId, position: { gte: from } },
      data: { position: { increment: by } },
    }),
};
