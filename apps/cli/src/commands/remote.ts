import type { Production } from '@ministudio/domain';
import { CliError } from '../output';

// Commands against a running studio, through its HTTP API only (the same routes the editor uses).

/** The studio's port when PORT is not set (apps/api/src/config.ts). */
export const DEFAULT_STUDIO_PORT = 5170;

async function call(url: string, init: RequestInit = {}): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url, init);
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
    throw new CliError(
      `The studio answered ${response.status}: ${body?.error?.message ?? response.statusText}${listed}`,
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

/** The edit in an interchange format, as the studio's edit export answers it (file or zip). */
export async function exportEdit(base: string, id: string, format: string): Promise<Uint8Array> {
  const response = await call(
    `${base}/api/projects/${encodeURIComponent(id)}/edit?format=${encodeURIComponent(format)}`,
  );
  return new Uint8Array(await response.arrayBuffer());
}
