import { describe, expect, it } from 'vitest';
import { createProject, json, useStudio } from './helpers';

describe('GET /api/projects/:id, kept per version', () => {
  const studio = useStudio();

  it('answers the same JSON until the project changes, then the change; its ETag is the version', async () => {
    const { project } = await createProject(studio.app, 'Cached film');
    const url = `/api/projects/${project.id}`;
    const first = await studio.app.inject({ method: 'GET', url });
    expect(first.headers.etag).toBe(`"v${project.version}"`);
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
