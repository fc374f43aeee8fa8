import { describe, expect, it } from 'vitest';
import { createProject, json, useStudio } from './helpers';

// Undoing a delete re-creates a character or location where it was and under the key shots and seeds
// know it by: a create may say its place and its key (which gives way if taken since).

const studio = useStudio();

async function add(projectId: string, version: number, plural: string, payload: object) {
  const response = await studio.app.inject({
    method: 'POST',
    url: `/api/projects/${projectId}/${plural}`,
    headers: { 'if-match': String(version) },
    payload,
  });
  return response;
}

describe('re-creating an entity where it was', () => {
  for (const plural of ['characters', 'environments'] as const) {
    it(`puts ${plural} at the given place with the given key, and derives a key when it is taken`, async () => {
      const { project } = await createProject(studio.app);
      let version = project.version;
      for (const name of ['Ada', 'Ben']) {
        const r = await add(project.id, version, plural, { name });
        expect(r.statusCode, r.body).toBe(201);
        version = json<{ version: number }>(r).version;
      }
      const restored = await add(project.id, version, plural, { name: 'Dr. Cleo', key: 'cleo', position: 0 });
      expect(restored.statusCode, restored.body).toBe(201);
      version = json<{ version: number }>(restored).version;
      const view = json<Record<string, { key: string }[]>>(
        await studio.app.inject(`/api/projects/${project.id}`),
      );
      expect(view[plural]!.map((e) => e.key)).toEqual(['cleo', 'ada', 'ben']);

      const clash = await add(project.id, version, plural, { name: 'Ada Two', key: 'ada', position: 9 });
      expect(clash.statusCode, clash.body).toBe(201);
      const again = json<Record<string, { key: string }[]>>(
        await studio.app.inject(`/api/projects/${project.id}`),
      );
      expect(again[plural]!.map((e) => e.key)).toEqual(['cleo', 'ada', 'ben', 'ada-two']);

      const bad = await add(project.id, version + 1, plural, { name: 'X', key: 'Not A Key' });
      expect(bad.statusCode).toBe(400);
    });
  }
});
