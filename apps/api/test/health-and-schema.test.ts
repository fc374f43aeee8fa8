import { describe, expect, it } from 'vitest';
import { errorOf, json, useStudio } from './helpers';

const studio = useStudio();

describe('studio endpoints', () => {
  it('GET /api/health answers ok', async () => {
    const response = await studio.app.inject('/api/health');
    expect(response.statusCode).toBe(200);
    expect(json(response)).toMatchObject({ status: 'ok' });
  });

  it('serves the production JSON Schema', async () => {
    const response = await studio.app.inject('/api/schema/production.json');
    expect(response.statusCode).toBe(200);
    const schema = json<{ properties: Record<string, unknown>; required: string[] }>(response);
    expect(schema.required).toEqual(expect.arrayContaining(['format', 'version', 'project', 'scenes']));
    expect(Object.keys(schema.properties)).toContain('characters');
  });

  it('publishes an OpenAPI 3 document covering the routes, and a browsable page', async () => {
    const response = await studio.app.inject('/api/openapi.json');
    expect(response.statusCode).toBe(200);
    const doc = json<{ openapi: string; paths: Record<string, unknown> }>(response);
    expect(doc.openapi).toMatch(/^3\./);
    for (const route of [
      '/api/projects',
      '/api/projects/import',
      '/api/shots/{id}',
      '/api/characters/{id}/references',
    ]) {
      expect(Object.keys(doc.paths)).toContain(route);
    }
    const page = await studio.app.inject('/api/docs/');
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/html/);
  });

  it('answers an unknown API route with a JSON 404', async () => {
    const response = await studio.app.inject('/api/nothing-here');
    expect(response.statusCode).toBe(404);
    expect(errorOf(response).code).toBe('not_found');
  });
});
