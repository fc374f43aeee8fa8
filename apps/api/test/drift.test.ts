import type { ProjectDriftFinding, ProjectDriftReport } from '@ministudio/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main as driftCli } from '../../../packages/drift/src/cli';
import {
  nextEvent,
  type RenderStudio,
  renderedProject,
  smallProduction,
  startRenderStudio,
  whenSettled,
} from './render-harness';

// Drift review through the API on real renders (embedded engine, real ffmpeg, real database): Emma's sweater
// is red in the middle shot only; the review finds it at both of that shot's cuts, with a heatmap that serves
// as a PNG; once the shot is changed back and rendered again the finding is gone, and the second review
// re-measured only the changed clip and the two cuts that involve it.

let studio: RenderStudio;

beforeAll(async () => {
  studio = await startRenderStudio('embedded');
}, 60_000);

afterAll(async () => {
  await studio?.close();
});

const call = async (method: string, url: string, body?: unknown, headers: Record<string, string> = {}) => {
  const response = await studio.app.inject({
    method: method as 'GET',
    url,
    headers,
    ...(body === undefined ? {} : { payload: body as object }),
  });
  return { status: response.statusCode, body: JSON.parse(response.body || 'null'), raw: response };
};

/** Three shots of Emma at her desk, a still camera; the middle one with `clothing` when given. */
function production(clothing: string | null) {
  const doc = smallProduction(2);
  const scene = doc.scenes[0]!;
  const base = { ...scene.shots[0]!, camera: 'static' as const, dialogue: [], narration: '' };
  scene.shots = [1, 2, 3].map((n) => ({
    ...base,
    key: `desk-${n}`,
    cast: [{ character: 'emma', state: n === 2 && clothing ? { clothing } : {} }],
  }));
  return doc;
}

async function review(projectId: string): Promise<ProjectDriftReport> {
  const ended = nextEvent(
    studio.app,
    projectId,
    (e) => e.type === 'drift' && (e.data as { status: string }).status !== 'running',
    120_000,
  );
  const started = await call('POST', `/api/projects/${projectId}/drift`);
  expect(started.status, JSON.stringify(started.body)).toBe(202);
  const event = await ended;
  expect(event.data, JSON.stringify(event.data)).toMatchObject({
    jobId: started.body.jobId,
    status: 'succeeded',
  });
  const report = await call('GET', `/api/projects/${projectId}/drift`);
  expect(report.status, JSON.stringify(report.body)).toBe(200);
  return report.body as ProjectDriftReport;
}

const outfitAtCuts = (report: ProjectDriftReport) =>
  report.cuts.map((c) =>
    c.findings.find((f) => f.kind === 'colour' && f.subject === 'emma' && f.part === 'outfit'),
  ) as (ProjectDriftFinding | undefined)[];

describe('drift review of a project', () => {
  it('answers 404 before a review and 409 naming the shots without a chosen take', async () => {
    const imported = await call('POST', '/api/projects/import', production(null));
    expect(imported.status).toBe(201);
    const projectId = imported.body.id as string;
    const never = await call('GET', `/api/projects/${projectId}/drift`);
    expect(never.status).toBe(404);
    expect(never.body.error.code).toBe('not_found');
    expect(never.body.error.message).toMatch(/not been reviewed/);
    const refused = await call('POST', `/api/projects/${projectId}/drift`);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('not_ready');
    expect(refused.body.error.message).toMatch(/3 shot\(s\) have no chosen take.*shot 1 of scene 1/);
    expect(refused.body.error.details.shotIds).toHaveLength(3);
  });

  it('finds a sweater that changed colour in one shot, and forgets it once the shot is changed back', async () => {
    const projectId = await renderedProject(studio.app, production('red sweater'));
    const first = await review(projectId);
    expect(first.shots).toHaveLength(3);
    expect(first.cuts).toHaveLength(2);
    const [shot1, shot2, shot3] = first.shots;
    expect(first.work.clipsAnalysed).toBe(3);
    // Ids are unique in the whole report (the Review keys its list by them).
    const ids = [
      ...first.shots.flatMap((s) => s.findings),
      ...first.cuts.flatMap((c) => c.findings),
      ...first.characters.flatMap((c) => c.appearances.flatMap((a) => a.findings)),
    ].map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);

    // Both of the middle shot's cuts: blue to red, then red to blue.
    const [into, outOf] = outfitAtCuts(first);
    for (const [finding, from, to] of [
      [into, shot1!, shot2!],
      [outOf, shot2!, shot3!],
    ] as const) {
      expect(finding, JSON.stringify(first.cuts.map((c) => c.findings.map((f) => f.sentence)))).toBeDefined();
      expect(['visible', 'obvious']).toContain(finding!.level);
      expect(finding!.value).toBeGreaterThanOrEqual(finding!.threshold);
      expect(finding!.shotId).toBe(to.shotId);
      expect(finding!.againstShotId).toBe(from.shotId);
      expect(finding!.takeId).toBe(to.takeId);
      expect(finding!.sentence).toMatch(/^Emma's outfit: ΔE00/);
      expect(finding!.heatmapUrl).toMatch(/^\/api\/assets\//);
    }
    expect(first.worst).not.toBe('none');
    // Shot 3 against Emma's first appearance in shot 1: the same blue sweater.
    const emma = first.characters.find((c) => c.key === 'emma')!;
    expect(emma.firstShotId).toBe(shot1!.shotId);
    const later = emma.appearances.find((a) => a.shotId === shot3!.shotId)!;
    const sameSweater = later.findings.find((f) => f.part === 'outfit')!;
    expect(sameSweater.level).toBe('none');

    const png = await studio.app.inject({ method: 'GET', url: into!.heatmapUrl! });
    expect(png.statusCode).toBe(200);
    expect(png.headers['content-type']).toMatch(/image\/png/);
    expect(png.rawPayload.subarray(1, 4).toString('ascii')).toBe('PNG');

    // Accepted as intended for that take: marked, and no longer the cut's worst.
    const dismissed = await call('POST', `/api/takes/${shot2!.takeId}/drift-dismissals`, {
      kind: 'colour',
      subject: 'emma',
      part: 'outfit',
    });
    expect(dismissed.status).toBe(200);
    const marked = (await call('GET', `/api/projects/${projectId}/drift`)).body as ProjectDriftReport;
    expect(outfitAtCuts(marked)[0]!.dismissed).toBe(true);
    expect(outfitAtCuts(marked)[1]!.dismissed).toBe(false);

    // `pnpm drift --project ID` against the running studio: the same report, and --fail-on gates on the cut
    // that is not dismissed.
    const out: string[] = [];
    const io = { out: (t: string) => out.push(t), err: () => {} };
    const code = await driftCli(
      ['--project', projectId, '--url', studio.baseUrl, '--json', '--fail-on', 'visible'],
      io,
    );
    expect(code).toBe(1);
    const printed = JSON.parse(out.at(-1)!) as {
      findings: ProjectDriftFinding[];
      work: { pairsReused: number };
    };
    const live = printed.findings.find(
      (f) => f.part === 'outfit' && f.where === 'cut' && !f.dismissed && f.level !== 'none',
    );
    expect(live?.shotId).toBe(shot3!.shotId);
    expect(printed.work.pairsReused).toBe(3);
    out.length = 0;
    expect(await driftCli(['--project', 'no-such-project', '--url', studio.baseUrl], io)).toBe(2);

    // Change the middle shot back and render it again.
    const project = (await call('GET', `/api/projects/${projectId}`)).body;
    const middle = project.scenes[0].shots[1];
    const patched = await call(
      'PATCH',
      `/api/shots/${middle.id}`,
      { cast: [{ character: 'emma', state: {} }] },
      { 'if-match': String(project.version) },
    );
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    const rendered = await call('POST', `/api/projects/${projectId}/render`, { shotIds: [middle.id] });
    expect(rendered.status, JSON.stringify(rendered.body)).toBe(202);
    await whenSettled(studio.app, projectId);
    const stale = (await call('GET', `/api/projects/${projectId}/drift`)).body as ProjectDriftReport;
    expect(stale.stale).toBe(true);

    const second = await review(projectId);
    expect(second.stale).toBe(false);
    expect(second.shots[1]!.takeId).not.toBe(shot2!.takeId);
    for (const finding of outfitAtCuts(second)) {
      expect(finding!.level, finding!.sentence).toBe('none');
    }
    // Only the changed shot's clip was decoded again, and only its two cuts compared; shot 3 against shot 1
    // came from the first review.
    expect(second.work).toMatchObject({ clipsAnalysed: 1, clipsReused: 2, pairsCompared: 2, pairsReused: 1 });
  }, 300_000);
});
