import { statSync } from 'node:fs';
import { join } from 'node:path';
import { createProviderRegistry, type ProviderRegistry, type ProviderRegistryOptions } from './registry';

export interface ReloadingRegistry extends ProviderRegistry {
  /** Rebuilds the adapters from the environment and providers.json now (after the studio wrote it). */
  reload(): void;
}

/** What identifies one version of the file: a rename (how it is written) gives it a new inode. */
function fileVersion(file: string | null): string {
  if (file === null) return 'none';
  try {
    const s = statSync(file);
    return `${s.ino}:${s.size}:${s.mtimeMs}`;
  } catch {
    return 'absent';
  }
}

/**
 * A registry that follows providers.json without a restart: every method forwards to the current
 * registry, rebuilt when the file changed. The pipeline keeps this object, so a key written through
 * the API or by hand is seen by the next plan and the next job. The file is looked at once per turn
 * of the event loop, not once per call (planning a long production asks thousands of times).
 * A file that became unreadable keeps the previous settings and says so in the log, never its text.
 */
export function createReloadingRegistry(options: ProviderRegistryOptions): ReloadingRegistry {
  const file = options.dataDir === null ? null : join(options.dataDir, 'providers.json');
  let version = fileVersion(file);
  let inner = createProviderRegistry(options);
  let checked = false;

  const rebuild = (seen: string) => {
    version = seen;
    try {
      inner = createProviderRegistry(options);
    } catch (error) {
      options.log?.(
        `providers.json changed but could not be read (${(error as Error).message}); the previous settings stay in use`,
      );
    }
  };

  const current = (): ProviderRegistry => {
    if (!checked) {
      checked = true;
      queueMicrotask(() => {
        checked = false;
      });
      const seen = fileVersion(file);
      if (seen !== version) rebuild(seen);
    }
    return inner;
  };

  return {
    video: (id) => current().video(id),
    speech: (id) => current().speech(id),
    listVideo: () => current().listVideo(),
    listSpeech: () => current().listSpeech(),
    describe: () => current().describe(),
    reload: () => rebuild(fileVersion(file)),
  };
}
