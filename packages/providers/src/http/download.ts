import { createWriteStream } from 'node:fs';
import { rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { ProviderError } from '@ministudio/domain';
import { sniffBytes, sniffFile, writeFileAtomic, writeNamedAtomically } from '@ministudio/files';
import { probeVideo } from '@ministudio/media';
import { mp4BoxesComplete } from '../files/mp4-boxes';
import type { ProviderHttp } from './client';

export interface DownloadTarget {
  workDir: string;
  /** File name without extension; the extension comes from the bytes. */
  baseName: string;
  kind: 'video' | 'audio';
  signal: AbortSignal;
}

export interface Downloaded {
  path: string;
  mime: string;
  bytes: number;
}

/**
 * Fetches a result into the work folder at once (some providers delete results within an hour).
 * The file appears under its final name only when complete and recognisably media.
 */
export async function downloadResult(
  http: ProviderHttp,
  url: string,
  headers: Record<string, string>,
  target: DownloadTarget,
): Promise<Downloaded> {
  let response: Response;
  try {
    response = await http.send('downloading the result', url, { headers }, target.signal);
  } catch (error) {
    if (error instanceof ProviderError && error.code === 'provider_rejected_input') {
      throw http.fail(
        'media_invalid',
        `the result is no longer available (expired or removed): ${error.message}`,
      );
    }
    throw error;
  }
  return saveResponse(http, response, target);
}

/** Streams a 2xx response body into the work folder under a temp name, checks it, renames it. */
export async function saveResponse(
  http: ProviderHttp,
  response: Response,
  target: DownloadTarget,
): Promise<Downloaded> {
  const body = response.body;
  if (body === null) throw http.fail('provider_unavailable', 'the result download had no body');
  const expected = Number(response.headers.get('content-length') ?? Number.NaN);
  // The extension comes from the bytes, so the final name is known only once the file is checked.
  return writeNamedAtomically(join(target.workDir, `${target.baseName}.download`), async (temp) => {
    const out = createWriteStream(temp);
    try {
      await pipeline(Readable.fromWeb(body as unknown as WebReadableStream<Uint8Array>), out, {
        signal: target.signal,
      });
    } catch (error) {
      // The file is opened asynchronously: wait until the stream has let go of it, or the temp file could
      // appear after the cleanup has run.
      if (!out.closed) await new Promise<void>((resolve) => out.once('close', () => resolve()));
      if (target.signal.aborted) throw http.fail('cancelled', 'download cancelled');
      throw http.fail('provider_unavailable', 'the result download was cut short', error);
    }
    const bytes = (await stat(temp)).size;
    if (Number.isFinite(expected) && bytes !== expected) {
      throw http.fail(
        'provider_unavailable',
        `the result download was cut short (${bytes} of ${expected} bytes)`,
      );
    }
    const sniffed = await sniffFile(temp);
    if (sniffed === null || !sniffed.mime.startsWith(target.kind)) {
      // A JSON or HTML page where media was due is a provider or proxy in trouble, not bad media.
      const type = response.headers.get('content-type') ?? '';
      if (/json|html|text/i.test(type)) {
        throw http.fail(
          'provider_unavailable',
          `the provider answered with ${type.split(';')[0]} instead of ${target.kind}`,
        );
      }
      throw http.fail('media_invalid', `the result is not ${article(target.kind)} file`);
    }
    // Without a length to compare, only the container can tell a whole file from a cut one.
    if (sniffed.ext === 'mp4' || sniffed.ext === 'mov' || sniffed.ext === 'm4a') {
      if (!(await mp4BoxesComplete(temp)))
        throw http.fail('provider_unavailable', 'the result download was cut short (incomplete file)');
    } else if (target.kind === 'video' && !Number.isFinite(expected)) {
      await assertReadable(http, temp, target.signal);
    }
    const path = join(target.workDir, `${target.baseName}.${sniffed.ext}`);
    return { target: path, result: { path, mime: sniffed.mime, bytes } };
  });
}

/** For providers that return results inline as base64 rather than as a URL. */
export async function saveInlineResult(
  http: ProviderHttp,
  base64: string,
  target: Omit<DownloadTarget, 'signal'> & { signal: AbortSignal },
): Promise<Downloaded> {
  const data = Buffer.from(base64, 'base64');
  const sniffed = await sniffBytes(data);
  if (data.length === 0 || sniffed === null || !sniffed.mime.startsWith(target.kind)) {
    throw http.fail('media_invalid', `the inline result is not ${article(target.kind)} file`);
  }
  const path = join(target.workDir, `${target.baseName}.${sniffed.ext}`);
  await writeFileAtomic(path, data);
  if (target.kind === 'video') {
    try {
      await assertReadable(http, path, target.signal);
    } catch (error) {
      await rm(path, { force: true });
      throw error;
    }
  }
  return { path, mime: sniffed.mime, bytes: data.length };
}

async function assertReadable(http: ProviderHttp, path: string, signal: AbortSignal): Promise<void> {
  try {
    const info = await probeVideo(path, signal);
    if (!(info.durationSeconds > 0)) throw new Error(`ffprobe found no duration in ${path}`);
  } catch (error) {
    if (signal.aborted) throw http.fail('cancelled', 'cancelled while checking the result');
    throw http.fail('media_invalid', 'the result video cannot be read (truncated or corrupt)', error);
  }
}

const article = (kind: 'video' | 'audio') => (kind === 'audio' ? 'an audio' : 'a video');
