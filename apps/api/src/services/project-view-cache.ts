import { createHash } from 'node:crypto';
import type { Db } from '@ministudio/db';
import type { ProjectView } from '@ministudio/domain';
import { notFound } from '../lib/http-error';
import { loadProjectView } from './project-queries';

// The whole project, kept per project version and chosen takes. Every edit bumps the version
// (services/project-write.ts); a finished render choosing its take does not (it would turn every edit
// made meanwhile into a conflict), so the chosen takes are part of the key. A read then costs one small
// query instead of loading 500 shots (about 40 ms, which 50 editors polling at once turn into seconds).

const KEEP = 16;

interface Entry {
  stamp: Stamp;
  /** Changes whenever the view does: the answer's ETag. */
  tag: string;
  view: ProjectView;
  /** The view as UTF-8 JSON, made on the first read that needs it: a string would be measured and
   * encoded again on every send, two passes over 245 kB for a 500-shot project. */
  json: Buffer | null;
}

interface Stamp {
  version: number;
  chosen: string;
}

export interface SerialisedView {
  tag: string;
  json: Buffer;
}

export type ProjectViewCache = ReturnType<typeof createProjectViewCache>;

export function createProjectViewCache(db: Db) {
  const cache = new Map<string, Entry>();

  // Raw SQL: the query compiler's work for a findUnique would be most of a read that hits the cache.
  async function stampOf(projectId: string): Promise<Stamp> {
    const rows = await db.$queryRaw<{ version: number | bigint; chosen: string | null }[]>`
      SELECT p.version AS version,
        (SELECT group_concat(s.id || ':' || s.chosenTakeId, ',')
          FROM Shot s JOIN Scene c ON s.sceneId = c.id
          WHERE c.projectId = p.id AND s.chosenTakeId IS NOT NULL) AS chosen
      FROM Project p WHERE p.id = ${projectId}`;
    if (!rows[0]) throw notFound('Project', projectId);
    return { version: Number(rows[0].version), chosen: rows[0].chosen ?? '' };
  }

  async function entry(projectId: string): Promise<Entry> {
    const stamp = await stampOf(projectId);
    const hit = cache.get(projectId);
    // Most recently used last, so the oldest is the one dropped.
    cache.delete(projectId);
    if (hit && hit.stamp.version === stamp.version && hit.stamp.chosen === stamp.chosen) {
      cache.set(projectId, hit);
      return hit;
    }
    const view = await loadProjectView(db, projectId);
    const chosen = createHash('sha1').update(stamp.chosen).digest('base64url').slice(0, 10);
    // The stamp was read before the view: a write in between makes the next read load again, never
    // keeps a newer view under an older stamp's name for good.
    const made: Entry = { stamp, tag: `"v${view.version}-${chosen}"`, view, json: null };
    cache.set(projectId, made);
    if (cache.size > KEEP) cache.delete(cache.keys().next().value!);
    return made;
  }

  return {
    /** The project as it is now, shared: callers must not change it. */
    async view(projectId: string): Promise<ProjectView> {
      return (await entry(projectId)).view;
    },

    async serialised(projectId: string, serialise: (view: ProjectView) => string): Promise<SerialisedView> {
      const found = await entry(projectId);
      found.json ??= Buffer.from(serialise(found.view));
      return { tag: found.tag, json: found.json };
    },
  };
}
