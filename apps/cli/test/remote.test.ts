import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { useStudio } from '@ministudio/api/test/helpers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ministudio, REPO } from './helpers';

// import / export / export-edit against a real studio listening on a port, through its HTTP API.

const studio = useStudio();
let url: string;
let dir: string;
beforeAll(async () => {
  await studio.app.listen({ host: '127.0.0.1', port: 0 });
  const address = studio.app.server.address();
  url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  dir = await mkdtemp(path.join(os.tmpdir(), 'ministudio-cli-remote-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('ministudio import / export', () => {
  it('imports an example script into the studio and exports it back with everything the sample holds', async () => {
    const imported = await ministudio(['import', 'examples/the-last-algorithm.ts', '--url', url, '--json']);
    expect(imported.code, imported.stderr).toBe(0);
    const { id, url: editor } = JSON.parse(imported.stdout);
    expect(editor).toBe(`${url}/projects/${id}`);
    const listed = await studio.app.inject({ method: 'GET', url: `/api/projects/${id}` });
    expect(listed.statusCode).toBe(200);

    const out = path.join(dir, 'exported.json');
    const exported = await ministudio(['export', id, '--out', out, '--url', url]);
    expect(exported.code, exported.stderr).toBe(0);
    const sample = JSON.parse(
      await readFile(path.join(REPO, 'packages/domain/samples/the-last-algorithm.json'), 'utf8'),
    );
    // Everything the sample says comes back (the studio may add settings the sample leaves to their defaults).
    expect(JSON.parse(await readFile(out, 'utf8'))).toMatchObject(sample);
  }, 120_000);

  it('says in plain words when the studio refuses, is not there, or has no such project', async () => {
    const missing = await ministudio(['export', 'no-such-project', '--url', url]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/The studio answered 404: .*no-such-project/);
    const away = await ministudio(['export', 'x', '--url', 'http://127.0.0.1:9']);
    expect(away.code).toBe(1);
    expect(away.stderr).toContain('No studio answers at http://127.0.0.1:9');
    const badFormat = await ministudio([
      'export-edit',
      'x',
      '--format',
      'avi',
      '--out',
      path.join(dir, 'e'),
      '--url',
      url,
    ]);
    expect(badFormat.code).toBe(1);
    expect(badFormat.stderr).toContain('--format must be otio, fcpxml, edl or mlt, not "avi"');
  }, 120_000);
});
