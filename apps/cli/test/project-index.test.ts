import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectFor, rememberProject } from '../src/studio';

// The data folder's index of which project holds which production file (cli-projects.json), on real files.

let dir: string;
let data: string;
let first: string;
let second: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'ministudio-cli-index-'));
  data = path.join(dir, 'data');
  await mkdir(data);
  for (const folder of ['a', 'b']) await mkdir(path.join(dir, folder));
  first = path.join(dir, 'a', 'film.json');
  second = path.join(dir, 'b', 'film.json');
  await writeFile(first, '{}');
  await writeFile(second, '{}');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const indexOf = async (folder: string) =>
  JSON.parse(await readFile(path.join(folder, 'cli-projects.json'), 'utf8'));

describe('cli-projects.json', () => {
  it('two files with one title in different folders are two projects; a renamed title keeps its project', async () => {
    await rememberProject(data, { file: first, title: 'Same Title' }, 'project-a');
    expect(await projectFor(data, { file: second, title: 'Same Title' })).toBeNull();
    await rememberProject(data, { file: second, title: 'Same Title' }, 'project-b');
    expect(await projectFor(data, { file: first, title: 'Same Title' })).toBe('project-a');
    expect(await projectFor(data, { file: second, title: 'Same Title' })).toBe('project-b');
    expect(await projectFor(data, { file: first, title: 'A New Title' })).toBe('project-a');
    // The same file by a relative path or through a link is the same production.
    const link = path.join(dir, 'link');
    await symlink(path.join(dir, 'a'), link);
    expect(await projectFor(data, { file: path.join(link, 'film.json'), title: 'x' })).toBe('project-a');
    expect(await projectFor(data, { file: path.relative(process.cwd(), first), title: 'x' })).toBe(
      'project-a',
    );
  });

  it('an index keyed by title (before paths) is adopted once by a file of that title, then kept by path', async () => {
    const old = path.join(dir, 'old-data');
    await mkdir(old);
    await writeFile(path.join(old, 'cli-projects.json'), JSON.stringify({ 'Tiny CLI Film': 'project-old' }));
    expect(await projectFor(old, { file: first, title: 'Tiny CLI Film' })).toBe('project-old');
    await rememberProject(old, { file: first, title: 'Tiny CLI Film' }, 'project-old');
    const index = await indexOf(old);
    expect(index.productions).toEqual({ [first]: 'project-old' });
    expect(index.byTitle).toEqual({});
    // Adopted once: another file with the title is a new project, and the first keeps it renamed.
    expect(await projectFor(old, { file: second, title: 'Tiny CLI Film' })).toBeNull();
    expect(await projectFor(old, { file: first, title: 'Renamed' })).toBe('project-old');
  });
});
