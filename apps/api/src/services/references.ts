import type { AssetStore, Db } from '@ministudio/db';
import { HttpError, notFound } from '../lib/http-error';
import { removeFilesIfUnused } from './asset-gc';
import { closeGap, type OrderedTable } from './ordered-list';
import { type Tx, writeProject } from './project-write';
import { createImageAsset, type ReceivedImage } from './uploads';

export const MAX_REFERENCES = 12;

/** An owner's reference images: an ordered list (scope: the owner's id, items: asset ids) plus its join rows. */
export interface ReferenceTable extends OrderedTable {
  create(tx: Tx, ownerId: string, assetId: string, position: number): Promise<unknown>;
  find(
    tx: Tx,
    ownerId: string,
    assetId: string,
  ): Promise<{ position: number; asset: { sha256: string } } | null>;
}

export const characterReferences: ReferenceTable = {
  what: 'reference image',
  ids: async (tx, characterId) =>
    (
      await tx.characterReference.findMany({
        where: { characterId },
        orderBy: { position: 'asc' },
        select: { assetId: true },
      })
    ).map((ref) => ref.assetId),
  shift: (tx, characterId, from, by) =>
    tx.characterReference.updateMany({
      where: { characterId, position: { gte: from } },
      data: { position: { increment: by } },
    }),
  create: (tx, characterId, assetId, position) =>
    tx.characterReference.create({ data: { characterId, assetId, position } }),
  find: (tx, characterId, assetId) =>
    tx.characterReference.findUnique({
      where: { characterId_assetId: { characterId, assetId } },
      include: { asset: true },
    }),
};

export const environmentReferences: ReferenceTable = {
  what: 'reference image',
  ids: async (tx, environmentId) =>
    (
      await tx.environmentReference.findMany({
        where: { environmentId },
        orderBy: { position: 'asc' },
        select: { assetId: true },
      })
    ).map((ref) => ref.assetId),
  shift: (tx, environmentId, from, by) =>
    tx.environmentReference.updateMany({
      where: { environmentId, position: { gte: from } },
      data: { position: { increment: by } },
    }),
  create: (tx, environmentId, assetId, position) =>
    tx.environmentReference.create({ data: { environmentId, assetId, position } }),
  find: (tx, environmentId, assetId) =>
    tx.environmentReference.findUnique({
      where: { environmentId_assetId: { environmentId, assetId } },
      include: { asset: true },
    }),
};

/**
 * Receives an image (stored by content hash) and attaches it under the project's version check. If the
 * write is refused (stale version, too many images), the stored file goes again unless shared.
 */
export async function attachImage<T>(
  db: Db,
  store: AssetStore,
  projectId: string,
  baseVersion: number,
  receive: () => Promise<ReceivedImage>,
  attach: (tx: Tx, assetId: string) => Promise<T>,
): Promise<{ version: number; result: T }> {
  const image = await receive();
  try {
    return await writeProject(db, projectId, baseVersion, async (tx) => {
      const assetId = await createImageAsset(tx, projectId, image);
      return attach(tx, assetId);
    });
  } catch (error) {
    await removeFilesIfUnused(db, store, [image.sha256]);
    throw error;
  }
}

export async function addReference(tx: Tx, table: ReferenceTable, ownerId: string, assetId: string) {
  const count = (await table.ids(tx, ownerId)).length;
  if (count >= MAX_REFERENCES) {
    throw new HttpError('validation_failed', `At most ${MAX_REFERENCES} reference images`, {
      issues: [{ path: 'body/file', message: 'too many reference images' }],
    });
  }
  await table.create(tx, ownerId, assetId, count);
}

/** Detaches and deletes a reference image; returns the file hash to collect after commit. */
export async function removeReference(
  tx: Tx,
  table: ReferenceTable,
  ownerId: string,
  assetId: string,
): Promise<string> {
  const ref = await table.find(tx, ownerId, assetId);
  if (!ref) throw notFound('Reference image', assetId);
  await tx.asset.delete({ where: { id: assetId } });
  await closeGap(tx, table, ownerId, ref.position);
  return ref.asset.sha256;
}
