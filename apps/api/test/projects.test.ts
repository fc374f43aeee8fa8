import { SAMPLE_PRODUCTIONS } from '@ministudio/domain';
import { describe, expect, it } from 'vitest';
import { createProject, errorOf, json, multipart, pngBytes, useStudio } from './helpers';

const studio = useStudio({ seedSamples: true });

describe('projects', () => {
  it('a fresh studio lists both sample projects', async () => {
    const response = await studio.app.inject('/api/projects');
    expect(response.statusCode).toBe(200);
    const titles = json<{ title: string; shotCount: number }[]>(response as never).map((p) => [
      p.title,
      p.shotCount,
    ]);
    expect(titles).toEqual(
      expect.arrayContaining([
        ['The ContextBytes Brand Story', 6],
        ['The Last Algorithm', 8],
      ]),
    );
  });

  it('creates a project with defaults and gets it whole', async () => {
    const { project, version } = await createProject(studio.app, 'Night Shift');
    expect(version).toBe(1);
    const response = await studio.app.inject(`/api/projects/${project.id}`);
    expect(response.statusCode).toBe(200);
    expect(json(response)).toMatchObject({
      title: 'Night Shift',
      aspectRatio: '16:9',
      width: 1280,
      height: 720,
      fps: 24,
      defaultProvider: 'local',
      characters: [],
      scenes: [],
    });
  });

  it('refuses an invalid project with every problem and its path', async () => {
    const response = await studio.app.inject({
      method: 'POST',
      url: '/api/projects',
      payload: { title: '', fps: 500, aspectRatio: '4:3', colour: 'red' },
    });
    expect(response.statusCode).toBe(400);
    const error = errorOf(response);
    expect(error.code).toBe('validation_failed');
    const paths = (error.details as { issues: { path: string }[] }).issues.map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['body/title', 'body/fps', 'body/aspectRatio', 'body']));
  });

  it('refuses a body that is not JSON with a 400, not a 500', async () => {
    const response = await studio.app.inject({
      method: 'POST',
      url: '/api/projects',
      headers: { 'content-type': 'application/json' },
      payload: '{"title": ',
    });
    expect(response.statusCode).toBe(400);
    expect(errorOf(response).code).toBe('validation_failed');
  });

  it('patches with If-Match, bumps the version, and refuses stale or missing versions', async () => {
    const { project } = await createProject(studio.app);
    const ok = await studio.app.inject({
      method: 'PATCH',
      url: `/api/projects/${project.id}`,
      headers: { 'if-match': '1' },
      payload: { title: 'Renamed', style: 'ghibli' },
    });
    expect(ok.statusCode).toBe(200);
    expect(json(ok)).toMatchObject({
      version: 2,
      project: { title: 'Renamed', style: 'ghibli', version: 2 },
    });

    const stale = await studio.app.inject({
      method: 'PATCH',
      url: `/api/projects/${project.id}`,
      headers: { 'if-match': '1' },
      payload: { title: 'Lost' },
    });
    expect(stale.statusCode).toBe(409);
    const conflict = errorOf(stale);
    expect(conflict.code).toBe('version_conflict');
    expect(conflict.details).toMatchObject({ currentVersion: 2, yourVersion: 1 });

    const missing = await studio.app.inject({
      method: 'PATCH',
      url: `/api/projects/${project.id}`,
      payload: { title: 'x' },
    });
    expect(missing.statusCode).toBe(428);
    expect(errorOf(missing).code).toBe('version_required');

    const garbage = await studio.app.inject({
      method: 'PATCH',
      url: `/api/projects/${project.id}`,
      headers: { 'if-match': 'banana' },
      payload: { title: 'x' },
    });
    expect(garbage.statusCode).toBe(400);

    const after = json(await studio.app.inject(`/api/projects/${project.id}`));
    expect(after).toMatchObject({ title: 'Renamed', version: 2 });
  });

  it('answers 404 for a project that does not exist', async () => {
    for (const [method, url] of [
      ['GET', '/api/projects/nope'],
      ['GET', '/api/projects/nope/export'],
      ['POST', '/api/projects/nope/duplicate'],
    ] as const) {
      const response = await studio.app.inject({ method, url });
      expect(response.statusCode, url).toBe(404);
      expect(errorOf(response).code).toBe('not_found');
    }
    const patch = await studio.app.inject({
      method: 'PATCH',
      url: '/api/projects/nope',
      headers: { 'if-match': '1' },
      payload: { title: 'x' },
    });
    expect(patch.statusCode).toBe(404);
  });

  it('deletes a project and its files', async () => {
    const { project } = await createProject(studio.app, 'Doomed');
    const character = json<{ version: number; character: { id: string } }>(
      await studio.app.inject({
        method: 'POST',
        url: `/api/projects/${project.id}/characters`,
        headers: { 'if-match': '1' },
        payload: { name: 'Ghost' },
      }),
    );
    const upload = await studio.app.inject({
      method: 'POST',
      url: `/api/characters/${character.character.id}/references`,
      ...withIfMatch(multipart(pngBytes(17, 13, '#abcdef'), 'ghost.png', 'image/png'), 2),
    });
    expect(upload.statusCode).toBe(201);
    const asset = json<{ character: { references: { url: string }[] } }>(upload).character.references[0]!;
    expect((await studio.app.inject(asset.url)).statusCode).toBe(200);

    const stale = await studio.app.inject({
      method: 'DELETE',
      url: `/api/projects/${project.id}`,
      headers: { 'if-match': '1' },
    });
    expect(stale.statusCode).toBe(409);
    const gone = await studio.app.inject({
      method: 'DELETE',
      url: `/api/projects/${project.id}`,
      headers: { 'if-match': '3' },
    });
    expect(gone.statusCode).toBe(200);
    expect((await studio.app.inject(`/api/projects/${project.id}`)).statusCode).toBe(404);
    expect((await studio.app.inject(asset.url)).statusCode).toBe(404);
  });

  it('exports a sample and imports it back identical', async () => {
    const list = json<{ id: string; title: string }[]>((await studio.app.inject('/api/projects')) as never);
    const sample = list.find((p) => p.title === 'The Last Algorithm')!;
    const exported = await studio.app.inject(`/api/projects/${sample.id}/export`);
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-disposition']).toMatch(/attachment; filename=".*\.ministudio\.json"/);
    const doc = json(exported);
    expect(doc).toEqual(SAMPLE_PRODUCTIONS[1]);

    const imported = await studio.app.inject({ method: 'POST', url: '/api/projects/import', payload: doc });
    expect(imported.statusCode).toBe(201);
    const { id } = json<{ id: string }>(imported);
    expect(id).not.toBe(sample.id);
    const again = json(await studio.app.inject(`/api/projects/${id}/export`));
    expect(again).toEqual(doc);
  });

  it('round-trips a production with images', async () => {
    const { project } = await createProject(studio.app, 'With pictures');
    const env = json<{ environment: { id: string } }>(
      await studio.app.inject({
        method: 'POST',
        url: `/api/projects/${project.id}/environments`,
        headers: { 'if-match': '1' },
        payload: {
          name: 'Harbour',
          identity: { architecture: 'stone quay', fixedElements: ['crane'], palette: ['slate'] },
        },
      }),
    );
    await studio.app.inject({
      method: 'PUT',
      url: `/api/environments/${env.environment.id}/plate`,
      ...withIfMatch(multipart(pngBytes(64, 36, '#223344'), 'plate.png', 'image/png'), 2),
    });
    await studio.app.inject({
      method: 'POST',
      url: `/api/environments/${env.environment.id}/references`,
      ...withIfMatch(multipart(pngBytes(40, 30, '#884422'), 'ref.png', 'image/png'), 3),
    });
    const doc = json<{
      assets: Record<string, { mime: string }>;
      environments: { plate: string; referenceImages: string[] }[];
    }>(await studio.app.inject(`/api/projects/${project.id}/export`));
    expect(Object.keys(doc.assets)).toHaveLength(2);
    expect(doc.environments[0]!.plate).toMatch(/^[a-f0-9]{64}$/);
    const imported = json<{ id: string }>(
      await studio.app.inject({ method: 'POST', url: '/api/projects/import', payload: doc }),
    );
    const again = json(await studio.app.inject(`/api/projects/${imported.id}/export`));
    expect(again).toEqual(doc);
  });

  it('refuses an invalid production with every error and its JSON path, and creates nothing', async () => {
    const before = json<unknown[]>((await studio.app.inject('/api/projects')) as never).length;
    const doc = structuredClone(SAMPLE_PRODUCTIONS[0]!) as unknown as {
      scenes: { shots: Record<string, unknown>[] }[];
      project: Record<string, unknown>;
    };
    doc.scenes[0]!.shots[0]!.camera = 'spin';
    doc.scenes[0]!.shots[3]!.dialogue = [{ character: 'nobody', text: 'hi' }];
    doc.project.fps = 0;
    const response = await studio.app.inject({ method: 'POST', url: '/api/projects/import', payload: doc });
    expect(response.statusCode).toBe(400);
    const error = errorOf(response);
    const paths = (error.details as { issues: { path: string }[] }).issues.map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['/scenes/0/shots/0/camera', '/project/fps']));
    const after = json<unknown[]>((await studio.app.inject('/api/projects')) as never).length;
    expect(after).toBe(before);

    const broken = structuredClone(SAMPLE_PRODUCTIONS[0]!);
    broken.scenes[0]!.shots[3]!.dialogue = [{ character: 'nobody', text: 'hi' }];
    const refs = await studio.app.inject({ method: 'POST', url: '/api/projects/import', payload: broken });
    expect(refs.statusCode).toBe(400);
    expect((errorOf(refs).details as { issues: { path: string }[] }).issues.map((i) => i.path)).toEqual([
      '/scenes/0/shots/3/dialogue/0/character',
    ]);
  });

  it('refuses a production whose image is not an image', async () => {
    const doc = structuredClone(SAMPLE_PRODUCTIONS[0]!);
    const sha = 'b'.repeat(64);
    doc.assets = {
      [sha]: { mime: 'image/png', name: 'fake.png', data: Buffer.from('hello').toString('base64') },
    };
    doc.characters[0]!.referenceImages = [sha];
    const response = await studio.app.inject({ method: 'POST', url: '/api/projects/import', payload: doc });
    expect(response.statusCode).toBe(400);
    expect((errorOf(response).details as { issues: { path: string }[] }).issues[0]!.path).toBe(
      `/assets/${sha}`,
    );
  });

  it('duplicates a project with a new title and its own ids', async () => {
    const list = json<{ id: string; title: string }[]>((await studio.app.inject('/api/projects')) as never);
    const sample = list.find((p) => p.title === 'The ContextBytes Brand Story')!;
    const response = await studio.app.inject({
      method: 'POST',
      url: `/api/projects/${sample.id}/duplicate`,
      payload: {},
    });
    expect(response.statusCode).toBe(201);
    const copy = json<{
      project: { id: string; title: string; scenes: { shots: { id: string; key: string }[] }[] };
    }>(response).project;
    expect(copy.title).toBe('The ContextBytes Brand Story (copy)');
    const original = json<{ scenes: { shots: { id: string; key: string }[] }[] }>(
      await studio.app.inject(`/api/projects/${sample.id}`),
    );
    expect(copy.scenes[0]!.shots.map((s) => s.key)).toEqual(original.scenes[0]!.shots.map((s) => s.key));
    expect(copy.scenes[0]!.shots[0]!.id).not.toBe(original.scenes[0]!.shots[0]!.id);
  });

  it('reorders scenes, refusing an order that is not a permutation', async () => {
    const { project } = await createProject(studio.app, 'Order');
    const ids: string[] = [];
    let version = 1;
    for (const title of ['One', 'Two', 'Three']) {
      const r = json<{ version: number; scene: { id: string } }>(
        await studio.app.inject({
          method: 'POST',
          url: `/api/projects/${project.id}/scenes`,
          headers: { 'if-match': String(version) },
          payload: { title },
        }),
      );
      version = r.version;
      ids.push(r.scene.id);
    }
    const bad = await studio.app.inject({
      method: 'PUT',
      url: `/api/projects/${project.id}/scene-order`,
      headers: { 'if-match': String(version) },
      payload: { ids: [ids[0], ids[1]] },
    });
    expect(bad.statusCode).toBe(400);
    const ok = await studio.app.inject({
      method: 'PUT',
      url: `/api/projects/${project.id}/scene-order`,
      headers: { 'if-match': String(version) },
      payload: { ids: [ids[2], ids[0], ids[1]] },
    });
    expect(ok.statusCode).toBe(200);
    expect(json<{ project: { scenes: { title: string }[] } }>(ok).project.scenes.map((s) => s.title)).toEqual(
      ['Three', 'One', 'Two'],
    );
  });
});

function withIfMatch(request: { payload: Buffer; headers: Record<string, string> }, version: number) {
  return { payload: request.payload, headers: { ...request.headers, 'if-match': String(version) } };
}
