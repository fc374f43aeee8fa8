import type { AssetStore, Db } from '@ministudio/db';

/** Deletes the stored files among `shas` that no asset row refers to any more (files are shared by hash). */
export async function removeFilesIfUnused(db: Db, store: AssetStore, shas: Iterable<string>): Promise<void> {
  for (const sha256 of new Set(shas)) {
    const stillUsed = await db.asset.count({ where: { sha256 } });
    if (stillUsed === 0) await store.remove(sha256);
  }
}
