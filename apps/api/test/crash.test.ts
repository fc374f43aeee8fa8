import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { afterStreamedEvents, freePort, leftovers, spawnStudio } from './render-harness';

let dataDir: string;
let server: ChildProcess | null = null;

const startServer = (port: number) => spawnStudio(dataDir, port);

beforeAll(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'ministudio-crash-'));
});

afterAll(() => {
  server?.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

describe('crash safety', () => {
  it('after SIGKILL in the middle of rendering eight shots, a restart ends with exactly one take per shot and no debris', async () => {
    const port = await freePort();
    const url = (route: string) => `http://127.0.0.1:${port}${route}`;
    server = await startServer(port);
    const projects = (await (await fetch(url('/api/projects'))).json()) as {
      id: string;
      title: string;
      version: number;
    }[];
    const film = projects.find((p) => p.title === 'The Last Algorithm')!;
    // Small frames keep the test quick; the job graph is the same as at full size.
    const patched = await fetch(url(`/api/projects/${film.id}`), {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', 'if-match': String(film.version) },
      body: JSON.stringify({ width: 320, height: 180 }),
    });
    expect(patched.status).toBe(200);
    const queued = await fetch(url(`/api/projects/${film.id}/render`), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(queued.status).toBe(202);
    type Job = { status: string; kind: string; shotId: string };
    const jobs = async () => (await (await fetch(url(`/api/projects/${film.id}/jobs`))).json()) as Job[];
    const events = url(`/api/projects/${film.id}/events`);
    // Kill it while pictures are being drawn, after some shots finished: checked at each job event.
    await afterStreamedEvents(events, async () => {
      const list = await jobs();
      const finished = list.filter((j) => j.kind === 'previews' && j.status === 'succeeded').length;
      return finished >= 1 && list.some((j) => j.status === 'running' && j.kind !== 'speech') ? true : null;
    });
    server.kill('SIGKILL');
    await new Promise((resolve) => server!.once('exit', resolve));
    const beforeRestart = await jobs().catch(() => null);
    expect(beforeRestart).toBeNull();

    server = await startServer(port);
    const settled = await afterStreamedEvents(
      events,
      async () => {
        const list = await jobs();
        return list.every((j) => j.status === 'succeeded') ? list : null;
      },
      240_000,
    );
    const project = (await (await fetch(url(`/api/projects/${film.id}`))).json()) as {
      scenes: { shots: { id: string }[] }[];
    };
    const shots = project.scenes.flatMap((s) => s.shots);
    expect(shots).toHaveLength(8);
    for (const shot of shots) {
      const takes = (await (await fetch(url(`/api/shots/${shot.id}/takes`))).json()) as {
        status: string;
        chosen: boolean;
      }[];
      expect(takes.filter((t) => t.status === 'succeeded')).toHaveLength(1);
      expect(takes.find((t) => t.chosen)?.status).toBe('succeeded');
    }
    expect(settled.filter((j) => j.kind === 'previews')).toHaveLength(8);
    expect(leftovers(dataDir)).toEqual([]);
  }, 720_000);
});
