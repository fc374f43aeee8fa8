import { mkdir, open, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Production } from '@ministudio/domain';
import { fcpxmlWithMediaBase } from '@ministudio/edit-export';
import { writeAtomically, writeFileAtomic } from '@ministudio/files';
import { CliError } from '../output';
import { unzipToFolder } from '../unzip';

// Commands against a running studio, through its HTTP API only (the same routes the editor uses).

/** The studio's port when PORT is not set (apps/api/src/config.ts). */
export const DEFAULT_STUDIO_PORT = 5170;

/** A studio with accounts wants a token (made in the editor: Account → API tokens). From the environment
 * only: on the command line it would stay in shell history and show in `ps`. */
function withToken(init: RequestInit): RequestInit {
  const token = process.env.MINISTUDIO_TOKEN?.trim();
  if (!token) return init;
  return {
    ...init,
    headers: { ...(init.headers as Record<string, string>), authorization: `Bearer ${token}` },
  };
}

async function call(url: string, init: RequestInit = {}): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url, withToken(init));
  } catch (error) {
    const origin = new URL(url).origin;
    throw new CliError(
      `No studio answers at ${origin} (${(error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message}). Start it with \`pnpm start\`, or give its address with --url.`,
      { code: 'studio_unreachable', url: origin },
    );
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as {
      error?: { code?: string; message?: string; details?: unknown };
    } | null;
    const issues = (body?.error?.details as { path?: string; message?: string }[] | undefined) ?? [];
    const listed = Array.isArray(issues)
      ? issues
          .filter((i) => i && typeof i.path === 'string')
          .map((i) => `\n  ${i.path}: ${i.message}`)
          .join('')
      : '';
    const signIn =
      response.status === 401
        ? ' Set MINISTUDIO_TOKEN to an API token (the editor: Account → API tokens).'
        : '';
    throw new CliError(
      `The studio answered ${response.status}: ${body?.error?.message ?? response.statusText}${listed}${signIn}`,
      {
        code: body?.error?.code ?? `http_${response.status}`,
        status: response.status,
        details: body?.error?.details ?? null,
      },
    );
  }
  return response;
}

export async function importProject(base: string, doc: Production): Promise<{ id: string; version: number }> {
  const response = await call(`${base}/api/projects/import`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(doc),
  });
  return (await response.json()) as { id: string; version: number };
}

export async function exportProject(base: string, id: string): Promise<string> {
  return (await call(`${base}/api/projects/${encodeURIComponent(id)}/export`)).text();
}

/** The edit file alone (media=none): the studio's answer, byte for byte. */
export async function exportEditFile(base: string, id: string, format: string): Promise<Uint8Array> {
  const response = await call(
    `${base}/api/projects/${encodeURIComponent(id)}/edit?format=${encodeURIComponent(format)}&media=none`,
  );
  return new Uint8Array(await response.arrayBuffer());
}

/** The studio's zip of the edit with its clips, as it comes (streamed to the file). */
export async function exportEditZip(
  base: string,
  id: string,
  format: string,
  target: string,
): Promise<number> {
  const response = await call(editUrl(base, id, format));
  let bytes = 0;
  await writeAtomically(target, async (temp) => {
    const file = await open(temp, 'w');
    try {
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        await file.write(chunk);
        bytes += chunk.length;
      }
    } finally {
      await file.close();
    }
  });
  return bytes;
}

/**
 * The edit as a folder: the studio's zip downloaded beside the folder, then unpacked without its top
 * folder, so DIR holds the edit file, subtitles.srt and clips/ (which the edit names by relative paths, but
 * FCPXML by absolute file:// URLs of this folder).
 */
export async function exportEditFolder(
  base: string,
  id: string,
  format: string,
  dir: string,
): Promise<string[]> {
  const root = path.resolve(dir);
  await mkdir(root, { recursive: true });
  const zip = path.join(root, `.download-${process.pid}.zip`);
  try {
    await exportEditZip(base, id, format, zip);
    const files = await unzipToFolder(zip, root, 1).catch((error: Error) => {
      throw new CliError(`The studio's zip could not be unpacked: ${error.message}`);
    });
    // Final Cut and Resolve are not reliable with the zip's relative srcs; here the folder's place is known.
    for (const name of files.filter((f) => f.endsWith('.fcpxml'))) {
      const file = path.join(root, name);
      await writeFileAtomic(file, fcpxmlWithMediaBase(await readFile(file, 'utf8'), pathToFileURL(root)));
    }
    return files;
  } finally {
    await rm(zip, { force: true });
  }
}

function editUrl(base: string, id: string, format: string): string {
  return `${base}/api/projects/${encodeURIComponent(id)}/edit?format=${encodeURIComponent(format)}`;
}

/** The printable storyboard (PDF). */
export async function storyboardPdf(base: string, id: string): Promise<Uint8Array> {
  const response = await call(`${base}/api/projects/${encodeURIComponent(id)}/storyboard.pdf`);
  return new Uint8Array(await response.arrayBuffer());
}
