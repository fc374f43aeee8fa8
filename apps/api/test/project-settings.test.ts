import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, json, useStudio } from './helpers';
import { type RenderStudio, renderedProject, startRenderStudio } from './render-harness';

type Project = { id: string; version: number; aspectRatio: string; width: number; height: number };

describe('project settings stay consistent', () => {
  const studio = useStudio();

  async function newProject(body: Record<string, unknown> = {}) {
    const res = await studio.app.inject({
      method: 'POST',
      url: '/api/projects',
      payload: { title: 'Frames', ...body },
    });
    expect(res.statusCode).toBe(201);
    return json<{ project: Project }>(res).project;
  }

  const patch = (p: Project, payload: Record<string, unknown>) =>
    studio.app.inject({
      method: 'PATCH',
      url: `/api/projects/${p.id}`,
      headers: { 'if-match': String(p.version) },
      payload,
    });

  it('refuses an aspect ratio the size disagrees with, naming both, and changes nothing', async () => {
    const project = await newProject();
    const res = await patch(project, { aspectRatio: '9:16' });
    expect(res.statusCode).toBe(400);
    const error = errorOf(res);
    expect(error.code).toBe('validation_failed');
    const paths = (error.details as { issues: { path: string }[] }).issues.map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['body/aspectRatio', 'body/width']));
    const after = json<Project>(await studio.app.inject({ url: `/api/projects/${project.id}` }));
    expect(after).toMatchObject({ aspectRatio: '16:9', width: 1280, height: 720, version: project.version });
  });

  it('refuses a size alone that leaves the ratio behind', async () => {
    const project = await newProject();
    const res = await patch(project, { width: 1024, height: 1024 });
    expect(res.statusCode).toBe(400);
    expect(errorOf(res).message).toContain('16:9');
  });

  it('accepts the ratio and the size changed together', async () => {
    const project = await newProject();
    const res = await patch(project, { aspectRatio: '9:16', width: 720, height: 1280 });
    expect(res.statusCode).toBe(200);
    expect(json<{ project: Project }>(res).project).toMatchObject({
      aspectRatio: '9:16',
      width: 720,
      height: 1280,
    });
  });

  it('writes nothing on a new project’s animatic, and takes the other two choices, refusing anything else', async () => {
    const project = await newProject();
    expect(project).toMatchObject({ animaticText: 'none' });
    const res = await patch(project, { animaticText: 'dialogue' });
    expect(res.statusCode).toBe(200);
    const changed = json<{ project: Project & { animaticText: string } }>(res).project;
    expect(changed.animaticText).toBe('dialogue');
    const again = await patch(changed, { animaticText: 'dialogue-and-action' });
    expect(json<{ project: { animaticText: string } }>(again).project.animaticText).toBe(
      'dialogue-and-action',
    );
    const refused = await patch(json<{ project: Project }>(again).project, { animaticText: 'subtitles' });
    expect(refused.statusCode).toBe(400);
    expect(errorOf(refused).code).toBe('validation_failed');
    const after = json<{ animaticText: string }>(
      await studio.app.inject({ url: `/api/projects/${project.id}` }),
    );
    expect(after.animaticText).toBe('dialogue-and-action');
  });

  it('gives a new project of a ratio that ratio’s size when none is given', async () => {
    expect(await newProject({ aspectRatio: '1:1' })).toMatchObject({ width: 1024, height: 1024 });
    const refused = await studio.app.inject({
      method: 'POST',
      url: '/api/projects',
      payload: { title: 'Odd', aspectRatio: '9:16', width: 1280, height: 720 },
    });
    expect(refused.statusCode).toBe(400);
  });
});

describe('settings impact', () => {
  let studio: RenderStudio;
  let projectId: string;
  beforeAll(async () => {
    studio = await startRenderStudio('embedded');
    projectId = await renderedProject(studio.app);
  }, 180_000);
  afterAll(async () => studio?.close());

  const impact = (payload: Record<string, unknown>) =>
    studio.app.inject({ method: 'POST', url: `/api/projects/${projectId}/settings-impact`, payload });

  it('counts the rendered shots a style change makes stale, and writes nothing', async () => {
    const before = json<Project>(await studio.app.inject({ url: `/api/projects/${projectId}` }));
    const res = await impact({ style: 'cyberpunk' });
    expect(res.statusCode).toBe(200);
    const body = json<{ staleShots: number; shotIds: string[] }>(res);
    expect(body.staleShots).toBe(2);
    expect(body.shotIds).toHaveLength(2);
    const after = json<Project & { style: string }>(
      await studio.app.inject({ url: `/api/projects/${projectId}` }),
    );
    expect(after.version).toBe(before.version);
    expect(after.style).not.toBe('cyberpunk');
    const states = json<{ stale: boolean }[]>(
      await studio.app.inject({ url: `/api/projects/${projectId}/shot-states` }),
    );
    expect(states.every((s) => !s.stale)).toBe(true);
  });

  it('makes the animatic’s takes stale when what it writes on the picture changes', async () => {
    const current = json<{ animaticText: string }>(
      await studio.app.inject({ url: `/api/projects/${projectId}` }),
    );
    const other = current.animaticText === 'none' ? 'dialogue' : 'none';
    const body = json<{ staleShots: number }>(await impact({ animaticText: other }));
    expect(body.staleShots).toBe(2);
    expect(json(await impact({ animaticText: current.animaticText }))).toEqual({
      staleShots: 0,
      shotIds: [],
    });
  });

  it('counts none for a title change, which no render depends on', async () => {
    expect(json(await impact({ title: 'Renamed' }))).toEqual({ staleShots: 0, shotIds: [] });
  });

  it('refuses an inconsistent frame here too, and an unknown project', async () => {
    expect((await impact({ aspectRatio: '1:1' })).statusCode).toBe(400);
    const missing = await studio.app.inject({
      method: 'POST',
      url: '/api/projects/nope/settings-impact',
      payload: { style: 'ghibli' },
    });
    expect(missing.statusCode).toBe(404);
  });
});
