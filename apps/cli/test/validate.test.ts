import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../src/main';
import { ministudio, REPO } from './helpers';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'ministudio-cli-validate-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const SAMPLE = 'packages/domain/samples/the-last-algorithm.json';

describe('ministudio validate', () => {
  it('accepts a sample production file and an example script', async () => {
    const json = await ministudio(['validate', SAMPLE]);
    expect(json.code).toBe(0);
    expect(json.stdout).toContain(
      'valid — "The Last Algorithm", 2 characters, 2 environments, 2 scenes, 8 shots, 64 s',
    );
    const script = await ministudio(['validate', 'examples/the-contextbytes-brand-story.ts', '--json']);
    expect(script.code).toBe(0);
    expect(JSON.parse(script.stdout)).toMatchObject({
      ok: true,
      title: 'The ContextBytes Brand Story',
      shots: 6,
      issues: [],
    });
  }, 60_000);

  it('lists every problem of a bad file with its path and exits 1', async () => {
    const doc = JSON.parse(await readFile(path.join(REPO, SAMPLE), 'utf8'));
    doc.scenes[0].shots[1].dialogue[0].character = 'bob';
    doc.scenes[1].environment = 'moon';
    doc.scenes[1].shots[0].key = doc.scenes[0].shots[0].key;
    const file = path.join(dir, 'bad.json');
    await writeFile(file, JSON.stringify(doc));
    const text = await ministudio(['validate', file]);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain('has 3 problems:');
    expect(text.stdout).toContain('/scenes/0/shots/1/dialogue/0/character: no character with key "bob"');
    expect(text.stdout).toContain('/scenes/1/environment: no environment with key "moon"');
    expect(text.stdout).toContain('/scenes/1/shots/0/key: duplicate key "la-01-racks"');
    const json = await ministudio(['validate', file, '--json']);
    expect(json.code).toBe(1);
    const answer = JSON.parse(json.stdout);
    expect(answer.ok).toBe(false);
    expect(answer.issues.map((i: { path: string }) => i.path)).toEqual([
      '/scenes/0/shots/1/dialogue/0/character',
      '/scenes/1/environment',
      '/scenes/1/shots/0/key',
    ]);
  }, 60_000);

  it('reports shape errors by path (wrong type, unknown field)', async () => {
    const doc = JSON.parse(await readFile(path.join(REPO, SAMPLE), 'utf8'));
    doc.scenes[0].shots[2].shotType = 'sideways';
    doc.characters[0].age = 40;
    const file = path.join(dir, 'shape.json');
    await writeFile(file, JSON.stringify(doc));
    const run = await ministudio(['validate', file]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/\/scenes\/0\/shots\/2\/shotType: must be one of: .*close-up/);
    expect(run.stdout).toContain('/characters/0: unknown field: age');
  }, 60_000);

  it('a plain JavaScript script with an unknown key fails with the path and the shot', async () => {
    const file = path.join(dir, 'loose.mjs');
    await writeFile(
      file,
      `import { character, defineProduction, environment, scene, shot } from '@ministudio/script';
export default defineProduction({
  project: { title: 'Loose' },
  characters: [character('ada', { name: 'Ada' })],
  environments: [environment('hall', { name: 'Hall' })],
  scenes: [scene('s', { environment: 'hall', seed: 1, shots: [shot('s-1', { dialogue: ['bob: Hi.'] })] })],
});
`,
    );
    // Outside the checkout the bare import would not resolve, so the script lives beside the workspace's node_modules.
    const inside = path.join(REPO, 'apps/cli/test/.tmp-loose.mjs');
    await writeFile(inside, await readFile(file, 'utf8'));
    try {
      const run = await ministudio(['validate', inside]);
      expect(run.code).toBe(1);
      expect(run.stdout).toContain(
        '/scenes/0/shots/0/dialogue/0/character (shot "s-1"): no character with key "bob"',
      );
    } finally {
      await rm(inside, { force: true });
    }
  }, 60_000);

  it('says plainly when the file is missing, not JSON, or of another kind', async () => {
    const missing = await ministudio(['validate', path.join(dir, 'nope.json')]);
    expect(missing.code).toBe(1);
    expect(missing.stdout).toContain('no such file');
    const broken = path.join(dir, 'broken.json');
    await writeFile(broken, '{ "format": ');
    const notJson = await ministudio(['validate', broken]);
    expect(notJson.code).toBe(1);
    expect(notJson.stdout).toContain('is not valid JSON');
    const other = await ministudio(['validate', path.join(dir, 'film.txt')]);
    expect(other.code).toBe(1);
    expect(other.stdout).toContain('a production is a .json file or a .ts / .js script');
  }, 60_000);
});

describe('ministudio render refusals', () => {
  it('--provider names a provider that does not exist: refused before anything is queued', async () => {
    const data = path.join(dir, 'data');
    const run = await ministudio([
      'render',
      'apps/cli/test/fixtures/tiny.ts',
      '--provider',
      'nope',
      '--out',
      path.join(dir, 'f.mp4'),
      '--data',
      data,
      '--json',
    ]);
    expect(run.code).toBe(1);
    const { error } = JSON.parse(run.stdout);
    expect(error.code).toBe('unsupported_by_provider');
    expect(error.message).toContain('No video provider "nope"');
    expect(error.details.shots).toHaveLength(3);
    const { createDb } = await import('@ministudio/db');
    const db = createDb(path.join(data, 'ministudio.db'));
    try {
      expect(await db.renderJob.count()).toBe(0);
    } finally {
      await db.$disconnect();
    }
  }, 180_000);
});

// In this process (main() is what the bin runs): eight spawns of the command cost a minute on a busy machine.
async function inProcess(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    stdout += String(chunk);
    return true;
  });
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    stderr += String(chunk);
    return true;
  });
  try {
    return { code: await main(args), stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

describe('ministudio --help', () => {
  it('every command has its help, and unknown commands and options are usage errors', async () => {
    for (const command of ['validate', 'render', 'import', 'export', 'export-edit']) {
      const run = await inProcess([command, '--help']);
      expect(run.code, command).toBe(0);
      expect(run.stdout).toContain(`Usage: ministudio ${command}`);
      expect(run.stdout).toContain('--help');
    }
    const top = await inProcess(['--help']);
    expect(top.code).toBe(0);
    expect(top.stdout).toMatch(/validate .*render .*import .*export .*export-edit/s);
    const unknown = await inProcess(['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Unknown command "frobnicate"');
    const badOption = await inProcess(['validate', SAMPLE, '--colour']);
    expect(badOption.code).toBe(2);
    expect(badOption.stderr).toContain("Unknown option '--colour'");
    const noFile = await inProcess(['render', '--out', 'x.mp4']);
    expect(noFile.code).toBe(2);
    expect(noFile.stderr).toContain('render takes one production file');
  }, 60_000);
});
