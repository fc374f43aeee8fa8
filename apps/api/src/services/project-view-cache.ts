import type { Db } from '@ministudio/db';
import type { ProjectView } from '@ministudio/domain';
import { notFound } from '../lib/http-error';
import { loadProjectView } from './project-queries';

// The whole project, serialised, kept per project version. Every write to a project or anything in it
// bumps its version (services/project-write.ts), so a view made at version N is the view at N for good:
// a read costs one indexed lookup of the version instead of loading and serialising 500 shots (about
// 40 ms, which 50 editors polling at once turn into seconds).

const KEEP = 16;

export interface SerialisedView {
  version: number;
  json: string;
}

export function createProjectViewCache(db: Db) {
  const cache = new Map<string, SerialisedView>();
  return {
    async get(projectId: string, serialise: (view: ProjectView) => string): Promise<SerialisedView> {
      const row = await db.project.findUnique({ where: { id: projectId }, select: { version: true } });
      if (!row) throw notFound('Project', projectId);
      const hit = cache.get(projectId);
      if (hit && hit.version === row.version) {
        // Most recently used last, so the oldest is the one dropped.
        cache.delete(projectId);
        cache.set(projectId, hit);
        return hit;
      }
      const view = await loadProjectView(db, projectId);
      const entry = { version: view.version, json: serialise(view) };
      cache.set(projectId, entry);
      if (cache.size > KEEP) cache.delete(cache.keys().next().value!);
      return entry;
    },
  };
}
