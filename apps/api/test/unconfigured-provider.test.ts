import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type EngineKind,
  type RenderStudio,
  smallProduction,
  startRenderStudio,
  until,
} from './render-harness';

// A shot for a provider with no key. Embedded, the studio holds the keys and refuses the render before
// anything is queued, naming the setting. With Redis the keys live on the workers, which the studio cannot
// see: the worker that takes the job says it lacks the key, with its own code (never "rejected input").

interface Job {
  kind: string;
  status: string;
  error: { code: string; message: string; advice: string } | null;
}

describe.each<EngineKind>(['embedded', 'redis'])('a provider with no key (%s engine)', (kind) => {
  let studio: RenderStudio;
  const call = async (method: 'GET' | 'POST', url: string, payload?: object) => {
    const response = await studio.app.inject({ method, url, ...(payload ? { payload } : {}) });
    return { status: response.statusCode, body: JSON.parse(response.body || 'null') };
  };

  beforeAll(async () => {
    studio = await startRenderStudio(kind);
  }, 60_000);
  afterAll(async () => {
    await studio?.close();
  });

  it('is refused or reported with what to set, never as the provider rejecting the shot', async () => {
    const doc = smallProduction(2);
    doc.project.defaultProvider = 'runway';
    const { body: imported } = await call('POST', '/api/projects/import', doc);
    const project = (await call('GET', `/api/projects/${imported.id}`)).body;
    const first = project.scenes[0].shots[0];
    const render = await call('POST', `/api/projects/${project.id}/render`, { shotIds: [first.id] });

    if (kind === 'embedded') {
      expect(render.status).toBe(422);
      expect(render.body.error.code).toBe('provider_not_configured');
      expect(render.body.error.message).toContain('RUNWAYML_API_SECRET');
      const violations = render.body.error.details.shots[0].violations;
      expect(violations.map((v: { constraint: string }) => v.constraint)).toContain(
        'provider_not_configured',
      );
      expect((await call('GET', `/api/projects/${project.id}/jobs`)).body).toEqual([]);
      return;
    }

    expect(render.status).toBe(202);
    const picture = await until(async () => {
      const jobs = (await call('GET', `/api/projects/${project.id}/jobs`)).body as Job[];
      const job = jobs.find((j) => j.kind === 'picture');
      return job && job.status === 'failed' ? job : null;
    }, 60_000);
    expect(picture.error?.code).toBe('worker_not_configured');
    expect(picture.error?.message).toContain('RUNWAYML_API_SECRET');
    expect(picture.error?.message).toMatch(/worker/);
    expect(picture.error?.advice).toMatch(/workers/);
  }, 90_000);
});
