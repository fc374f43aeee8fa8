import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '..');
const tsc = path.resolve(root, '../../node_modules/.bin/tsc');

/** Runs tsc on one file of this package; returns its diagnostics ("file(line,col): error TS…"). */
async function typecheck(file: string): Promise<string> {
  try {
    await run(
      tsc,
      [
        '--ignoreConfig',
        '--noEmit',
        '--strict',
        '--target',
        'ES2023',
        '--module',
        'ESNext',
        '--moduleResolution',
        'bundler',
        '--skipLibCheck',
        // Plain "file(line,col): error" lines even when the runner's environment asks for colour.
        '--pretty',
        'false',
        '--types',
        'node',
        file,
      ],
      { cwd: root },
    );
    return '';
  } catch (error) {
    return (error as { stdout: string }).stdout;
  }
}

describe('bad keys are type errors', () => {
  it('tsc accepts the file with its @ts-expect-error lines', async () => {
    expect(await typecheck('test/type-errors.ts')).toBe('');
  }, 60_000);

  it('without the comments, tsc reports an error on exactly each marked line', async () => {
    const source = await readFile(path.join(root, 'test/type-errors.ts'), 'utf8');
    const lines = source.split('\n');
    const expected = new Map<number, string>();
    const stripped = lines.map((line, i) => {
      const mark = /\/\/ @ts-expect-error EXPECT\(([a-z-]+)\)/.exec(line);
      if (!mark) return line;
      expected.set(i + 2, mark[1]!); // tsc lines are 1-based; the error is on the next line
      return '';
    });
    const dir = await mkdtemp(path.join(root, 'test/.tmp-types-'));
    try {
      const file = path.join(dir, 'stripped.ts');
      await writeFile(file, stripped.join('\n').replace("'../src/index'", "'../../src/index'"));
      const out = await typecheck(path.relative(root, file));
      const erred = new Set([...out.matchAll(/stripped\.ts\((\d+),\d+\): error/g)].map((m) => Number(m[1])));
      expect(expected.size).toBe(7);
      for (const [line, name] of expected)
        expect(erred.has(line), `${name} at line ${line}:\n${out}`).toBe(true);
      // Nothing else errs: the correct shot and scene type-check.
      expect([...erred].filter((line) => !expected.has(line))).toEqual([]);
      expect(out).toMatch(/"bob"|bob/);
      expect(out).toMatch(/"moon"/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
