import type { FastifyInstance, FastifyRequest } from 'fastify';
import { HttpError, notFound } from '../lib/http-error';
import { removeFilesIfUnused } from './asset-gc';
import { type Tx, writeProject } from './project-write';
import { createImageAsset, receiveImage } from './uploads';

export const MAX_REFERENCES = 12;

/** The two owners of reference images differ only in their join table. */
export interface ReferenceTable {
  count(tx: Tx, ownerId: string): Promise<number>;
  create(tx: Tx, ownerId: string, assetId: string, position: number): Promise<unknown>;
  find(
    tx: Tx,
    ownerId: string,
    assetId: string,
  ): Promise<{ position: number; asset: { sha256: string } } | null>;
  shiftAfter(tx: Tx, ownerId: string, position: number): Promise<unknown>;
}

export const characterReferences: ReferenceTable = {
  count: (tx, characterId) => tx.characterReference.count({ where: { characterId } }),
  create: (tx, characterId, assetId, position) =>
    tx.characterReference.create({ data: { characterId, assetId, position } }),
  find: (tx, characterId, assetId) =>
    tx.characterReference.findUnique({
      where: { characterId_assetId: { characterId, assetId } },
      include: { asset: true },
    }),
  shiftAfter: (tx, characterId, position) =>
    tx.characterReference.updateMany({
      where: { characterId, position: { gt: position } },
      data: { position: { decrement: 1 } },
    }),
};

export const environmentReferences: ReferenceTable = {
  count: (tx, environmentId) => tx.environmentReference.count({ where: { environmentId } }),
  create: (tx, environmentId, assetId, position) =>
    tx.environmentReference.create({ data: { environmentId, assetId, position } }),
  find: (tx, environmentId, assetId) =>
    tx.environmentReference.findUnique({
      where: { environmentId_assetId: { environmentId, assetId } },
      include: { asset: true },
    }),
  shiftAfter: (tx, environmentId, position) =>
    tx.environmentReference.updateMany({
      where: { environmentId, position: { gt: position } },
      data: { position: { decrement: 1 } },
    }),
};

/**
 * Stores an uploaded image and attaches it to its owner under the project's version check. If the
 * write is refused (stale version, too many images), the stored file goes again unless shared.
 */
export async function uploadReference<T>(
  app: FastifyInstance,
  request: FastifyRequest,
  projectId: string,
  baseVersion: number,
  attach: (tx: Tx, assetId: string) => Promise<T>,
): Promise<{ version: number; result: T }> {
  const image = await receiveImage(request, app.assets);
  try {
    return await writeProject(app.db, projectId, baseVersion, async (tx) => {
      const assetId = await createImageAsset(tx, projectId, image);
      return attach(tx, assetId);
    });
  } catch (error) {
    await removeFilesIfUnused(app.db, app.assets, [image.sha256]);
    throw error;
  }
}

export async function addReference(tx: Tx, table: ReferenceTable, ownerId: string, assetId: string) {
  const count = await table.count(tx, ownerId);
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
  await table.shiftAfter(tx, ownerId, ref.position);
  return ref.asset.sha256;
}
