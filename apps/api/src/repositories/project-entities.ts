import { randomUUID } from 'node:crypto';
import type { Asset, AssetStore, Db } from '@ministudio/db';
import { keyFromName } from '@ministudio/domain';
import { notFound } from '../lib/http-error';
import { removeFilesIfUnused } from '../services/asset-gc';
import { closeGap, type OrderedTable, openSlot } from '../services/ordered-list';
import { type Tx, writeProject } from '../services/project-write';
import { addReference, attachImage, type ReferenceTable, removeReference } from '../services/references';
import type { ReceivedImage } from '../services/uploads';

/** What the shared repository needs of a row: its place in the project and the images it owns. */
export interface EntityRow {
  id: string;
  projectId: string;
  key: string;
  name: string;
  position: number;
  references: { asset: Asset }[];
}

/**
 * How one kind of project entity (characters, environments: named, keyed by name, ordered, with
 * reference images) is stored. The repository below is the same for every kind.
 */
export interface EntityTable<Row extends EntityRow, View, Fields extends { name: string }> {
  /** For messages: "Character 123 does not exist". */
  label: string;
  list: OrderedTable;
  references: ReferenceTable;
  /** The row with what `view` and `ownedAssets` need. */
  find(tx: Tx, id: string): Promise<Row | null>;
  keys(tx: Tx, projectId: string): Promise<string[]>;
  create(
    tx: Tx,
    row: { id: string; projectId: string; key: string; position: number },
    fields: Fields,
  ): Promise<unknown>;
  /** Writes only the fields present. */
  update(tx: Tx, id: string, fields: Partial<Fields>): Promise<unknown>;
  delete(tx: Tx, id: string): Promise<unknown>;
  view(row: Row): View;
  defaults(name: string | undefined): Fields;
  /** Files deleted with the entity besides its reference images (an environment's plate). */
  ownedFiles(row: Row): Asset[];
  /** Runs before the delete, in its transaction: may refuse, or clean up what refers to the entity. */
  beforeDelete(tx: Tx, row: Row, force: boolean): Promise<void>;
}

/** Creating, changing and deleting a project entity and its reference images, under the version check. */
export function createProjectEntityRepository<Row extends EntityRow, View, Fields extends { name: string }>(
  db: Db,
  store: AssetStore,
  table: EntityTable<Row, View, Fields>,
) {
  const load = async (tx: Tx, id: string): Promise<View> => {
    const row = await table.find(tx, id);
    if (!row) throw notFound(table.label, id);
    return table.view(row);
  };
  const projectOf = async (id: string): Promise<string> => {
    const row = await table.find(db, id);
    if (!row) throw notFound(table.label, id);
    return row.projectId;
  };
  return {
    load,
    projectOf,

    async create(
      projectId: string,
      baseVersion: number,
      body: Partial<Fields> & { key?: string; position?: number },
    ) {
      const { position: at, key: wanted, ...given } = body;
      const fields = { ...table.defaults(given.name), ...given } as Fields;
      return writeProject(db, projectId, baseVersion, async (tx) => {
        const existing = await table.keys(tx, projectId);
        const id = randomUUID();
        // A restored entity keeps its key (shots name it, seeds derive from it) unless it was taken since.
        const key = wanted && !existing.includes(wanted) ? wanted : keyFromName(fields.name, existing);
        const position = await openSlot(tx, table.list, projectId, at);
        await table.create(tx, { id, projectId, key, position }, fields);
        return load(tx, id);
      });
    },

    async update(id: string, baseVersion: number, body: Partial<Fields>) {
      return writeProject(db, await projectOf(id), baseVersion, async (tx) => {
        await table.update(tx, id, body);
        return load(tx, id);
      });
    },

    /** Deletes the entity and the images it owns; their files go too unless shared. */
    async remove(id: string, baseVersion: number, force: boolean): Promise<{ version: number }> {
      const { version, result: shas } = await writeProject(
        db,
        await projectOf(id),
        baseVersion,
        async (tx) => {
          const row = await table.find(tx, id);
          if (!row) throw notFound(table.label, id);
          await table.beforeDelete(tx, row, force);
          await table.delete(tx, id);
          await closeGap(tx, table.list, row.projectId, row.position);
          const owned = [...row.references.map((ref) => ref.asset), ...table.ownedFiles(row)];
          await tx.asset.deleteMany({ where: { id: { in: owned.map((asset) => asset.id) } } });
          return owned.map((asset) => asset.sha256);
        },
      );
      await removeFilesIfUnused(db, store, shas);
      return { version };
    },

    async addReference(id: string, baseVersion: number, receive: () => Promise<ReceivedImage>) {
      return attachImage(db, store, await projectOf(id), baseVersion, receive, async (tx, assetId) => {
        await addReference(tx, table.references, id, assetId);
        return load(tx, id);
      });
    },

    async removeReference(id: string, baseVersion: number, assetId: string) {
      const { version, result } = await writeProject(db, await projectOf(id), baseVersion, async (tx) => {
        const sha = await removeReference(tx, table.references, id, assetId);
        return { view: await load(tx, id), sha };
      });
      await removeFilesIfUnused(db, store, [result.sha]);
      return { version, result: result.view };
    },
  };
}
