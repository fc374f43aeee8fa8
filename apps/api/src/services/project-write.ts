import type { Db } from '@ministudio/db';
import { HttpError, notFound } from '../lib/http-error';

export type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];

/** Reads the version a write was based on from `If-Match: 7` (quotes and W/ tolerated). */
export function parseIfMatch(header: string | string[] | undefined): number {
  const value = Array.isArray(header) ? header[0] : header;
  if (value === undefined || value.trim() === '') {
    throw new HttpError(
      'version_required',
      'Send the project version this change is based on in the If-Match header',
      { header: 'If-Match' },
    );
  }
  const match = /^\s*(?:W\/)?"?(\d{1,12})"?\s*$/.exec(value);
  if (!match) {
    throw new HttpError('validation_failed', 'If-Match must be a project version number', {
      issues: [{ path: 'headers/if-match', message: 'must be a version number' }],
    });
  }
  return Number(match[1]);
}

/**
 * Runs one write against a project under optimistic concurrency: the project's version must still be
 * the one the client saw; it is incremented in the same transaction as the change, so a stale write or a
 * failing one changes nothing at all.
 */
export async function writeProject<T>(
  db: Db,
  projectId: string,
  baseVersion: number,
  change: (tx: Tx) => Promise<T>,
): Promise<{ version: number; result: T }> {
  return db.$transaction(async (tx) => {
    const bumped = await tx.project.updateMany({
      where: { id: projectId, version: baseVersion },
      data: { version: { increment: 1 } },
    });
    if (bumped.count === 0) {
      const current = await tx.project.findUnique({ where: { id: projectId }, select: { version: true } });
      if (!current) throw notFound('Project', projectId);
      throw new HttpError(
        'version_conflict',
        'This project was changed by someone else since you loaded it; reload to see the latest version',
        { currentVersion: current.version, yourVersion: baseVersion },
      );
    }
    const result = await change(tx);
    return { version: baseVersion + 1, result };
  });
}

/** Makes room at `index` in an ordered list (positions are 0..n-1) and returns the index used. */
export async function openSlot(
  count: number,
  index: number | undefined,
  shift: (from: number) => Promise<unknown>,
): Promise<number> {
  const at = index === undefined ? count : Math.min(Math.max(index, 0), count);
  if (at < count) await shift(at);
  return at;
}
