import { createWriteStream, openAsBlob } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ProviderError } from '@ministudio/domain';
import { writeAtomically } from '@ministudio/files';
import type { JobIO, OutputMeta, StoredFile } from './job-io';

export interface StudioClient {
  baseUrl: string;
  token: string;
}

/** Calls the studio's worker API; a failure is a retryable provider_unavailable (the studio may be restarting). */
export async function studioFetch(
  client: StudioClient,
  route: string,
  init: RequestInit = {},
): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(new URL(route, client.baseUrl), {
      ...init,
      headers: { ...(init.headers as Record<string, string>), authorization: `Bearer ${client.token}` },
    });
  } catch (error) {
    throw new ProviderError('provider_unavailable', 'The studio could not be reached', { cause: error });
  }
  return response;
}

async function json<T>(response: Response, what: string): Promise<T> {
  if (!response.ok)
    throw new ProviderError('provider_unavailable', `The studio refused ${what} (HTTP ${response.status})`);
  return (await response.json()) as T;
}

/** Job storage through the studio's HTTP API: a worker needs no shared disk. */
export async function createHttpIO(client: StudioClient, projectId: string, jobId: string, workRoot: string) {
  const workDir = path.join(workRoot, jobId);
  await rm(workDir, { recursive: true, force: true });
  await mkdir(path.join(workDir, 'inputs'), { recursive: true });
  const fetched = new Map<string, string>();
  const io: JobIO = {
    workDir,
    async fetch(assetId) {
      const known = fetched.get(assetId);
      if (known) return known;
      const response = await studioFetch(client, `/api/assets/${encodeURIComponent(assetId)}`);
      if (!response.ok || !response.body) {
        throw new ProviderError(
          response.status === 404 ? 'media_invalid' : 'provider_unavailable',
          `Input ${assetId}: HTTP ${response.status}`,
        );
      }
      const target = path.join(workDir, 'inputs', assetId);
      const body = response.body as import('node:stream/web').ReadableStream;
      await writeAtomically(target, (temp) => pipeline(Readable.fromWeb(body), createWriteStream(temp)));
      fetched.set(assetId, target);
      return target;
    },
    async store(file, meta: OutputMeta): Promise<StoredFile> {
      const form = new FormData();
      form.append('meta', JSON.stringify(meta));
      form.append('file', await openAsBlob(file), path.basename(file));
      const response = await studioFetch(client, `/api/worker/jobs/${jobId}/outputs`, {
        method: 'POST',
        body: form,
      });
      const stored = await json<StoredFile>(response, 'an output');
      await rm(file, { force: true });
      return stored;
    },
    async cached(cacheKey) {
      const response = await studioFetch(
        client,
        `/api/worker/projects/${projectId}/cached?key=${encodeURIComponent(cacheKey)}`,
      );
      const body = await json<{ asset: (StoredFile & { durationSeconds: number | null }) | null }>(
        response,
        'a cache lookup',
      );
      return body.asset;
    },
    async putPreview(jpeg) {
      const response = await studioFetch(client, `/api/worker/jobs/${jobId}/preview`, {
        method: 'PUT',
        headers: { 'content-type': 'image/jpeg' },
        body: new Uint8Array(jpeg),
      });
      if (!response.ok)
        throw new ProviderError(
          'provider_unavailable',
          `The studio refused a preview (HTTP ${response.status})`,
        );
    },
  };
  return { io, dispose: () => rm(workDir, { recursive: true, force: true }) };
}
