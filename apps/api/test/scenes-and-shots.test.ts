import { deriveShotSeed } from '@ministudio/domain';
import { describe, expect, it } from 'vitest';
import { createProject, errorOf, json, useStudio } from './helpers';

const studio = useStudio();

type Shot = {
  id: string;
  key: string;
  sceneId: string;
  action: string;
  duration: number | 'speech';
  effectiveSeed: number;
  seed: number | null;
};
type Scene = { id: string; seed: number; shots: Shot[] };

/** Sends writes in order, threading the project version like the editor does. */
function session(projectId: string) {
  let version = 1;
  return {
    get version() {
      return version;
    },
    async write<T>(method: 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, payload?: unknown) {
      const response = await studio.app.inject({
        method,
        url,
        headers: { 'if-match': String(version) },
        ...(payload === undefined ? {} : { payload: payload as object }),
      });
      if (response.statusCode >= 300)
        return { status: response.statusCode, error: errorOf(response), body: null as T };
      const body = json<T & { version: number }>(response);
      version = body.version;
      return { status: response.statusCode, error: null, body };
    },
    view: async () => json<{ scenes: Scene[] }>(await studio.app.inject(`/api/projects/${projectId}`)),
  };
}

describe('scenes and shots', () => {
  it('adds shots at positions, reorders, moves between scenes, duplicates and deletes', async () => {
    const { project } = await createProject(studio.app);
    const s = session(project.id);
    const a = (
      await s.write<{ scene: Scene }>('POST', `/api/projects/${project.id}/scenes`, { title: 'A', seed: 7 })
    ).body.scene;
    const b = (await s.write<{ scene: Scene }>('POST', `/api/projects/${project.id}/scenes`, { title: 'B' }))
      .body.scene;
    const first = (await s.write<{ shot: Shot }>('POST', `/api/scenes/${a.id}/shots`, { action: 'first' }))
      .body.shot;
    const third = (
      await s.write<{ shot: Shot }>('POST', `/api/scenes/${a.id}/shots`, { action: 'third', duration: 6 })
    ).body.shot;
    const second = (
      await s.write<{ shot: Shot }>('POST', `/api/scenes/${a.id}/shots`, { action: 'second', position: 1 })
    ).body.shot;
    const actions = async (sceneIndex: number) =>
      (await s.view()).scenes[sceneIndex]!.shots.map((shot) => shot.action);
    expect(await actions(0)).toEqual(['first', 'second', 'third']);
    expect(first.effectiveSeed).toBe(deriveShotSeed(7, first.key));
    expect(first.duration).toBe(4);

    const order = await s.write<{ scene: Scene }>('PUT', `/api/scenes/${a.id}/shot-order`, {
      ids: [third.id, first.id, second.id],
    });
    expect(order.body.scene.shots.map((shot) => shot.action)).toEqual(['third', 'first', 'second']);
    const badOrder = await s.write('PUT', `/api/scenes/${a.id}/shot-order`, {
      ids: [third.id, first.id, 'stranger'],
    });
    expect(badOrder.status).toBe(400);

    const moved = await s.write<{ shot: Shot }>('PATCH', `/api/shots/${first.id}`, { sceneId: b.id });
    expect(moved.body.shot.sceneId).toBe(b.id);
    expect(await actions(0)).toEqual(['third', 'second']);
    expect(await actions(1)).toEqual(['first']);
    const toNowhere = await s.write('PATCH', `/api/shots/${first.id}`, { sceneId: 'elsewhere' });
    expect(toNowhere.status).toBe(400);

    const copy = await s.write<{ shot: Shot }>('POST', `/api/shots/${third.id}/duplicate`);
    expect(copy.status).toBe(201);
    expect(copy.body.shot.key).not.toBe(third.key);
    expect(await actions(0)).toEqual(['third', 'third', 'second']);

    const moveUp = await s.write<{ shot: Shot }>('PATCH', `/api/shots/${second.id}`, { position: 0 });
    expect(moveUp.status).toBe(200);
    expect(await actions(0)).toEqual(['second', 'third', 'third']);

    expect((await s.write('DELETE', `/api/shots/${copy.body.shot.id}`)).status).toBe(200);
    expect(await actions(0)).toEqual(['second', 'third']);
    expect((await s.write('DELETE', `/api/shots/${copy.body.shot.id}`)).status).toBe(404);

    const sceneCopy = await s.write<{ scene: Scene }>('POST', `/api/scenes/${a.id}/duplicate`);
    expect(sceneCopy.body.scene.shots.map((shot) => shot.action)).toEqual(['second', 'third']);
    expect((await s.view()).scenes.map((scene) => scene.id)).toEqual([a.id, sceneCopy.body.scene.id, b.id]);

    expect((await s.write('DELETE', `/api/scenes/${sceneCopy.body.scene.id}`)).status).toBe(200);
    expect((await s.view()).scenes.map((scene) => scene.id)).toEqual([a.id, b.id]);
  });

  it('validates shot fields and character references, changing nothing on error', async () => {
    const { project } = await createProject(studio.app);
    const s = session(project.id);
    const scene = (await s.write<{ scene: Scene }>('POST', `/api/projects/${project.id}/scenes`, {})).body
      .scene;
    const shot = (await s.write<{ shot: Shot }>('POST', `/api/scenes/${scene.id}/shots`, {})).body.shot;
    const before = s.version;

    const badType = await s.write('PATCH', `/api/shots/${shot.id}`, {
      shotType: 'dutch',
      duration: 0,
      seed: -1,
    });
    expect(badType.status).toBe(400);
    const paths = (badType.error!.details as { issues: { path: string }[] }).issues.map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['body/shotType', 'body/duration', 'body/seed']));

    const ghost = await s.write('PATCH', `/api/shots/${shot.id}`, {
      dialogue: [{ character: 'ghost', text: 'boo' }],
    });
    expect(ghost.status).toBe(400);
    expect((ghost.error!.details as { issues: { path: string }[] }).issues[0]!.path).toBe(
      'body/dialogue/0/character',
    );
    expect(s.version).toBe(before);

    const speech = await s.write<{ shot: Shot }>('PATCH', `/api/shots/${shot.id}`, {
      duration: 'speech',
      seed: 99,
    });
    expect(speech.body.shot).toMatchObject({ duration: 'speech', seed: 99, effectiveSeed: 99 });

    const badEnv = await s.write('PATCH', `/api/scenes/${scene.id}`, { environmentId: 'nowhere' });
    expect(badEnv.status).toBe(400);
    const unknown = await s.write('PATCH', `/api/shots/${shot.id}`, { wobble: true });
    expect(unknown.status).toBe(400);
  });

  it('answers 404 for writes to entities that do not exist', async () => {
    for (const [method, url] of [
      ['PATCH', '/api/shots/none'],
      ['DELETE', '/api/shots/none'],
      ['POST', '/api/shots/none/duplicate'],
      ['PATCH', '/api/scenes/none'],
      ['DELETE', '/api/scenes/none'],
      ['POST', '/api/scenes/none/shots'],
      ['PUT', '/api/scenes/none/shot-order'],
      ['DELETE', '/api/environments/none'],
      ['DELETE', '/api/characters/none'],
      ['POST', '/api/projects/none/scenes'],
    ] as const) {
      const needsIds = url.endsWith('order');
      const response = await studio.app.inject({
        method,
        url,
        headers: { 'if-match': '1' },
        ...(method === 'DELETE' ? {} : { payload: needsIds ? { ids: [] } : {} }),
      });
      expect(response.statusCode, `${method} ${url}`).toBe(404);
      expect(errorOf(response).code).toBe('not_found');
    }
    expect((await studio.app.inject('/api/assets/none')).statusCode).toBe(404);
    expect((await studio.app.inject('/api/assets/none/thumbnail')).statusCode).toBe(404);
  });
});
