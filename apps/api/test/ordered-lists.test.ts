import type { LightMyRequestResponse } from 'fastify';
import { describe, expect, it } from 'vitest';
import { createProject, json, multipart, pngBytes, useStudio } from './helpers';

// Every ordered list keeps its positions 0..n-1 through services/ordered-list.ts. The views sort by
// position, so a gap or a repeat would not show in them: these tests read the stored positions.

const studio = useStudio();

type Named = { id: string; name: string };
type Ref = { id: string };

async function writer(title: string) {
  const { project } = await createProject(studio.app, title);
  let version = project.version;
  const send = async <T>(method: 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, extra: object = {}) => {
    const response: LightMyRequestResponse = await studio.app.inject({
      method,
      url,
      ...extra,
      headers: { 'if-match': String(version), ...('headers' in extra ? (extra.headers as object) : {}) },
    });
    expect(response.statusCode, response.body).toBeLessThan(300);
    const body = json<T & { version: number }>(response);
    version = body.version;
    return body;
  };
  return { projectId: project.id, send };
}

const positions = (rows: { position: number }[]) => rows.map((row) => row.position);

describe('ordered lists', () => {
  it('characters and environments close the gap a delete leaves and append after it', async () => {
    const { projectId, send } = await writer('Cast order');
    const add = async (plural: string, name: string) =>
      (
        await send<Record<string, Named>>('POST', `/api/projects/${projectId}/${plural}`, {
          payload: { name },
        })
      )[plural.slice(0, -1)]!;
    for (const plural of ['characters', 'environments'] as const) {
      const [, second] = [await add(plural, 'One'), await add(plural, 'Two'), await add(plural, 'Three')];
      await send('DELETE', `/api/${plural}/${second!.id}`);
      await add(plural, 'Four');
      const query = { where: { projectId }, orderBy: { position: 'asc' as const } };
      const { db } = studio.app;
      const rows = await (plural === 'characters'
        ? db.character.findMany(query)
        : db.environment.findMany(query));
      expect(rows.map((row) => row.name)).toEqual(['One', 'Three', 'Four']);
      expect(positions(rows)).toEqual([0, 1, 2]);
    }
  });

  it('reference images keep their order when one is removed', async () => {
    const { projectId, send } = await writer('Reference order');
    const { character } = await send<{ character: Named }>('POST', `/api/projects/${projectId}/characters`, {
      payload: { name: 'Mara' },
    });
    const upload = async (colour: string) => {
      const body = multipart(pngBytes(16, 16, colour), `${colour}.png`, 'image/png');
      return (
        await send<{ character: { references: Ref[] } }>(
          'POST',
          `/api/characters/${character.id}/references`,
          body,
        )
      ).character.references;
    };
    await upload('#ff0000');
    await upload('#00ff00');
    const three = await upload('#0000ff');
    const after = await send<{ character: { references: Ref[] } }>(
      'DELETE',
      `/api/characters/${character.id}/references/${three[0]!.id}`,
    );
    expect(after.character.references.map((r) => r.id)).toEqual([three[1]!.id, three[2]!.id]);
    const rows = await studio.app.db.characterReference.findMany({
      where: { characterId: character.id },
      orderBy: { position: 'asc' },
    });
    expect(rows.map((row) => row.assetId)).toEqual([three[1]!.id, three[2]!.id]);
    expect(positions(rows)).toEqual([0, 1]);
  });

  it('scenes take their place on insert, duplicate and delete', async () => {
    const { projectId, send } = await writer('Scene order');
    const add = async (title: string, position?: number) =>
      (
        await send<{ scene: { id: string } }>('POST', `/api/projects/${projectId}/scenes`, {
          payload: { title, ...(position === undefined ? {} : { position }) },
        })
      ).scene;
    const a = await add('A');
    await add('C');
    await add('B', 1);
    await send('POST', `/api/scenes/${a.id}/duplicate`);
    await send('DELETE', `/api/scenes/${a.id}`);
    const rows = await studio.app.db.scene.findMany({ where: { projectId }, orderBy: { position: 'asc' } });
    expect(rows.map((row) => row.title)).toEqual(['A', 'B', 'C']);
    expect(positions(rows)).toEqual([0, 1, 2]);
    expect(rows[0]!.id).not.toBe(a.id);
  });
});
