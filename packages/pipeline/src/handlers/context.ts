import type { ProviderRegistry } from '@ministudio/providers';
import type { JobIO } from '../io/job-io';
import type { JobRecord } from '../queue/job-types';

export interface HandlerContext {
  io: JobIO;
  signal: AbortSignal;
  onProgress: (fraction: number) => void;
  providers: ProviderRegistry;
  /** The jobs this one depends on, with their results. */
  deps: JobRecord[];
}

export function depOfKind<T>(deps: JobRecord[], kind: JobRecord['kind']): T {
  const found = deps.find((dep) => dep.kind === kind);
  if (!found) throw new Error(`missing ${kind} dependency`);
  return found.result as T;
}
