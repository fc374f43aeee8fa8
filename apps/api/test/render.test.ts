import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { TakeView } from '@ministudio/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  afterEvents,
  type EngineKind,
  leftovers,
  nextEvent,
  type RenderStudio,
  readEvents,
  renderedProject,
  smallProduction,
  startRenderStudio,
  streamEvents,
  until,
  whenSettled,
} from './render-harness';

type Job = {
  id: string;
  kind: string;
  shotId: string | null;
  takeId: string | null;
  status: string;
  progress: number;
  error: { code: string; advice: string } | null;
};
type Take = {
  id: string;
  status: string;
  chosen: boolean;
  stale: boolean;
  durationSeconds: number;
  seedApplied: boolean;
  urls: Record<string, string | null>;
  prompt: string;
  notes: string[];
};
type Project = {
  id: string;
  version: number;
  fps: number;
  scenes: { id: string; shots: { id: string; chosenTakeId: string | null; action: string }[] }[];
};

// The same suite for both engines: jobs in this process, and jobs through Redis to a remote worker over HTTP.
// The studio is shared; each test makes its own project (rendered first when it needs takes), so the
// tests pass alone and in any order.
describe.each(['embedded', 'redis'] as EngineKind[])('rendering with the %s engine', (kind) => {
  let studio: RenderStudio;
  const api = async <T>(
    method: string,
    url: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) => {
    const response = await studio.app.inject({
      method: method as 'GET',
      url,
      headers,
      ...(body === undefined ? {} : { payload: body as object }),
    });
    const isJson = String(response.headers['content-type'] ?? '').includes('json');
    return {
      status: response.statusCode,
      body: (isJson ? JSON.parse(response.body) : null) as T,
      raw: response,
    };
  };
  const jobs = async (project: Project) => (await api<Job[]>('GET', `/api/projects/${project.id}/jobs`)).body;
  const load = async (projectId: string) => (await api<Project>('GET', `/api/projects/${projectId}`)).body;
  /** The small production, imported and not rendered. */
  const freshProject = async () =>
    load((await api<{ id: string }>('POST', '/api/projects/import', smallProduction())).body.id);
  const eventsUrl = (project: Project) => `${studio.baseUrl}/api/projects/${project.id}/events`;

  beforeAll(async () => {
    studio = await startRenderStudio(kind);
  }, 60_000);
  afterAll(async () => {
    await studio?.close();
  });

  it('renders every shot once, streams progress, and serves previews with Range', async () => {
    let project = await freshProject();
    const progress = streamEvents(eventsUrl(project), {
      stop: (events) =>
        events.filter((e) => e.event === 'take' && (e.data as { status: string }).status === 'succeeded')
          .length >= 2,
    });
    // The stream's `hello` comes once the studio has subscribed it: from here on no progress is missed.
    await progress.opened;
    const first = await api<{ jobs: Job[]; shots: { outcome: string }[] }>(
      'POST',
      `/api/projects/${project.id}/render`,
      {},
    );
    expect(first.status).toBe(202);
    expect(first.body.shots.map((s) => s.outcome)).toEqual(['queued', 'queued']);
    expect(first.body.jobs.map((j) => j.kind).sort()).toEqual(
      [
        'conform',
        'conform',
        'fit',
        'fit',
        'picture',
        'picture',
        'previews',
        'previews',
        'speech',
        'speech',
      ].sort(),
    );
    // The same render again at once starts nothing new: both shots are already on their way.
    const again = await api<{ jobs: Job[]; shots: { outcome: string }[] }>(
      'POST',
      `/api/projects/${project.id}/render`,
      {},
    );
    expect(again.body.jobs).toEqual([]);
    expect(again.body.shots.map((s) => s.outcome)).toEqual(['rendering', 'rendering']);

    const settled = await whenSettled(studio.app, project.id);
    expect(settled.filter((j) => j.status !== 'succeeded')).toEqual([]);
    // The animatic is drawn straight into the house format: conforming copies it rather than encoding again.
    const conforms = await studio.app.db.renderJob.findMany({
      where: { projectId: project.id, kind: 'conform' },
    });
    expect(conforms.map((row) => JSON.parse(row.result).copied)).toEqual([true, true]);
    const events = await progress.events;
    const running = events.filter(
      (e) => e.event === 'job' && (e.data as { status: string }).status === 'running',
    );
    expect(
      running.some(
        (e) => (e.data as { progress: number }).progress > 0 && (e.data as { progress: number }).progress < 1,
      ),
    ).toBe(true);

    project = await load(project.id);
    for (const shot of project.scenes[0]!.shots) {
      const takes = (await api<Take[]>('GET', `/api/shots/${shot.id}/takes`)).body;
      expect(takes.filter((t) => t.status === 'succeeded')).toHaveLength(1);
      expect(takes[0]).toMatchObject({ chosen: true, stale: false, seedApplied: true });
      expect(takes[0]!.prompt).toContain('identity locked');
      expect(Math.abs(takes[0]!.durationSeconds - 2)).toBeLessThanOrEqual(1 / 24 + 1e-6);
      const preview = await api('GET', `/api/shots/${shot.id}/preview`, undefined, { range: 'bytes=0-99' });
      expect(preview.raw.statusCode).toBe(206);
      expect(preview.raw.headers['content-type']).toBe('video/mp4');
      expect(preview.raw.rawPayload.subarray(4, 8).toString()).toBe('ftyp');
      const proxy = await api('GET', `/api/shots/${shot.id}/proxy`);
      expect(proxy.raw.statusCode).toBe(200);
      // The animatic's frame regions come with the take, served like its other files.
      const regionsUrl = takes[0]!.urls.regionsUrl;
      expect(regionsUrl).toMatch(/^\/api\/assets\//);
      const regions = await api<{ frameCount: number; characters: { key: string }[] }>('GET', regionsUrl!);
      expect(regions.status).toBe(200);
      expect(regions.body.frameCount).toBe(Math.round(takes[0]!.durationSeconds * project.fps));
      expect(regions.body.characters.length).toBeGreaterThan(0);
    }
    const repeat = await api<{ jobs: Job[]; shots: { outcome: string }[] }>(
      'POST',
      `/api/projects/${project.id}/render`,
      {},
    );
    expect(repeat.body.jobs).toEqual([]);
    expect(repeat.body.shots.map((s) => s.outcome)).toEqual(['cached', 'cached']);
    expect(leftovers(studio.dataDir)).toEqual([]);
  }, 180_000);

  it('re-renders only the edited shot, reusing speech whose line did not change', async () => {
    const project = await load(await renderedProject(studio.app, smallProduction(1)));
    const [first, second] = project.scenes[0]!.shots;
    const patched = await api<{ version: number }>(
      'PATCH',
      `/api/shots/${first!.id}`,
      { action: 'Emma closes the notebook.' },
      { 'if-match': String(project.version) },
    );
    expect(patched.status).toBe(200);
    const states = (
      await api<{ shotId: string; stale: boolean; durationSeconds: number | null }[]>(
        'GET',
        `/api/projects/${project.id}/shot-states`,
      )
    ).body;
    expect(states.find((s) => s.shotId === first!.id)?.stale).toBe(true);
    expect(states.find((s) => s.shotId === second!.id)?.stale).toBe(false);
    // The chosen take's real length comes with its state (the timeline sizes speech shots by it).
    for (const state of states) {
      const takes = (await api<TakeView[]>('GET', `/api/shots/${state.shotId}/takes`)).body;
      const chosen = takes.find((t) => t.chosen);
      expect(chosen?.durationSeconds).toBeGreaterThan(0.9);
      expect(state.durationSeconds).toBe(chosen?.durationSeconds);
    }

    const before = (await jobs(project)).length;
    const render = await api<{ jobs: Job[]; shots: { shotId: string; outcome: string }[] }>(
      'POST',
      `/api/projects/${project.id}/render`,
      {},
    );
    expect(render.body.shots).toEqual([
      expect.objectContaining({ shotId: first!.id, outcome: 'queued' }),
      expect.objectContaining({ shotId: second!.id, outcome: 'cached' }),
    ]);
    expect(new Set(render.body.jobs.map((j) => j.shotId))).toEqual(new Set([first!.id]));
    await whenSettled(studio.app, project.id);
    const rows = await studio.app.db.renderJob.findMany({
      where: { shotId: first!.id, kind: 'speech' },
      orderBy: { createdAt: 'desc' },
    });
    expect(JSON.parse(rows[0]!.result).cached).toBe(true);
    expect((await jobs(project)).length).toBe(before + render.body.jobs.length);
    const takes = (await api<Take[]>('GET', `/api/shots/${first!.id}/takes`)).body;
    expect(takes.map((t) => [t.status, t.chosen, t.stale])).toEqual([
      ['succeeded', true, false],
      ['succeeded', false, true],
    ]);
  }, 180_000);

  it('assembles the film from the chosen takes, its length the sum of its shots', async () => {
    const project = await load(await renderedProject(studio.app, smallProduction(1)));
    const before = await api('GET', `/api/projects/${project.id}/film`);
    expect(before.status).toBe(404);
    const queued = await api<{ job: Job }>('POST', `/api/projects/${project.id}/film`);
    expect(queued.status).toBe(202);
    const filmJob = await afterEvents(studio.app, project.id, async () => {
      const job = (await jobs(project)).find((j) => j.id === queued.body.job.id);
      return job && ['succeeded', 'failed', 'cancelled'].includes(job.status) ? job : null;
    });
    expect(filmJob.status).toBe('succeeded');
    const film = await api('GET', `/api/projects/${project.id}/film`);
    expect(film.raw.statusCode).toBe(200);
    const file = path.join(studio.dataDir, 'film-check.mp4');
    writeFileSync(file, film.raw.rawPayload);
    expect(execFileSync('ffprobe', ['-v', 'error', file], { encoding: 'utf8' })).toBe('');
    const probe = JSON.parse(
      execFileSync(
        'ffprobe',
        ['-v', 'quiet', '-print_format', 'json', '-show_format', '-show_streams', '-show_chapters', file],
        { encoding: 'utf8' },
      ),
    );
    const takes = await Promise.all(
      project.scenes[0]!.shots.map(
        async (s) => (await api<Take[]>('GET', `/api/shots/${s.id}/takes`)).body.find((t) => t.chosen)!,
      ),
    );
    const sum = takes.reduce((total, t) => total + t.durationSeconds, 0);
    expect(Math.abs(Number(probe.format.duration) - sum)).toBeLessThanOrEqual(takes.length / 24 + 0.05);
    expect(probe.streams.map((s: { codec_type: string }) => s.codec_type)).toEqual(
      expect.arrayContaining(['video', 'audio', 'subtitle']),
    );
    expect(probe.chapters).toHaveLength(1);
    const range = await api('GET', `/api/projects/${project.id}/film`, undefined, { range: 'bytes=10-19' });
    expect(range.raw.statusCode).toBe(206);
    expect(range.raw.rawPayload).toHaveLength(10);
  }, 180_000);

  it('cancels a render: the work stops, the take ends cancelled, nothing half-written stays', async () => {
    const project = await freshProject();
    const shot = project.scenes[0]!.shots[1]!;
    const patched = await api(
      'PATCH',
      `/api/shots/${shot.id}`,
      { duration: 30, action: 'A long, slow shot.' },
      { 'if-match': String(project.version) },
    );
    expect(patched.status).toBe(200);
    const render = await api<{ jobs: Job[] }>('POST', `/api/projects/${project.id}/render`, {
      shotIds: [shot.id],
    });
    const picture = render.body.jobs.find((j) => j.kind === 'picture')!;
    await afterEvents(
      studio.app,
      project.id,
      async () =>
        (await jobs(project)).find((j) => j.id === picture.id)?.status === 'running' ? true : null,
      60_000,
    );
    const takeId = picture.takeId!;
    // The take's event comes last, once the rest of its jobs are cancelled too.
    const takeEnded = nextEvent(
      studio.app,
      project.id,
      (event) => event.type === 'take' && event.data.id === takeId && event.data.status !== 'rendering',
      30_000,
    );
    const cancelled = await api<Job>('POST', `/api/jobs/${picture.id}/cancel`);
    expect(cancelled.body.status).toBe('cancelled');
    await takeEnded;
    const take = (await api<Take[]>('GET', `/api/shots/${shot.id}/takes`)).body.find((t) => t.id === takeId);
    expect(take?.status).toBe('cancelled');
    const mine = (await jobs(project)).filter((j) => j.takeId === takeId);
    expect(mine.every((j) => ['succeeded', 'cancelled'].includes(j.status))).toBe(true);
    // The aborted job's work folder is removed after the cancel is published, and nothing is published
    // when it is gone: this one wait looks at the disk until it is clean.
    await until(async () => (leftovers(studio.dataDir).length === 0 ? true : null), 15_000);
  }, 120_000);

  it('lets a reconnecting client catch up on the events it missed', async () => {
    const project = await freshProject();
    const opening = await readEvents(eventsUrl(project), null, (events) => events.length >= 1);
    const lastSeen = opening.at(-1)!.id;
    const shot = project.scenes[0]!.shots[1]!;
    await api('PATCH', `/api/shots/${shot.id}`, { duration: 1 }, { 'if-match': String(project.version) });
    const render = await api<{ jobs: Job[] }>('POST', `/api/projects/${project.id}/render`, {
      shotIds: [shot.id],
    });
    expect(render.body.jobs.length).toBeGreaterThan(0);
    await whenSettled(studio.app, project.id);
    const missed = await readEvents(eventsUrl(project), lastSeen, (events) =>
      events.some((e) => e.event === 'take' && (e.data as { status: string }).status === 'succeeded'),
    );
    expect(missed.length).toBeGreaterThan(3);
    expect(Number(missed[0]!.id)).toBe(Number(lastSeen) + 1);
    expect(missed.some((e) => e.event === 'job' && (e.data as { status: string }).status === 'queued')).toBe(
      true,
    );
  }, 120_000);
});
