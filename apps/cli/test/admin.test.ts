import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { buildApp } from '@ministudio/api/src/app';
import { multipart, pngBytes } from '@ministudio/api/test/helpers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ministudio } from './helpers';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'ministudio-cli-admin-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const studioOn = (dataDir: string, seedSamples = false) =>
  buildApp({
    dataDir,
    webDir: null,
    seedSamples,
    workerToken: null,
    logger: false,
    render: { concurrency: 1, env: {}, retryBaseSeconds: 1, engine: null },
  });

describe('ministudio user add', () => {
  it('makes the first owner in a fresh data folder, which the studio then signs in with', async () => {
    const data = path.join(dir, 'team');
    const viewerFirst = await ministudio(['user', 'add', 'bo', '--role', 'viewer', '--data', data], {
      env: { MINISTUDIO_PASSWORD: 'a long password' },
    });
    expect(viewerFirst.code).toBe(2);
    expect(viewerFirst.stderr).toContain('The first account must be an owner');

    const made = await ministudio(['user', 'add', '--owner', 'ana', '--data', data, '--json'], {
      env: { MINISTUDIO_PASSWORD: 'a long password' },
    });
    expect(made.code).toBe(0);
    expect(JSON.parse(made.stdout)).toMatchObject({ name: 'ana', role: 'owner' });
    expect(made.stdout).not.toContain('a long password');

    const weak = await ministudio(['user', 'add', 'cy', '--role', 'editor', '--data', data], {
      env: { MINISTUDIO_PASSWORD: 'short' },
    });
    expect(weak.code).toBe(1);
    expect(weak.stderr).toMatch(/at least 10 characters/);

    const app = await studioOn(data);
    try {
      await app.ready();
      expect((await app.inject({ method: 'GET', url: '/api/projects' })).statusCode).toBe(401);
      const signIn = await app.inject({
        method: 'POST',
        url: '/api/auth/sign-in',
        payload: { name: 'ana', password: 'a long password' },
      });
      expect(signIn.statusCode).toBe(200);
    } finally {
      await app.close();
    }
  }, 120_000);
});

describe('ministudio backup and restore', () => {
  it('backs up a studio, copies nothing the second time, and restores into an empty folder only', async () => {
    const data = path.join(dir, 'studio');
    const app = await studioOn(data, true);
    await app.ready();
    const projects = JSON.parse((await app.inject({ method: 'GET', url: '/api/projects' })).body) as {
      id: string;
      title: string;
      version: number;
    }[];
    const titles = projects.map((p) => p.title).sort();
    // A reference image, so there are media to back up.
    const view = JSON.parse(
      (await app.inject({ method: 'GET', url: `/api/projects/${projects[0]!.id}` })).body,
    ) as {
      characters: { id: string }[];
    };
    const upload = multipart(pngBytes(64, 48, '#aa3355'), 'face.png', 'image/png');
    const added = await app.inject({
      method: 'POST',
      url: `/api/characters/${view.characters[0]!.id}/references`,
      headers: { ...upload.headers, 'if-match': String(projects[0]!.version) },
      payload: upload.payload,
    });
    expect(added.statusCode).toBe(201);
    // The studio keeps running while it is backed up.
    const target = path.join(dir, 'backup');
    const first = await ministudio(['backup', target, '--data', data, '--json']);
    expect(first.code).toBe(0);
    const firstResult = JSON.parse(first.stdout) as { copiedMedia: number; reusedMedia: number };
    expect(firstResult.copiedMedia).toBeGreaterThan(0);
    expect(first.stderr).toMatch(/media: \d+\/\d+ files/);
    const second = await ministudio(['backup', target, '--data', data, '--json']);
    expect(JSON.parse(second.stdout)).toMatchObject({ copiedMedia: 0, reusedMedia: firstResult.copiedMedia });
    await app.close();

    const refused = await ministudio(['restore', target, '--data', data]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('already holds a studio');

    const restoredDir = path.join(dir, 'restored');
    const restored = await ministudio(['restore', target, '--data', restoredDir]);
    expect(restored.code).toBe(0);
    expect(await readdir(restoredDir)).toEqual(expect.arrayContaining(['ministudio.db', 'media']));
    const again = await studioOn(restoredDir);
    try {
      await again.ready();
      const list = JSON.parse((await again.inject({ method: 'GET', url: '/api/projects' })).body) as {
        title: string;
      }[];
      expect(list.map((p) => p.title).sort()).toEqual(titles);
    } finally {
      await again.close();
    }
  }, 180_000);
});
