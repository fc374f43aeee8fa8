import { existsSync } from 'node:fs';
import path from 'node:path';
import type { ProviderSettingsFile, ProviderSettingsWritten } from '@ministudio/domain';
import {
  ConfigFileError,
  isSecretName,
  PROVIDER_SETTINGS,
  type ReloadingRegistry,
  readConfigFile,
  updateConfigFile,
} from '@ministudio/providers';
import { HttpError, invalid } from '../lib/http-error';

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

/** Every name some provider reads: the only names the providers page may write. */
const KNOWN_NAMES = new Set(Object.values(PROVIDER_SETTINGS).flatMap((p) => p.names));

/**
 * The owner's settings change: names checked against what providers read (never echoing a value),
 * written to providers.json, then the registry rebuilt so the change applies without a restart. Names
 * the environment also sets are reported: the environment wins over the file.
 */
export async function writeProviderSettings(
  dataDir: string,
  registry: ReloadingRegistry,
  values: Record<string, string | null>,
): Promise<ProviderSettingsWritten> {
  const names = Object.keys(values);
  if (names.length === 0) throw invalid('Name at least one setting to change.', []);
  const unknown = names.filter((name) => !KNOWN_NAMES.has(name));
  if (unknown.length > 0)
    throw invalid(
      `${unknown.join(', ')} ${unknown.length === 1 ? 'is' : 'are'} not a provider setting.`,
      unknown.map((name) => ({ path: `body/values/${name}`, message: 'not a provider setting' })),
    );
  const untrimmed = names.filter((name) => {
    const value = values[name];
    return typeof value === 'string' && (value.trim() === '' || /[\r\n]/.test(value));
  });
  if (untrimmed.length > 0)
    throw invalid(
      'A setting must be one line of text; to remove one, send null.',
      untrimmed.map((name) => ({ path: `body/values/${name}`, message: 'empty or more than one line' })),
    );
  const trimmed = Object.fromEntries(names.map((name) => [name, values[name]?.trim() ?? null]));
  try {
    await updateConfigFile(dataDir, trimmed);
  } catch (error) {
    if (error instanceof ConfigFileError) throw new HttpError('not_ready', error.message, null);
    throw error;
  }
  registry.reload();
  const providers = registry.describe();
  const fromEnv = new Set(
    providers.flatMap((p) => p.settings.filter((s) => s.source === 'env').map((s) => s.name)),
  );
  return { providers, environmentWins: names.filter((name) => fromEnv.has(name)).sort() };
}
