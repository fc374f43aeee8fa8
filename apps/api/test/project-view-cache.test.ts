import { describe, expect, it } from 'vitest';
import { createProject, json, useStudio } from './helpers';

describe('GET /api/projects/:id, kept per version', () => {
  const studio = useStudio();

  it('answers the same JSON until the project changes, then the change; its ETag follows the version', async () => {
    const { project } = await createProject(studio.app, 'Cached film');
    const url = `/api/projects/${project.id}`;
    const first = await studio.app.inject({ method: 'GET', url });
    expect(first.headers.etag).toMatch(new RegExp(`^"v${project.version}-[\\w-]+"$`));
    expect(first.headers['content-type']).toMatch(/^application\/json/);
    const again = await studio.app.inject({ method: 'GET', url });
    expect(again.body).toBe(first.body);
    const unchanged = await studio.app.inject({
      method: 'GET',
      url,
      headers: { 'if-none-match': first.headers.etag },
    });
    expect(unchanged.statusCode).toBe(304);
    expect(unchanged.body).toBe('');

    const patched = await studio.app.inject({
      method: 'PATCH',
      url,
      headers: { 'if-match': String(project.version) },
      payload: { title: 'Renamed film' },
    });
    expect(patched.statusCode).toBe(200);
    const after = await studio.app.inject({
      method: 'GET',
      url,
      headers: { 'if-none-match': first.headers.etag },
    });
    expect(after.statusCode).toBe(200);
    expect(json<{ title: string; version: number }>(after)).toMatchObject({
      title: 'Renamed film',
      version: project.version + 1,
    });
    // The same shape the schema gives: the cached text is the route's own serialisation.
    expect(Object.keys(json(after))).toEqual(Object.keys(json(first)));
  });

  it('still answers 404 in the error shape for a project that does not exist', async () => {
    const missing = await studio.app.inject({ method: 'GET', url: '/api/projects/no-such-project' });
    expect(missing.statusCode).toBe(404);
    expect(json<{ error: { code: string } }>(missing).error.code).toBe('not_found');
  });
});

describe('GET /api/projects/:id after a render chose a take', () => {
  const studio = useStudio();

  it('answers the newly chosen take, though choosing it left the version alone', async () => {
    const { project } = await createProject(studio.app, 'Chosen film');
    const url = `/api/projects/${project.id}`;
    const scene = await studio.app.inject({
      method: 'POST',
      url: `/api/projects/${project.id}/scenes`,
      headers: { 'if-match': String(project.version) },
      payload: { title: 'One' },
    });
    expect(scene.statusCode).toBe(201);
    const sceneBody = json<{ version: number; scene: { id: string } }>(scene);
    const shot = await studio.app.inject({
      method: 'POST',
      url: `/api/scenes/${sceneBody.scene.id}/shots`,
      headers: { 'if-match': String(sceneBody.version) },
      payload: { action: 'A door opens.' },
    });
    expect(shot.statusCode).toBe(201);
    const shotId = json<{ shot: { id: string } }>(shot).shot.id;
    const first = await studio.app.inject({ method: 'GET', url });
    const before = json<{ version: number; scenes: { shots: { chosenTakeId: string | null }[] }[] }>(first);
    expect(before.scenes[0]!.shots[0]!.chosenTakeId).toBeNull();

    // What a finished render does: a take row, then the take book chooses it (no version bump).
    await studio.app.db.take.create({
      data: {
        id: 'take-chosen-1',
        shotId,
        number: 1,
        status: 'succeeded',
        inputHash: 'h',
        provider: 'local',
      },
    });
    await studio.app.renderer.takes.choose(shotId, 'take-chosen-1', true);

    const after = await studio.app.inject({
      method: 'GET',
      url,
      headers: { 'if-none-match': String(first.headers.etag) },
    });
    expect(after.statusCode).toBe(200);
    expect(after.headers.etag).not.toBe(first.headers.etag);
    const view = json<{ version: number; scenes: { shots: { chosenTakeId: string | null }[] }[] }>(after);
    expect(view.version).toBe(before.version);
    expect(view.scenes[0]!.shots[0]!.chosenTakeId).toBe('take-chosen-1');
  });
});
