import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeAtomically } from '@ministudio/files';

/** Why providers.json was not written; the message names the file, never its contents. */
export class ConfigFileError extends Error {}

async function readRaw(path: string): Promise<Record<string, unknown>> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw new ConfigFileError(
      `${path} could not be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new ConfigFileError(`${path} is not valid JSON: fix or remove it before changing settings here`);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
    throw new ConfigFileError(`${path} must be an object of NAME: "value" pairs`);
  return parsed as Record<string, unknown>;
}

/**
 * Sets (a string) or removes (null) names in `<dataDir>/providers.json`, keeping every other entry (the
 * "prices" object included). Written under a temporary name then renamed, readable by its owner only:
 * it holds keys. A file that is not valid JSON is refused rather than replaced.
 */
export function updateConfigFile(dataDir: string, values: Record<string, string | null>): Promise<void> {
  const path = join(dataDir, 'providers.json');
  // One write at a time per file: two owners saving at once must not drop each other's names.
  const next = (writing.get(path) ?? Promise.resolve()).catch(() => {}).then(() => rewrite(path, values));
  writing.set(path, next);
  return next;
}

const writing = new Map<string, Promise<void>>();

async function rewrite(path: string, values: Record<string, string | null>): Promise<void> {
  const file = await readRaw(path);
  for (const [name, value] of Object.entries(values)) {
    if (value === null) delete file[name];
    else file[name] = value;
  }
  const text = `${JSON.stringify(file, null, 2)}\n`;
  await writeAtomically(path, (temp) => writeFile(temp, text, { mode: 0o600 }));
}
