import type { ProjectView } from '@ministudio/domain';
import type { QueryClient } from '@tanstack/react-query';
import { projectKey } from '../api/query-keys';
import type { WriteQueue } from '../api/write-queue';
import type { IdMap } from './id-map';

// What commands need from the outside world: the current project, and one way to write. A write runs in
// the project's queue with the latest version and its answer is folded into the query cache.

export interface Editor {
  projectId: string;
  ids: IdMap;
  /** The project as the editor shows it now. */
  project(): ProjectView;
  write<R extends { version: number }>(
    send: (version: number) => Promise<R>,
    apply: (project: ProjectView, result: R) => ProjectView,
  ): Promise<R>;
  /** Shows a change before its write returns (reorders); the write's answer or a refetch replaces it. */
  preview(change: (project: ProjectView) => ProjectView): void;
  /** Reloads the project from the server (after a change whose side effects the answer does not show). */
  refresh(): Promise<void>;
}

export function createEditor(projectId: string, client: QueryClient, queue: WriteQueue, ids: IdMap): Editor {
  const key = projectKey(projectId);
  const project = () => {
    const data = client.getQueryData<ProjectView>(key);
    if (!data) throw new Error('The project is not loaded');
    return data;
  };
  return {
    projectId,
    ids,
    project,
    async write(send, apply) {
      const result = await queue.run(projectId, send);
      client.setQueryData<ProjectView>(key, (current) => (current ? apply(current, result) : current));
      return result;
    },
    preview(change) {
      client.setQueryData<ProjectView>(key, (current) => (current ? change(current) : current));
    },
    refresh: () => client.invalidateQueries({ queryKey: key }),
  };
}
