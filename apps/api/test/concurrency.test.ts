import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RenderStudio, smallProduction, startRenderStudio, whenSettled } from './render-harness';

// Many clients at once, over real HTTP: the optimistic-concurrency rule and the render deduplication
// must hold when requests really interleave, not only one after another.

describe('concurrency over HTTP', { timeout: 300_000 }, () => {
  let studio: RenderStudio;
  let projectId = '';
  beforeAll(async () => {
    studio = await startRenderStudio('embedded');
    const imported = await fetch(`${studio.baseUrl}/api/projects/import`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(smallProduction()),
    });
    projectId = ((await imported.json()) as { id: string }).id;
  });
  afterAll(async () => {
    await studio?.close();
  });

  const project = async () =>
    (await (await fetch(`${studio.baseUrl}/api/projects/${projectId}`)).json()) as {
      version: number;
      scenes: { shots: { id: string; action: string }[] }[];
    };

  it('50 simultaneous edits with the same If-Match: exactly one wins, 49 get 409, nothing is lost', async () => {
    const before = await project();
    const shot = before.scenes[0]!.shots[0]!;
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        fetch(`${studio.baseUrl}/api/shots/${shot.id}`, {
          method: 'PATCH',
          headers: { 'content-type': 'application/json', 'if-match': String(before.version) },
          body: JSON.stringify({ action: `Edit number ${i}` }),
        }).then(async (r) => ({ status: r.status, body: (await r.json()) as Record<string, unknown> })),
      ),
    );
    const won = answers.filter((a) => a.status === 200);
    const lost = answers.filter((a) => a.status === 409);
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(49);
    for (const a of lost) {
      expect(a.body).toMatchObject({
        error: { code: 'version_conflict', details: { currentVersion: before.version + 1 } },
      });
    }
    const after = await project();
    expect(after.version).toBe(before.version + 1);
    // The one accepted edit is the one the database holds.
    const winner = (won[0]!.body as { shot: { action: string } }).shot.action;
    expect(after.scenes[0]!.shots[0]!.action).toBe(winner);
  });

  it('20 simultaneous renders of one project make each take once', async () => {
    const answers = await Promise.all(
      Array.from({ length: 20 }, () =>
        fetch(`${studio.baseUrl}/api/projects/${projectId}/render`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '{}',
        }).then((r) => r.status),
      ),
    );
    expect(answers.every((s) => s === 202)).toBe(true);
    await whenSettled(studio.app, projectId);
    const takes = await studio.app.db.take.findMany({ where: { shot: { scene: { projectId } } } });
    const perShot = new Map<string, number>();
    for (const take of takes) perShot.set(take.shotId, (perShot.get(take.shotId) ?? 0) + 1);
    expect([...perShot.values()]).toEqual([1, 1]);
    expect(takes.every((t) => t.status === 'succeeded')).toBe(true);
    const jobs = await studio.app.db.renderJob.findMany({ where: { projectId, kind: 'picture' } });
    expect(jobs).toHaveLength(2);
  });
});
