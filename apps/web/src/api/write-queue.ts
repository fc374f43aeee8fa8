import { ApiError } from './http';

// Every write bumps the project's version and must carry the version it was based on, so writes to one
// project run one at a time, each with the version the previous one returned. After a conflict, the
// writes already queued were based on a state the user no longer sees: they are dropped, not sent.

export class WriteDroppedError extends Error {
  constructor() {
    super('A change was dropped because the project was changed elsewhere.');
    this.name = 'WriteDroppedError';
  }
}

export interface WriteQueueOptions {
  /** The version the editor currently shows (from the query cache), or null when unknown. */
  shownVersion: (projectId: string) => number | null;
  onConflict: (projectId: string, error: ApiError) => void;
  onPendingChange: (projectId: string, pending: number) => void;
}

export interface WriteQueue {
  run<R extends { version: number }>(projectId: string, write: (version: number) => Promise<R>): Promise<R>;
  /** The newest version this queue knows for the project, or null. */
  knownVersion(projectId: string): number | null;
}

interface Lane {
  tail: Promise<unknown>;
  known: number | null;
  epoch: number;
  pending: number;
}

export function createWriteQueue(options: WriteQueueOptions): WriteQueue {
  const lanes = new Map<string, Lane>();
  const lane = (projectId: string): Lane => {
    let found = lanes.get(projectId);
    if (!found) {
      found = { tail: Promise.resolve(), known: null, epoch: 0, pending: 0 };
      lanes.set(projectId, found);
    }
    return found;
  };

  function currentVersion(projectId: string, l: Lane): number {
    const shown = options.shownVersion(projectId);
    // A refetch that started before our last write can land later with an older version: take the newest.
    const version = Math.max(l.known ?? -1, shown ?? -1);
    if (version < 0) throw new Error(`No version known for project ${projectId}`);
    return version;
  }

  return {
    knownVersion: (projectId) => lanes.get(projectId)?.known ?? null,
    run(projectId, write) {
      const l = lane(projectId);
      const epoch = l.epoch;
      l.pending++;
      options.onPendingChange(projectId, l.pending);
      const task = l.tail.then(async () => {
        if (epoch !== l.epoch) throw new WriteDroppedError();
        try {
          const result = await write(currentVersion(projectId, l));
          l.known = Math.max(l.known ?? -1, result.version);
          return result;
        } catch (error) {
          if (error instanceof ApiError && error.isVersionConflict) {
            l.epoch++;
            l.known = null;
            options.onConflict(projectId, error);
          }
          throw error;
        }
      });
      const settle = () => {
        l.pending--;
        options.onPendingChange(projectId, l.pending);
      };
      l.tail = task.then(settle, settle);
      return task;
    },
  };
}
