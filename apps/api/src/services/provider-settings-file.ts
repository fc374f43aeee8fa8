import { existsSync } from 'node:fs';
import path from 'node:path';
import type { ProviderSettingsFile } from '@ministudio/domain';
import { isSecretName, PROVIDER_SETTINGS, readConfigFile } from '@ministudio/providers';

/** A placeholder a user replaces: it says what goes there, and is never a real value. */
function placeholder(name: string): string {
  if (isSecretName(name)) return `your-${name.toLowerCase().replace(/_/g, '-')}`;
  if (name.endsWith('_URL')) return 'http://127.0.0.1:8188';
  if (name === 'GOOGLE_APPLICATION_CREDENTIALS') return '/path/to/service-account.json';
  if (name === 'GOOGLE_CLOUD_LOCATION') return 'us-central1';
  if (name === 'GOOGLE_CLOUD_PROJECT') return 'my-project';
  return '…';
}

/**
 * The providers.json of this data folder: its real path, whether it exists, which names it sets (never
 * their values), and an example with the key settings every provider reads. Overrides of base URLs
 * (MINISTUDIO_*) are left out of the example: they are for tests and proxies, not for a first setup.
 */
export function describeSettingsFile(dataDir: string): ProviderSettingsFile {
  const file = path.resolve(dataDir, 'providers.json');
  const exists = existsSync(file);
  let namesSet: string[] = [];
  try {
    namesSet = Object.keys(readConfigFile(dataDir)).sort();
  } catch {
    // A broken file is reported where it is read (the studio's start); the page still shows the path.
    namesSet = [];
  }
  const names = [
    ...new Set(
      Object.values(PROVIDER_SETTINGS).flatMap((p) => p.names.filter((n) => !n.startsWith('MINISTUDIO_'))),
    ),
  ];
  const example = JSON.stringify(Object.fromEntries(names.map((n) => [n, placeholder(n)])), null, 2);
  return { path: file, exists, example, namesSet };
}
