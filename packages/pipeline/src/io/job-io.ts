/** What a job may know of storage. The embedded engine reads and writes the data folder; a remote worker goes through the API. */
export interface StoredFile {
  id: string;
  sha256: string;
}

export interface OutputMeta {
  kind: 'video' | 'audio' | 'image' | 'data';
  mime: string;
  name: string;
  durationSeconds: number | null;
  width: number | null;
  height: number | null;
  /** Lets later jobs reuse this file (same speech line, same plate). */
  cacheKey: string | null;
}

export interface JobIO {
  /** A folder for this job's files; removed after the job. */
  workDir: string;
  /** A local path to read a stored file from (downloaded first by remote workers). */
  fetch(assetId: string): Promise<string>;
  /** Stores a finished file (it is moved or uploaded; don't use the path afterwards). */
  store(path: string, meta: OutputMeta): Promise<StoredFile>;
  /** A stored file of this project with this cache key, if any. */
  cached(cacheKey: string): Promise<(StoredFile & { durationSeconds: number | null }) | null>;
  /** Replaces the job's preview (a small JPEG of the latest frame) that the studio shows while it runs. */
  putPreview(jpeg: Buffer): Promise<void>;
}
