import { randomUUID } from 'node:crypto';
import type { ShotCheck, ShotState } from '@ministudio/domain';
import { longProduction } from '@ministudio/domain/testing';
import { planProject, providerLookup } from '@ministudio/pipeline';
import { describe, expect, it } from 'vitest';
import { loadProjectView } from '../src/services/project-queries';
import { json, useStudio } from './helpers';

// A 500-shot project through the real app and database: shot states and provider checks stay exactly
// what an uncached plan of the whole project gives after edits of one shot, of a narration the next
// shot's prompt quotes, and of a character many shots show. (Their speed is `pnpm bench editor`.)

const studio = useStudio();

/** Every shot gets a finished chosen take made for its current plan, as if the film had been rendered. */
async function renderedLongProject() {
  const { app } = studio;
  const imported = await app.inject({
    method: 'POST',
    url: '/api/projects/import',
    payload: longProduction(),
  });
  expect(imported.statusCode).toBe(201);
  const { id, version } = json<{ id: string; version: number }>(imported);
  const view = await loadProjectView(app.db, id);
  const plans = planProject(view, providerLookup(app.providers));
  const takes = [...plans.values()].map((plan) => ({
    id: randomUUID(),
    shotId: plan.shot.id,
    number: 1,
    status: 'succeeded',
    inputHash: plan.inputHash,
    provider: plan.provider,
    durationSeconds: 4,
    assets: JSON.stringify({ video: `video-${plan.shot.key}`, poster: `poster-${plan.shot.key}` }),
  }));
  await app.db.take.createMany({ data: takes });
  for (const take of takes)
    await app.db.shot.update({ where: { id: take.shotId }, data: { chosenTakeId: take.id } });
  return { id, version, view };
}

/** What the states must be: the chosen take is stale when an uncached plan of the project differs. */
async function expectedStale(projectId: string): Promise<string[]> {
  const view = await loadProjectView(studio.app.db, projectId);
  const plans = planProject(view, providerLookup(studio.app.providers));
  const takes = await studio.app.db.take.findMany({ where: { shot: { scene: { projectId } } } });
  const hashOf = new Map(takes.map((t) => [t.id, t.inputHash]));
  return view.scenes
    .flatMap((s) => s.shots)
    .filter((shot) => hashOf.get(shot.chosenTakeId!) !== plans.get(shot.id)!.inputHash)
    .map((shot) => shot.key);
}

describe('a 500-shot project', () => {
  it('has a state and a check for every shot, and an edit makes stale only the shots it changes', async () => {
    const { app } = studio;
    const { id, version, view } = await renderedLongProject();
    const shots = view.scenes.flatMap((s) => s.shots);
    expect(view.scenes).toHaveLength(25);
    expect(shots).toHaveLength(500);
    const keyOf = new Map(shots.map((s) => [s.id, s.key]));
    const states = async () => {
      const response = await app.inject(`/api/projects/${id}/shot-states`);
      expect(response.statusCode).toBe(200);
      return json<ShotState[]>(response);
    };
    const stale = async () => (await states()).filter((s) => s.stale).map((s) => keyOf.get(s.shotId));

    const first = await states();
    expect(first.map((s) => s.shotId)).toEqual(shots.map((s) => s.id));
    expect(first.every((s) => s.status === 'succeeded' && !s.stale && s.videoUrl !== null)).toBe(true);
    // Asked twice (the second from the plan cache): the same answer.
    expect(await states()).toEqual(first);

    const checks = json<ShotCheck[]>(await app.inject(`/api/projects/${id}/render-check`));
    expect(checks.map((c) => c.shotId)).toEqual(shots.map((s) => s.id));
    // Shots of a speech-following length have dialogue, so nothing in the generated film is refused.
    expect(checks.filter((c) => c.violations.length > 0)).toEqual([]);

    let at = version;
    const patch = async (url: string, payload: object) => {
      const response = await app.inject({
        method: 'PATCH',
        url,
        headers: { 'if-match': String(at) },
        payload,
      });
      expect(response.statusCode, response.body).toBe(200);
      at = json<{ version: number }>(response).version;
    };

    // One shot's action: that shot only.
    const tenth = shots[9]!;
    await patch(`/api/shots/${tenth.id}`, { action: 'Ada drops the lantern into the harbour.' });
    expect(await stale()).toEqual([tenth.key]);
    expect(await stale()).toEqual(await expectedStale(id));

    // A narration: the next shot's prompt names the previous narration, so it turns stale too.
    const [narrated, after] = [shots[40]!, shots[41]!];
    expect(narrated.sceneId).toBe(after.sceneId);
    await patch(`/api/shots/${narrated.id}`, { narration: 'The tide turns before anyone notices.' });
    expect(await stale()).toEqual([tenth.key, narrated.key, after.key]);

    // A character's look: every shot showing Dov (in its cast) changes.
    const dov = view.characters.find((c) => c.key === 'dov')!;
    await patch(`/api/characters/${dov.id}`, {
      identity: [{ key: 'hair', value: 'shaved head' }],
    });
    const expected = await expectedStale(id);
    const withDov = shots.filter((s) => s.cast.some((m) => m.character === 'dov')).map((s) => s.key);
    expect(expected).toEqual(
      shots.map((s) => s.key).filter((k) => [tenth.key, narrated.key, after.key, ...withDov].includes(k)),
    );
    expect(await stale()).toEqual(expected);

    // The checks still answer for every shot after the edits.
    const again = json<ShotCheck[]>(await app.inject(`/api/projects/${id}/render-check`));
    expect(again.map((c) => c.shotId)).toEqual(shots.map((s) => s.id));
  }, 120_000);
});
