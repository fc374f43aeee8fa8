import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, realpath, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp } from '@ministudio/api/src/app';
import { createDb, type Db } from '@ministudio/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ffprobe, ministudio, REPO } from './helpers';

// The command end to end on a real data folder: SQLite, the embedded engine, espeak, the local renderer
// and ffmpeg. One small production (3 shots, 3.5 s, 12 fps) goes through an interrupted run, its resume,
// a run that reuses everything and one after an edit to a single shot.

const SCRIPT = 'apps/cli/test/fixtures/tiny.ts';
/** The script as a production file of the test's own, so an edit to it is an edit to the same production. */
let TINY: string;
const FPS = 12;
const SHOTS_SECONDS = 1 + 1 + 1.5;

let dir: string;
let data: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'ministudio-cli-render-'));
  data = path.join(dir, 'data');
  const { loadProduction } = await import('../src/load');
  TINY = path.join(dir, 'tiny.json');
  await writeFile(TINY, JSON.stringify(await loadProduction(path.join(REPO, SCRIPT))));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function withDb<T>(work: (db: Db) => Promise<T>): Promise<T> {
  const db = createDb(path.join(data, 'ministudio.db'));
  try {
    return await work(db);
  } finally {
    await db.$disconnect();
  }
}

async function expectFilm(file: string, seconds: number, shots: number) {
  const probe = await ffprobe(file);
  const kinds = probe.streams.map((s) => s.codec_type);
  expect(kinds).toContain('video');
  expect(kinds).toContain('audio');
  // Within a frame per shot of the sum of the shots.
  expect(Math.abs(probe.duration - seconds)).toBeLessThanOrEqual(shots / FPS);
  const video = probe.streams.find((s) => s.codec_type === 'video')!;
  expect(Math.abs(Number(video.duration) - seconds)).toBeLessThanOrEqual(shots / FPS);
}

describe('ministudio render', () => {
  it('Ctrl+C in the middle stops cleanly: exit 130, finished work kept, nothing left running', async () => {
    let interrupted = false;
    const run = await ministudio(['render', TINY, '--out', path.join(dir, 'film.mp4'), '--data', data], {
      // Once a picture has been drawn, some work is finished and some is not: the middle.
      onStderr: (all, child) => {
        if (!interrupted && /picture 100%|conform/.test(all)) {
          interrupted = true;
          child.kill('SIGINT');
        }
      },
    });
    expect(interrupted).toBe(true);
    expect(run.code).toBe(130);
    expect(run.stderr).toContain('Interrupted: nothing was lost');
    const jobs = await withDb((db) => db.renderJob.findMany());
    expect(jobs.filter((j) => j.status === 'running')).toEqual([]);
    expect(jobs.filter((j) => j.status === 'failed' || j.status === 'cancelled')).toEqual([]);
    expect(jobs.some((j) => j.status === 'succeeded')).toBe(true);
    expect(jobs.some((j) => j.status === 'queued')).toBe(true);
  }, 240_000);

  it('the next run resumes the interrupted takes and writes the film (video + audio, shots within a frame each)', async () => {
    const before = await withDb((db) => db.take.count());
    const out = path.join(dir, 'film.mp4');
    const run = await ministudio(['render', TINY, '--out', out, '--data', data, '--json']);
    expect(run.code, run.stderr).toBe(0);
    const summary = JSON.parse(run.stdout);
    expect(summary.shots).toBe(3);
    // Every shot was started by the interrupted run; this one finishes the same takes instead of new ones.
    expect(summary.resumed + summary.reused).toBe(3);
    expect(summary.rendered).toBe(0);
    expect(await withDb((db) => db.take.count())).toBe(before);
    expect(run.stderr).toContain('resumed from an interrupted run');
    await expectFilm(out, SHOTS_SECONDS, 3);
    expect(Math.abs(summary.filmSeconds - SHOTS_SECONDS)).toBeLessThanOrEqual(3 / FPS);
  }, 240_000);

  it('a second run reuses every take and says so', async () => {
    const jobsBefore = await withDb((db) => db.renderJob.count({ where: { kind: { not: 'film' } } }));
    const out = path.join(dir, 'again.mp4');
    const started = Date.now();
    const run = await ministudio(['render', TINY, '--out', out, '--data', data, '--json']);
    const seconds = (Date.now() - started) / 1000;
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ shots: 3, rendered: 0, reused: 3, resumed: 0 });
    expect(run.stderr).toContain('0 to render, 3 reused (inputs unchanged)');
    // No render job was queued: only the film was assembled again.
    expect(await withDb((db) => db.renderJob.count({ where: { kind: { not: 'film' } } }))).toBe(jobsBefore);
    await expectFilm(out, SHOTS_SECONDS, 3);
    console.info(`reuse run: ${seconds.toFixed(1)} s`);
  }, 120_000);

  it('after an edit to one shot only that shot renders again; --shots picks shots by key', async () => {
    const validated = await ministudio(['validate', SCRIPT, '--json']);
    expect(validated.code).toBe(0);
    // The same production file, with one shot's action changed.
    const doc = JSON.parse(await readFile(TINY, 'utf8'));
    doc.scenes[0]!.shots[2]!.action = 'Ada bows.';
    const edited = TINY;
    await writeFile(edited, JSON.stringify(doc));
    const unknown = await ministudio(['render', edited, '--shots', 't-09', '--data', data]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain(
      'No shot with key "t-09" in this production. Its shots: t-01, t-02, t-03',
    );
    const out = path.join(dir, 'edited.mp4');
    const run = await ministudio([
      'render',
      edited,
      '--shots',
      't-01,t-03',
      '--out',
      out,
      '--data',
      data,
      '--json',
    ]);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ shots: 3, rendered: 1, reused: 1 });
    await expectFilm(out, SHOTS_SECONDS, 3);
    expect((await readFile(out)).length).toBeGreaterThan(1000);
  }, 240_000);

  it('the data folder opens in the studio: export-edit writes a folder the edit names its clips in, and the storyboard', async () => {
    // The command line's data folder is a studio data folder: a studio started on it serves the film.
    const app = await buildApp({
      dataDir: data,
      webDir: null,
      seedSamples: false,
      workerToken: null,
      logger: false,
      render: { concurrency: 1, env: {}, retryBaseSeconds: 0.05, engine: null },
    });
    try {
      await app.listen({ host: '127.0.0.1', port: 0 });
      const address = app.server.address();
      const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
      const projectId = JSON.parse(await readFile(path.join(data, 'cli-projects.json'), 'utf8')).productions[
        await realpath(TINY)
      ];
      expect(projectId).toEqual(expect.any(String));
      const folder = path.join(dir, 'edit-otio');
      const run = await ministudio([
        'export-edit',
        projectId,
        '--format',
        'otio',
        '--out',
        folder,
        '--url',
        url,
        '--json',
      ]);
      expect(run.code, run.stderr).toBe(0);
      const files = JSON.parse(run.stdout).files as string[];
      expect(
        files.filter((f) => f.startsWith('clips/') && f.endsWith('.mp4')),
        files.join(', '),
      ).toHaveLength(3);
      expect(files).toContain('subtitles.srt');
      const otioName = files.find((f) => f.endsWith('.otio'))!;
      const otio = await readFile(path.join(folder, otioName), 'utf8');
      // Every clip the timeline names by relative path is in the folder.
      const named = [...otio.matchAll(/"target_url":\s*"([^"]+)"/g)].map((m) => m[1]!);
      // (Twice each: the video track and the audio track use the same clips.)
      expect(new Set(named).size).toBe(3);
      const clips = await readdir(path.join(folder, 'clips'));
      for (const target of named) expect(clips).toContain(path.basename(target));
      expect(JSON.parse(otio).OTIO_SCHEMA).toBe('Timeline.1');

      // FCPXML names its clips by absolute file:// URLs of the folder (Final Cut and Resolve want them).
      const fcp = path.join(dir, 'edit fcpxml ü');
      const fcpRun = await ministudio([
        'export-edit',
        projectId,
        '--format',
        'fcpxml',
        '--out',
        fcp,
        '--url',
        url,
        '--json',
      ]);
      expect(fcpRun.code, fcpRun.stderr).toBe(0);
      const fcpName = (JSON.parse(fcpRun.stdout).files as string[]).find((f) => f.endsWith('.fcpxml'))!;
      const fcpxml = await readFile(path.join(fcp, fcpName), 'utf8');
      const srcs = [...fcpxml.matchAll(/<media-rep\b[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1]!);
      expect(srcs).toHaveLength(3);
      for (const src of srcs) {
        expect(src).toMatch(/^file:\/\/\/\S+$/);
        expect(existsSync(fileURLToPath(src)), src).toBe(true);
        expect(path.dirname(fileURLToPath(src))).toBe(path.join(fcp, 'clips'));
      }

      const edl = path.join(dir, 'cut.edl');
      const alone = await ministudio([
        'export-edit',
        projectId,
        '--format',
        'edl',
        '--media',
        'none',
        '--out',
        edl,
        '--url',
        url,
      ]);
      expect(alone.code, alone.stderr).toBe(0);
      expect(await readFile(edl, 'utf8')).toMatch(/^TITLE: /);

      const pdf = path.join(dir, 'storyboard.pdf');
      const board = await ministudio(['storyboard', projectId, '--out', pdf, '--url', url]);
      expect(board.code, board.stderr).toBe(0);
      expect((await readFile(pdf)).subarray(0, 5).toString()).toBe('%PDF-');
    } finally {
      await app.close();
    }
  }, 240_000);
});
