import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type ModelPrice, parseUsd, type VideoCapabilities } from '@ministudio/domain';

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

/**
 * The owner's prices, from the "prices" object in `<dataDir>/providers.json`, keyed "provider:model" (one
 * model) or "provider" (all its models):
 *   "prices": { "gemini-veo:veo-3.1-generate-preview": { "usdPerSecond": "0.40",
 *               "source": "https://ai.google.dev/gemini-api/docs/pricing", "readOn": "2026-12-04" } }
 * An override wins over the capability table. `usdPerSecond` may be a string or a number; it is read as
 * text into micro-dollars. A malformed entry is an error naming its key (never a silent guess of a price).
 */
export function readPriceOverrides(dataDir: string | null): Record<string, ModelPrice> {
  if (dataDir === null) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(join(dataDir, 'providers.json'), 'utf8'));
  } catch {
    // A missing or broken file is readConfigFile's to report; it has no prices.
    return {};
  }
  const prices = (parsed as { prices?: unknown } | null)?.prices;
  if (prices === undefined) return {};
  if (prices === null || typeof prices !== 'object' || Array.isArray(prices))
    throw new Error(
      'providers.json: "prices" must be an object of "provider:model": { usdPerSecond, source }',
    );
  const out: Record<string, ModelPrice> = {};
  for (const [key, entry] of Object.entries(prices)) {
    const e = (entry ?? {}) as { usdPerSecond?: unknown; source?: unknown; readOn?: unknown };
    const raw = typeof e.usdPerSecond === 'number' ? String(e.usdPerSecond) : e.usdPerSecond;
    const micros = typeof raw === 'string' ? parseUsd(raw) : null;
    if (micros === null)
      throw new Error(`providers.json: prices["${key}"].usdPerSecond must be an amount like "0.40"`);
    out[key] = {
      microsPerSecond: micros,
      source: typeof e.source === 'string' && e.source.trim() ? e.source.trim() : 'providers.json',
      readOn: typeof e.readOn === 'string' ? e.readOn : '',
      note: 'Set in providers.json.',
    };
  }
  return out;
}

/** A model's price: the owner's override for the model, then for the provider, then the capability table. */
export function priceFor(
  capabilities: Pick<VideoCapabilities, 'provider' | 'model' | 'price'>,
  overrides: Record<string, ModelPrice>,
): ModelPrice | null {
  return (
    overrides[`${capabilities.provider}:${capabilities.model}`] ??
    overrides[capabilities.provider] ??
    capabilities.price ??
    null
  );
}
