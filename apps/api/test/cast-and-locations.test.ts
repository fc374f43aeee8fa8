import { describe, expect, it } from 'vitest';
import { createProject, errorOf, json, multipart, pngBytes, useStudio } from './helpers';

const studio = useStudio();

type CharacterWrite = {
  version: number;
  character: {
    id: string;
    key: string;
    references: {
      id: string;
      url: string;
      thumbnailUrl: string;
      width: number;
      height: number;
      mime: string;
    }[];
  };
};
type EnvironmentWrite = {
  version: number;
  environment: { id: string; plate: { id: string; url: string } | null; references: { id: string }[] };
};

const upload = (bytes: Buffer, name: string, type: string, version: number) => {
  const body = multipart(bytes, name, type);
  return { payload: body.payload, headers: { ...body.headers, 'if-match': String(version) } };
};

describe('characters', () => {
  it('creates, edits and keys characters by name', async () => {
    const { project } = await createProject(studio.app);
    const emma = await studio.app.inject({
      method: 'POST',
      url: `/api/projects/${project.id}/characters`,
      headers: { 'if-match': '1' },
      payload: { name: 'Emma', identity: [{ key: 'hair', value: 'chestnut brown bob' }] },
    });
    expect(emma.statusCode).toBe(201);
    const created = json<CharacterWrite>(emma);
    expect(created.version).toBe(2);
    expect(created.character).toMatchObject({ key: 'emma', name: 'Emma', voice: { provider: 'espeak' } });

    const second = json<CharacterWrite>(
      await studio.app.inject({
        method: 'POST',
        url: `/api/projects/${project.id}/characters`,
        headers: { 'if-match': '2' },
        payload: { name: 'Emma' },
      }),
    );
    expect(second.character.key).toBe('emma-2');

    const patched = await studio.app.inject({
      method: 'PATCH',
      url: `/api/characters/${created.character.id}`,
      headers: { 'if-match': '3' },
      payload: {
        defaultState: { expression: 'happy' },
        voice: { provider: 'espeak', voiceId: 'en-gb', rate: 1.2, pitch: 2 },
      },
    });
    expect(patched.statusCode).toBe(200);
    expect(json(patched)).toMatchObject({
      version: 4,
      character: { defaultState: { expression: 'happy' }, voice: { rate: 1.2 } },
    });

    const invalid = await studio.app.inject({
      method: 'PATCH',
      url: `/api/characters/${created.character.id}`,
      headers: { 'if-match': '4' },
      payload: { voice: { provider: 'espeak', voiceId: 'x', rate: 9, pitch: 0 } },
    });
    expect(invalid.statusCode).toBe(400);
    expect((errorOf(invalid).details as { issues: { path: string }[] }).issues[0]!.path).toBe(
      'body/voice/rate',
    );

    const missing = await studio.app.inject({
      method: 'PATCH',
      url: '/api/characters/nobody',
      headers: { 'if-match': '4' },
      payload: { name: 'x' },
    });
    expect(missing.statusCode).toBe(404);
  });

  it('takes real images as references, refuses fakes with 415, serves thumbnails and ranges', async () => {
    const { project } = await createProject(studio.app);
    const c = json<CharacterWrite>(
      await studio.app.inject({
        method: 'POST',
        url: `/api/projects/${project.id}/characters`,
        headers: { 'if-match': '1' },
        payload: { name: 'David' },
      }),
    );
    const id = c.character.id;
    const good = await studio.app.inject({
      method: 'POST',
      url: `/api/characters/${id}/references`,
      ...upload(pngBytes(600, 400), 'david.png', 'image/png', 2),
    });
    expect(good.statusCode).toBe(201);
    const ref = json<CharacterWrite>(good).character.references[0]!;
    expect(ref).toMatchObject({ mime: 'image/png', width: 600, height: 400 });

    const fake = await studio.app.inject({
      method: 'POST',
      url: `/api/characters/${id}/references`,
      ...upload(Buffer.from('this is not a picture'), 'david.png', 'image/png', 3),
    });
    expect(fake.statusCode).toBe(415);
    expect(errorOf(fake).code).toBe('unsupported_media_type');

    const truncated = pngBytes(50, 50).subarray(0, 60);
    const damaged = await studio.app.inject({
      method: 'POST',
      url: `/api/characters/${id}/references`,
      ...upload(truncated, 'broken.png', 'image/png', 3),
    });
    expect(damaged.statusCode).toBe(415);

    const notMultipart = await studio.app.inject({
      method: 'POST',
      url: `/api/characters/${id}/references`,
      headers: { 'if-match': '3' },
      payload: { file: 'x' },
    });
    expect(notMultipart.statusCode).toBeGreaterThanOrEqual(400);
    expect(notMultipart.statusCode).toBeLessThan(500);

    const stale = await studio.app.inject({
      method: 'POST',
      url: `/api/characters/${id}/references`,
      ...upload(pngBytes(10, 10, '#ff0000'), 'late.png', 'image/png', 1),
    });
    expect(stale.statusCode).toBe(409);

    const file = await studio.app.inject(ref.url);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('image/png');
    expect(file.headers['accept-ranges']).toBe('bytes');
    const part = await studio.app.inject({ url: ref.url, headers: { range: 'bytes=0-7' } });
    expect(part.statusCode).toBe(206);
    expect(part.rawPayload).toEqual(file.rawPayload.subarray(0, 8));
    const beyond = await studio.app.inject({ url: ref.url, headers: { range: 'bytes=99999999-' } });
    expect(beyond.statusCode).toBe(416);

    const thumb = await studio.app.inject(ref.thumbnailUrl);
    expect(thumb.statusCode).toBe(200);
    expect(thumb.headers['content-type']).toBe('image/png');
    expect(thumb.rawPayload.subarray(1, 4).toString()).toBe('PNG');
    // 600x400 scaled to 256 on the long side: width 256 in the IHDR chunk.
    expect(thumb.rawPayload.readUInt32BE(16)).toBe(256);
    expect(thumb.rawPayload.readUInt32BE(20)).toBe(171);

    const removed = await studio.app.inject({
      method: 'DELETE',
      url: `/api/characters/${id}/references/${ref.id}`,
      headers: { 'if-match': '3' },
    });
    expect(removed.statusCode).toBe(200);
    expect(json<CharacterWrite>(removed).character.references).toEqual([]);
    expect((await studio.app.inject(ref.url)).statusCode).toBe(404);
    const again = await studio.app.inject({
      method: 'DELETE',
      url: `/api/characters/${id}/references/${ref.id}`,
      headers: { 'if-match': '4' },
    });
    expect(again.statusCode).toBe(404);
  });

  it('refuses to delete a character that shots use unless forced', async () => {
    const { project } = await createProject(studio.app);
    const c = json<CharacterWrite>(
      await studio.app.inject({
        method: 'POST',
        url: `/api/projects/${project.id}/characters`,
        headers: { 'if-match': '1' },
        payload: { name: 'Sarah' },
      }),
    );
    const scene = json<{ version: number; scene: { id: string } }>(
      await studio.app.inject({
        method: 'POST',
        url: `/api/projects/${project.id}/scenes`,
        headers: { 'if-match': '2' },
        payload: {},
      }),
    );
    const shot = json<{ version: number; shot: { id: string } }>(
      await studio.app.inject({
        method: 'POST',
        url: `/api/scenes/${scene.scene.id}/shots`,
        headers: { 'if-match': '3' },
        payload: {
          dialogue: [{ character: 'sarah', text: 'Hello' }],
          cast: [{ character: 'sarah', state: { expression: 'shocked' } }],
        },
      }),
    );
    const refused = await studio.app.inject({
      method: 'DELETE',
      url: `/api/characters/${c.character.id}`,
      headers: { 'if-match': '4' },
    });
    expect(refused.statusCode).toBe(409);
    expect(errorOf(refused)).toMatchObject({ code: 'in_use', details: { shotIds: [shot.shot.id] } });
    const forced = await studio.app.inject({
      method: 'DELETE',
      url: `/api/characters/${c.character.id}?force=true`,
      headers: { 'if-match': '4' },
    });
    expect(forced.statusCode).toBe(200);
    const view = json<{
      characters: unknown[];
      scenes: { shots: { dialogue: unknown[]; cast: unknown[] }[] }[];
    }>(await studio.app.inject(`/api/projects/${project.id}`));
    expect(view.characters).toEqual([]);
    expect(view.scenes[0]!.shots[0]).toMatchObject({ dialogue: [], cast: [] });
  });
});

describe('environments', () => {
  it('creates, edits, locks a plate and deletes', async () => {
    const { project } = await createProject(studio.app);
    const created = await studio.app.inject({
      method: 'POST',
      url: `/api/projects/${project.id}/environments`,
      headers: { 'if-match': '1' },
      payload: {
        name: 'Night Lab',
        location: 'underground',
        identity: { architecture: 'concrete', fixedElements: ['server racks'], palette: ['night', 'cyan'] },
        context: { lighting: 'monitor glow', weather: '', timeOfDay: 'night' },
      },
    });
    expect(created.statusCode).toBe(201);
    const env = json<EnvironmentWrite>(created).environment;
    expect(env).toMatchObject({ key: 'night-lab', plate: null });

    const patched = await studio.app.inject({
      method: 'PATCH',
      url: `/api/environments/${env.id}`,
      headers: { 'if-match': '2' },
      payload: { context: { lighting: 'dawn light', weather: 'clear', timeOfDay: 'dawn' } },
    });
    expect(json(patched)).toMatchObject({
      version: 3,
      environment: { context: { timeOfDay: 'dawn' }, location: 'underground' },
    });

    const plate = await studio.app.inject({
      method: 'PUT',
      url: `/api/environments/${env.id}/plate`,
      ...upload(pngBytes(128, 72), 'plate.png', 'image/png', 3),
    });
    expect(plate.statusCode).toBe(200);
    const first = json<EnvironmentWrite>(plate).environment.plate!;
    const replaced = await studio.app.inject({
      method: 'PUT',
      url: `/api/environments/${env.id}/plate`,
      ...upload(pngBytes(128, 72, '#000000'), 'plate2.png', 'image/png', 4),
    });
    const second = json<EnvironmentWrite>(replaced).environment.plate!;
    expect(second.id).not.toBe(first.id);
    expect((await studio.app.inject(first.url)).statusCode).toBe(404);

    const ref = await studio.app.inject({
      method: 'POST',
      url: `/api/environments/${env.id}/references`,
      ...upload(pngBytes(20, 20, '#00ff00'), 'r.png', 'image/png', 5),
    });
    expect(ref.statusCode).toBe(201);
    const refId = json<EnvironmentWrite>(ref).environment.references[0]!.id;
    const unref = await studio.app.inject({
      method: 'DELETE',
      url: `/api/environments/${env.id}/references/${refId}`,
      headers: { 'if-match': '6' },
    });
    expect(json<EnvironmentWrite>(unref).environment.references).toEqual([]);

    const unplate = await studio.app.inject({
      method: 'DELETE',
      url: `/api/environments/${env.id}/plate`,
      headers: { 'if-match': '7' },
    });
    expect(json<EnvironmentWrite>(unplate).environment.plate).toBeNull();
    const noPlate = await studio.app.inject({
      method: 'DELETE',
      url: `/api/environments/${env.id}/plate`,
      headers: { 'if-match': '8' },
    });
    expect(noPlate.statusCode).toBe(404);

    const scene = await studio.app.inject({
      method: 'POST',
      url: `/api/projects/${project.id}/scenes`,
      headers: { 'if-match': '8' },
      payload: { environmentId: env.id },
    });
    const sceneId = json<{ scene: { id: string } }>(scene).scene.id;
    const deleted = await studio.app.inject({
      method: 'DELETE',
      url: `/api/environments/${env.id}`,
      headers: { 'if-match': '9' },
    });
    expect(deleted.statusCode).toBe(200);
    const view = json<{ environments: unknown[]; scenes: { id: string; environmentId: string | null }[] }>(
      await studio.app.inject(`/api/projects/${project.id}`),
    );
    expect(view.environments).toEqual([]);
    expect(view.scenes.find((s) => s.id === sceneId)!.environmentId).toBeNull();
  });
});
