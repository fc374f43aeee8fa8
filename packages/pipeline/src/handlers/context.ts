import type { ProgressOptions } from '@ministudio/domain';
import type { ProviderRegistry } from '@ministudio/providers';
import type { JobIO } from '../io/job-io';
import type { JobRecord } from '../queue/job-types';

export interface HandlerContext {
  io: JobIO;
  signal: AbortSignal;
  onProgress: (fraction: number, options?: ProgressOptions) => void;
  providers: ProviderRegistry;
  /** The job runs on a Redis render worker, whose keys are its own (not the studio's). */
  onWorker: boolean;
  /** The jobs this one depends on, with their results. */
  deps: JobRecord[];
}

export function depOfKind<T>(deps: JobRecord[], kind: JobRecord['kind']): T {
  const found = deps.find((dep) => dep.kind === kind);
  if (!found) throw new Error(`missing ${kind} dependency`);
  return found.result as T;
}
