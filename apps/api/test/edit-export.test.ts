import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { EDL_RECORD_START_FRAMES, frameBox, otioProblems, readEdl, readOtio } from '@ministudio/edit-export';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RenderStudio, smallProduction, startRenderStudio, whenSettled } from './render-harness';

// The edit export and the storyboard through the real studio: a two-scene production rendered by the
// embedded engine, its cut exported in each format, the MLT zip unpacked and rendered by Debian's melt.

const run = (command: string, args: string[], cwd?: string) =>
  execFileSync(command, args, {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 64 << 20,
  });
const videoFrames = (file: string) =>
  Number(
    run('ffprobe', [
      '-v',
      'quiet',
      '-count_frames',
      '-select_streams',
      'v:0',
      '-show_entries',
      'stream=nb_read_frames',
      '-of',
      'csv=p=0',
      file,
    ]).trim(),
  );

describe('edit export and storyboard PDF', () => {
  let studio: RenderStudio;
  let projectId: string;
  const get = (url: string) => studio.app.inject({ method: 'GET', url });

  beforeAll(async () => {
    studio = await startRenderStudio('embedded');
    const doc = smallProduction(2);
    const first = doc.scenes[0]!;
    doc.scenes.push({
      ...first,
      key: 'later',
      title: 'Later',
      shots: [{ ...first.shots[1]!, key: 'later-1', narration: 'Later still.' }],
    });
    const imported = await studio.app.inject({ method: 'POST', url: '/api/projects/import', payload: doc });
    expect(imported.statusCode).toBe(201);
    projectId = (JSON.parse(imported.body) as { id: string }).id;
  }, 60_000);
  afterAll(async () => {
    await studio?.close();
  });

  it('refuses an unknown or missing format with the list, and a cut with unrendered shots naming them', async () => {
    for (const url of ['edit?format=avid', 'edit']) {
      const response = await get(`/api/projects/${projectId}/${url}`);
      expect(response.statusCode).toBe(400);
      const { error } = JSON.parse(response.body);
      expect(error.code).toBe('validation_failed');
      expect(error.message).toContain('otio, fcpxml, edl, mlt');
      expect(error.details.formats).toEqual(['otio', 'fcpxml', 'edl', 'mlt']);
    }
    const badMedia = await get(`/api/projects/${projectId}/edit?format=mlt&media=all`);
    expect(badMedia.statusCode).toBe(400);
    expect(JSON.parse(badMedia.body).error.code).toBe('validation_failed');
    const notReady = await get(`/api/projects/${projectId}/edit?format=mlt`);
    expect(notReady.statusCode).toBe(409);
    const { error } = JSON.parse(notReady.body);
    expect(error.code).toBe('not_ready');
    expect(error.message).toContain('3 shot(s) have no finished take yet');
    expect(error.message).toContain('shot 1 (The Atelier), shot 2 (The Atelier), shot 3 (Later)');
    expect(error.details.shots).toHaveLength(3);
    expect((await get('/api/projects/nope/edit?format=otio')).statusCode).toBe(404);
    expect((await get('/api/projects/nope/storyboard.pdf')).statusCode).toBe(404);
  });

  it('prints a storyboard before anything is rendered: cards, a page per scene', async () => {
    const response = await get(`/api/projects/${projectId}/storyboard.pdf`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toContain('Small film storyboard.pdf');
    const file = path.join(studio.dataDir, 'cards.pdf');
    writeFileSync(file, response.rawPayload);
    const text = run('pdftotext', ['-layout', file, '-']);
    expect(text.split('\f').filter((page) => page.trim())).toHaveLength(2);
    expect(text).toContain('not rendered yet');
    expect(text).toContain('Scene 2: Later');
    expect(text).toContain('Narration: Later still.');
  });

  describe('once rendered', () => {
    let filmFrames = 0;
    beforeAll(async () => {
      const render = await studio.app.inject({
        method: 'POST',
        url: `/api/projects/${projectId}/render`,
        payload: {},
      });
      expect(render.statusCode, render.body).toBe(202);
      const film = await (async () => {
        await whenSettled(studio.app, projectId);
        return studio.app.inject({ method: 'POST', url: `/api/projects/${projectId}/film`, payload: {} });
      })();
      expect(film.statusCode).toBe(202);
      const jobs = await whenSettled(studio.app, projectId);
      expect(jobs.every((job) => job.status === 'succeeded')).toBe(true);
      const mp4 = await get(`/api/projects/${projectId}/film`);
      const filmFile = path.join(studio.dataDir, 'film.mp4');
      writeFileSync(filmFile, mp4.rawPayload);
      filmFrames = videoFrames(filmFile);
    }, 240_000);

    it('exports the MLT zip with its clips; melt renders it as long as the film within a frame per shot', async () => {
      const started = performance.now();
      const response = await get(`/api/projects/${projectId}/edit?format=mlt`);
      const ms = performance.now() - started;
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe('application/zip');
      expect(response.headers['content-disposition']).toContain('Small film (mlt).zip');
      expect(ms).toBeLessThan(10_000);
      const zip = path.join(studio.dataDir, 'mlt.zip');
      writeFileSync(zip, response.rawPayload);
      const listing = run('unzip', ['-Z1', zip]).trim().split('\n').sort();
      expect(listing).toEqual([
        'Small film/Small film.mlt',
        expect.stringMatching(/^Small film\/clips\/0001-[\w-]+\.mp4$/),
        expect.stringMatching(/^Small film\/clips\/0002-[\w-]+\.mp4$/),
        'Small film/clips/0003-later-1.mp4',
        'Small film/subtitles.srt',
      ]);
      const unpacked = path.join(studio.dataDir, 'unpacked');
      mkdirSync(unpacked);
      run('unzip', ['-q', zip, '-d', unpacked]);
      const srt = readFileSync(path.join(unpacked, 'Small film', 'subtitles.srt'), 'utf8');
      expect(srt).toContain('Hello.');
      const out = path.join(studio.dataDir, 'melt.mp4');
      // From another folder: the clips are found relative to the project file, as on another machine.
      run(
        'melt',
        [
          '-quiet',
          path.join(unpacked, 'Small film', 'Small film.mlt'),
          '-consumer',
          `avformat:${out}`,
          'vcodec=libx264',
          'acodec=aac',
          'preset=ultrafast',
        ],
        tmpdir(),
      );
      expect(existsSync(out)).toBe(true);
      expect(Math.abs(videoFrames(out) - filmFrames)).toBeLessThanOrEqual(3);
    }, 120_000);

    it('the edit file alone: OTIO passes the schema check and reads back; EDL events add up to the film', async () => {
      const otio = await get(`/api/projects/${projectId}/edit?format=otio&media=none`);
      expect(otio.statusCode).toBe(200);
      expect(otio.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(otioProblems(JSON.parse(otio.body))).toEqual([]);
      const timeline = readOtio(otio.body);
      expect(timeline.clips.map((c) => c.media)).toEqual([
        expect.stringMatching(/^clips\/0001-/),
        expect.stringMatching(/^clips\/0002-/),
        'clips/0003-later-1.mp4',
      ]);
      expect(timeline.scenes.map((s) => s.name)).toEqual(['The Atelier', 'Later']);
      expect(Math.abs(timeline.totalFrames - filmFrames)).toBeLessThanOrEqual(3);

      const edl = await get(`/api/projects/${projectId}/edit?format=edl&media=none`);
      expect(edl.statusCode).toBe(200);
      const rate = { num: 24, den: 1 };
      const events = readEdl(edl.body, rate);
      expect(events).toHaveLength(3);
      expect(events.at(-1)!.recordOut - EDL_RECORD_START_FRAMES(rate)).toBe(timeline.totalFrames);

      const fcpxml = await get(`/api/projects/${projectId}/edit?format=fcpxml&media=none`);
      expect(fcpxml.statusCode).toBe(200);
      expect(fcpxml.body).toContain('<fcpxml version="1.10">');
      expect(fcpxml.body).toContain('<marker start="0s" duration="1/24s" value="Later"/>');
    });

    it('prints the storyboard with each chosen take’s poster in its frame', async () => {
      const response = await get(`/api/projects/${projectId}/storyboard.pdf`);
      expect(response.statusCode).toBe(200);
      expect(response.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
      const file = path.join(studio.dataDir, 'board.pdf');
      writeFileSync(file, response.rawPayload);
      run('pdftoppm', ['-r', '72', '-f', '1', '-l', '1', file, path.join(studio.dataDir, 'board')]);
      const ppm = readFileSync(path.join(studio.dataDir, 'board-1.ppm'));
      const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.subarray(0, 40).toString('latin1'))!;
      const width = Number(header[1]);
      const pixel = (x: number, y: number) => {
        const at = header[0].length + (Math.round(y) * width + Math.round(x)) * 3;
        return [ppm[at], ppm[at + 1], ppm[at + 2]];
      };
      // Where the card would be flat grey and the paper white, the poster's picture is.
      const box = frameBox(0, { width: 320, height: 180 });
      const inside = pixel(box.x + 3, box.y + 24);
      expect(inside).not.toEqual([236, 239, 243]);
      expect(inside).not.toEqual([255, 255, 255]);
      const text = run('pdftotext', ['-layout', file, '-']);
      expect(text).not.toContain('not rendered yet');
      expect(text).toContain('Small film — storyboard · page 1 of 2');
    });
  });
});
