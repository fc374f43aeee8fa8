import { describe, expect, it } from 'vitest';
import { createProject, json, useStudio } from './helpers';

const studio = useStudio({ seedSamples: true });

const garbage: { payload: string | Buffer; type: string }[] = [
  { payload: '[]', type: 'application/json' },
  { payload: 'null', type: 'application/json' },
  { payload: '"text"', type: 'application/json' },
  {
    payload: '{"title": {"nested": [1, 2, {"deep": null}]}, "ids": "x", "file": 1}',
    type: 'application/json',
  },
  { payload: '{not json', type: 'application/json' },
  { payload: 'plain words', type: 'text/plain' },
  { payload: Buffer.from([0, 1, 2, 255, 254]), type: 'application/octet-stream' },
  {
    payload: '--x\r\nContent-Disposition: form-data; name="file"\r\n\r\nabc\r\n--x--\r\n',
    type: 'multipart/form-data; boundary=x',
  },
];

describe('no client mistake is a 500', () => {
  it('every documented route answers garbage with a 4xx in the error shape', async () => {
    const { project } = await createProject(studio.app, 'Target');
    const doc = json<{ paths: Record<string, Record<string, unknown>> }>(
      await studio.app.inject('/api/openapi.json'),
    );
    const routes = Object.entries(doc.paths).flatMap(([route, methods]) =>
      Object.keys(methods).map((m) => [m.toUpperCase(), route] as const),
    );
    expect(routes.length).toBeGreaterThan(30);
    const failures: string[] = [];
    for (const [method, route] of routes) {
      if (route.includes('/worker/') || route.endsWith('/events')) continue;
      for (const id of [project.id, 'does-not-exist', '%00', 'a'.repeat(300)]) {
        const url = route.replace(/\{[^}]+\}/g, encodeURIComponent(id));
        for (const body of method === 'GET' || method === 'DELETE' ? [null] : garbage) {
          for (const ifMatch of ['1', 'zzz', undefined]) {
            const response = await studio.app.inject({
              method: method as 'GET',
              url,
              headers: {
                ...(body ? { 'content-type': body.type } : {}),
                ...(ifMatch ? { 'if-match': ifMatch } : {}),
              },
              ...(body ? { payload: body.payload } : {}),
            });
            if (response.statusCode >= 500)
              failures.push(`${method} ${url} -> ${response.statusCode} ${response.body.slice(0, 120)}`);
            if (response.statusCode >= 400) {
              const parsed = JSON.parse(response.body) as { error?: { code?: string; message?: string } };
              if (typeof parsed.error?.code !== 'string' || typeof parsed.error.message !== 'string') {
                failures.push(`${method} ${url} -> ${response.statusCode} without the error shape`);
              }
            }
          }
        }
      }
    }
    expect(failures).toEqual([]);
  }, 120_000);
});
