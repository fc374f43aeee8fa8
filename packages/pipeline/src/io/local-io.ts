import { randomUUID } from 'node:crypto';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { AssetStore, Db } from '@ministudio/db';
import { ProviderError } from '@ministudio/domain';
import type { JobIO, OutputMeta, StoredFile } from './job-io';
import { removeJobPreview, writeJobPreview } from './job-preview';

/** Job storage in this process: files move straight into the content-addressed store. */
export async function createLocalIO(
  db: Db,
  store: AssetStore,
  projectId: string,
  workRoot: string,
  jobId: string,
  /** Where previews go; null for jobs nobody watches (a speech preview), whose previews are dropped. */
  previewDir: string | null = null,
) {
  const workDir = path.join(workRoot, jobId);
  await rm(workDir, { recursive: true, force: true });
  await mkdir(workDir, { recursive: true });
  const io: JobIO = {
    workDir,
    async fetch(assetId) {
      const asset = await db.asset.findUnique({ where: { id: assetId } });
      if (!asset) throw new ProviderError('media_invalid', `A file this job needs (${assetId}) is gone`);
      return store.pathOf(asset.sha256);
    },
    async store(file, meta) {
      return storeFile(db, store, projectId, file, meta);
    },
    async cached(cacheKey) {
      const asset = await db.asset.findFirst({
        where: { projectId, cacheKey },
        orderBy: { createdAt: 'asc' },
      });
      return asset ? { id: asset.id, sha256: asset.sha256, durationSeconds: asset.durationSeconds } : null;
    },
    async putPreview(jpeg) {
      if (previewDir) await writeJobPreview(previewDir, jobId, jpeg);
    },
  };
  const dispose = async () => {
    await rm(workDir, { recursive: true, force: true });
    if (previewDir) await removeJobPreview(previewDir, jobId);
  };
  return { io, dispose };
}

/** Adopts a file into the store and records it as an asset of the project. */
export async function storeFile(
  db: Db,
  store: AssetStore,
  projectId: string,
  file: string,
  meta: OutputMeta,
): Promise<StoredFile> {
  const { sha256, bytes } = await store.adopt(file);
  const id = randomUUID();
  await db.asset.create({
    data: {
      id,
      projectId,
      kind: meta.kind,
      mime: meta.mime,
      bytes,
      sha256,
      durationSeconds: meta.durationSeconds,
      width: meta.width,
      height: meta.height,
      originalName: meta.name,
      cacheKey: meta.cacheKey,
    },
  });
  return { id, sha256 };
}
