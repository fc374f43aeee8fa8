import type { Db } from '@ministudio/db';
import { HttpError, notFound } from '../lib/http-error';

export type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];

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
