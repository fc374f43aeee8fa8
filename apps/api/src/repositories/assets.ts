import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Asset, AssetStore, Db } from '@ministudio/db';
import { writeFileAtomic } from '@ministudio/files';
import { type OutputMeta, type StoredFile, storeFile } from '@ministudio/pipeline';
import { HttpError, notFound } from '../lib/http-error';
import { makeThumbnail } from '../services/images';
import { cachedFileView } from '../services/views';

export const THUMBNAIL_SIZE = 256;

export type AssetsRepository = ReturnType<typeof createAssetsRepository>;

/** Stored files: their rows, thumbnails of images, and what remote workers look up and upload. */
export function createAssetsRepository(db: Db, store: AssetStore, dataDir: string) {
  const find = async (assetId: string, what = 'Asset'): Promise<Asset> => {
    const asset = await db.asset.findUnique({ where: { id: assetId } });
    if (!asset) throw notFound(what, assetId);
    return asset;
  };
  return {
    find,

    /** A PNG at most THUMBNAIL_SIZE px on its long side, made once per file and kept. */
    async thumbnail(assetId: string): Promise<Buffer> {
      const asset = await find(assetId);
      if (asset.kind !== 'image') {
        throw new HttpError('not_found', 'Only images have thumbnails', { id: asset.id, kind: asset.kind });
      }
      const file = path.join(dataDir, 'thumbnails', `${asset.sha256}-${THUMBNAIL_SIZE}.png`);
      try {
        await stat(file);
        return await readFile(file);
      } catch {
        const png = await makeThumbnail(await readFile(store.pathOf(asset.sha256)), THUMBNAIL_SIZE);
        await writeFileAtomic(file, png);
        return png;
      }
    },

    /** The project's file with this cache key (the oldest, as a job in this process finds it), or null. */
    async cached(projectId: string, cacheKey: string) {
      const asset = await db.asset.findFirst({
        where: { projectId, cacheKey },
        orderBy: { createdAt: 'asc' },
      });
      return asset ? cachedFileView(asset) : null;
    },

    /** Adopts a worker's uploaded file into the store as an asset of the project. */
    storeOutput: (projectId: string, file: string, meta: OutputMeta): Promise<StoredFile> =>
      storeFile(db, store, projectId, file, meta),
  };
}
