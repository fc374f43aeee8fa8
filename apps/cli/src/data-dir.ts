import os from 'node:os';
import path from 'node:path';

/** Where `render` keeps its database and takes unless --data says otherwise (the XDG cache folder). */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  const cache = env.XDG_CACHE_HOME?.trim() || path.join(os.homedir(), '.cache');
  return path.join(cache, 'ministudio');
}
