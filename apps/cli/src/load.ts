import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Production, type ValidationIssue, validateProduction } from '@ministudio/domain';
import { ProductionError } from '@ministudio/script';

/** A production file that could not be used, with every problem found (JSON path + plain words). */
export class LoadError extends Error {
  constructor(
    message: string,
    readonly issues: ValidationIssue[] = [],
  ) {
    super(message);
    this.name = 'LoadError';
  }
}

/**
 * Reads a production: a `.json` production file, or a `.ts`/`.mts`/`.js`/`.mjs` script whose default
 * export is one (usually `defineProduction(...)`). TypeScript is loaded through tsx, which the command's
 * entry point registers. Whatever comes out is checked by the domain's validator.
 */
export async function loadProduction(file: string): Promise<Production> {
  const absolute = path.resolve(file);
  const ext = path.extname(absolute).toLowerCase();
  let input: unknown;
  if (ext === '.json') {
    let text: string;
    try {
      text = await readFile(absolute, 'utf8');
    } catch (error) {
      throw new LoadError(
        `Cannot read ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`,
      );
    }
    try {
      input = JSON.parse(text);
    } catch (error) {
      throw new LoadError(`${file} is not valid JSON: ${(error as Error).message}`);
    }
  } else if (['.ts', '.mts', '.cts', '.js', '.mjs', '.cjs'].includes(ext)) {
    let module: Record<string, unknown>;
    try {
      module = (await import(pathToFileURL(absolute).href)) as Record<string, unknown>;
    } catch (error) {
      // By name as well: a script outside this checkout may carry its own copy of @ministudio/script.
      if (error instanceof ProductionError || (error as Error).name === 'ProductionError') {
        throw new LoadError((error as ProductionError).message, (error as ProductionError).issues);
      }
      if ((error as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND' && !(await exists(absolute))) {
        throw new LoadError(`Cannot read ${file}: no such file`);
      }
      throw new LoadError(`${file} failed to run: ${(error as Error).message}`);
    }
    input = module.default ?? module.production;
    if (input === undefined) {
      throw new LoadError(`${file} exports no production: write \`export default defineProduction({...})\``);
    }
  } else {
    throw new LoadError(
      `${file}: a production is a .json file or a .ts / .js script, not "${ext || 'no extension'}"`,
    );
  }
  const checked = validateProduction(input);
  if (!checked.ok) {
    throw new LoadError(
      `${file} has ${checked.issues.length} problem${checked.issues.length === 1 ? '' : 's'}`,
      checked.issues,
    );
  }
  return checked.value;
}

async function exists(file: string): Promise<boolean> {
  return readFile(file).then(
    () => true,
    () => false,
  );
}
