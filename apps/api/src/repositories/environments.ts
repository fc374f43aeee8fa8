import type { AssetStore, Db } from '@ministudio/db';
import { defaultEnvironment, type EnvironmentFields, type EnvironmentView } from '@ministudio/domain';
import { notFound } from '../lib/http-error';
import { writeJson } from '../lib/json-column';
import { removeFilesIfUnused } from '../services/asset-gc';
import { type Tx, writeProject } from '../services/project-write';
import { attachImage, environmentReferences } from '../services/references';
import type { ReceivedImage } from '../services/uploads';
import { ENVIRONMENT_INCLUDE, environmentView } from '../services/views';
import { environmentList } from './ordered-tables';
import { createProjectEntityRepository, type EntityTable } from './project-entities';

export type EnvironmentsRepository = ReturnType<typeof createEnvironmentsRepository>;

type EnvironmentRow = NonNullable<Awaited<ReturnType<typeof findEnvironment>>>;
const findEnvironment = (tx: Tx, id: string) =>
  tx.environment.findUnique({ where: { id }, include: ENVIRONMENT_INCLUDE });

/** API fields to columns (the reverse of environmentView); only the fields present are written. */
function environmentColumns(body: Partial<EnvironmentFields>) {
  return {
    ...(body.name !== undefined ? { name: body.name } : {}),
    ...(body.location !== undefined ? { location: body.location } : {}),
    ...(body.identity !== undefined ? { identity: writeJson(body.identity) } : {}),
    ...(body.context !== undefined ? { context: writeJson(body.context) } : {}),
  };
}

export const environmentTable: EntityTable<EnvironmentRow, EnvironmentView, EnvironmentFields> = {
  label: 'Environment',
  list: environmentList,
  references: environmentReferences,
  find: findEnvironment,
  keys: async (tx, projectId) =>
    (await tx.environment.findMany({ where: { projectId }, select: { key: true } })).map((e) => e.key),
  create: (tx, row, fields) =>
    tx.environment.create({ data: { ...row, ...environmentColumns(fields), name: fields.name } }),
  update: (tx, id, fields) => tx.environment.update({ where: { id }, data: environmentColumns(fields) }),
  delete: (tx, id) => tx.environment.delete({ where: { id } }),
  view: environmentView,
  defaults: (name) => defaultEnvironment(name ?? 'New location'),
  ownedFiles: (row) => (row.plate ? [row.plate] : []),
  // Scenes set here keep no environment (the foreign key sets theirs to null).
  beforeDelete: async () => {},
};

/** Environments: what every project entity has, and the locked plate. */
export function createEnvironmentsRepository(db: Db, store: AssetStore) {
  const entities = createProjectEntityRepository(db, store, environmentTable);
  return {
    ...entities,

    /** Sets the plate from the image `receive` reads; the previous plate's file goes unless shared. */
    async setPlate(id: string, baseVersion: number, receive: () => Promise<ReceivedImage>) {
      const projectId = await entities.projectOf(id);
      const { version, result } = await attachImage(
        db,
        store,
        projectId,
        baseVersion,
        receive,
        async (tx, assetId) => {
          const previous = await tx.environment.findUniqueOrThrow({
            where: { id },
            include: { plate: true },
          });
          await tx.environment.update({ where: { id }, data: { plateAssetId: assetId } });
          if (previous.plate) await tx.asset.delete({ where: { id: previous.plate.id } });
          return { view: await entities.load(tx, id), replaced: previous.plate?.sha256 ?? null };
        },
      );
      if (result.replaced) await removeFilesIfUnused(db, store, [result.replaced]);
      return { version, result: result.view };
    },

    async clearPlate(id: string, baseVersion: number) {
      const projectId = await entities.projectOf(id);
      const { version, result } = await writeProject(db, projectId, baseVersion, async (tx) => {
        const previous = await tx.environment.findUniqueOrThrow({ where: { id }, include: { plate: true } });
        if (!previous.plate) throw notFound('Plate of environment', id);
        await tx.environment.update({ where: { id }, data: { plateAssetId: null } });
        await tx.asset.delete({ where: { id: previous.plate.id } });
        return { view: await entities.load(tx, id), sha: previous.plate.sha256 };
      });
      await removeFilesIfUnused(db, store, [result.sha]);
      return { version, result: result.view };
    },
  };
}
