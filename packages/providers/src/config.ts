import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Names whose values are secrets: masked everywhere and never described. */
export function isSecretName(name: string): boolean {
  return /(_KEY|_SECRET|_TOKEN)$/.test(name) || name === 'FAL_KEY';
}

export interface ProviderSettings {
  /** The value from the environment, else from `<dataDir>/providers.json`, else null. */
  get(name: string): string | null;
  /** Every configured secret value, for redaction. */
  secretValues(): string[];
  /** Where a value came from, for describe(): never the value itself. */
  source(name: string): 'env' | 'file' | null;
}

export function readConfigFile(dataDir: string | null): Record<string, string> {
  if (dataDir === null) return {};
  const path = join(dataDir, 'providers.json');
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw new Error(`providers.json could not be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    // Never echo the file: it holds keys.
    throw new Error(`${path} is not valid JSON`);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new Error(`${path} must be an object of NAME: "value" pairs`);
  }
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(parsed)) {
    if (typeof value === 'string') out[name] = value;
    else if (typeof value === 'number' || typeof value === 'boolean') out[name] = String(value);
  }
  return out;
}

export function loadSettings(env: NodeJS.ProcessEnv, dataDir: string | null): ProviderSettings {
  const file = readConfigFile(dataDir);
  const pick = (name: string): string | null => {
    const fromEnv = env[name];
    if (fromEnv !== undefined && fromEnv.trim() !== '') return fromEnv.trim();
    const fromFile = file[name];
    return fromFile !== undefined && fromFile.trim() !== '' ? fromFile.trim() : null;
  };
  return {
    get: pick,
    source: (name) => {
      const v = env[name];
      if (v !== undefined && v.trim() !== '') return 'env';
      return pick(name) === null ? null : 'file';
    },
    secretValues: () => {
      const names = new Set([...Object.keys(env), ...Object.keys(file)].filter(isSecretName));
      return [...names].map(pick).filter((v): v is string => v !== null);
    },
  };
}

/** Reads a positive integer setting, falling back when absent or nonsense. */
export function intSetting(settings: ProviderSettings, name: string, fallback: number): number {
  const raw = settings.get(name);
  if (raw === null) return fallback;
  const n = Math.round(Number(raw));
  return Number.isFinite(n) && n > 0 ? n : fallback;
}
