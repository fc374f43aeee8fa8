import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type RenderStudio,
  renderedProject,
  smallProduction,
  startRenderStudio,
  whenSettled,
} from './render-harness';

type Probe = {
  streams: { codec_type: string; width?: number; height?: number }[];
  chapters: unknown[];
};

// Film export through the real pipeline: a 16:9 project rendered once at 1280x720, then exported with each option.
describe('film export options', () => {
  let studio: RenderStudio;
  let projectId: string;
  const inject = (method: 'GET' | 'POST', url: string, payload?: unknown) =>
    studio.app.inject({ method, url, ...(payload === undefined ? {} : { payload: payload as object }) });

  /** Exports with `options`, waits for the job and returns the served film saved to a file. */
  const exportFilm = async (options: unknown, name: string) => {
    const queued = await inject('POST', `/api/projects/${projectId}/film`, options);
    expect(queued.statusCode).toBe(202);
    const jobId = (JSON.parse(queued.body) as { job: { id: string } }).job.id;
    const jobs = await whenSettled(studio.app, projectId);
    expect(jobs.find((j) => j.id === jobId)?.status).toBe('succeeded');
    const film = await inject('GET', `/api/projects/${projectId}/film`);
    expect(film.statusCode).toBe(200);
    expect(film.headers['content-type']).toBe('video/mp4');
    const file = path.join(studio.dataDir, `${name}.mp4`);
    writeFileSync(file, film.rawPayload);
    return file;
  };
  const probe = (file: string): Probe =>
    JSON.parse(
      execFileSync(
        'ffprobe',
        ['-v', 'quiet', '-print_format', 'json', '-show_streams', '-show_chapters', file],
        {
          encoding: 'utf8',
        },
      ),
    );
  /** One grey frame at `seconds`, as raw bytes. */
  const frame = (file: string, seconds: number) =>
    execFileSync(
      'ffmpeg',
      [
        '-v',
        'error',
        '-ss',
        String(seconds),
        '-i',
        file,
        '-frames:v',
        '1',
        '-f',
        'rawvideo',
        '-pix_fmt',
        'gray',
        '-',
      ],
      {
        maxBuffer: 64 * 1024 * 1024,
      },
    );
  let dialogueAt = 0;
  let softFilm = '';

  beforeAll(async () => {
    studio = await startRenderStudio('embedded');
    const doc = smallProduction(1);
    doc.project.width = 1280;
    doc.project.height = 720;
    projectId = await renderedProject(studio.app, doc);
  }, 180_000);
  afterAll(async () => {
    await studio?.close();
  });

  it('answers 404 for the film and its subtitles before one exists, and 400 for garbage options', async () => {
    for (const url of ['film', 'film/subtitles.srt', 'film/subtitles.vtt']) {
      const response = await inject('GET', `/api/projects/${projectId}/${url}`);
      expect(response.statusCode).toBe(404);
      expect(JSON.parse(response.body).error.code).toBe('not_found');
    }
    for (const garbage of [
      { subtitles: 'loud' },
      { resolution: '4k' },
      { chapters: 'yes please' },
      { extra: true },
      [1, 2],
    ]) {
      const response = await inject('POST', `/api/projects/${projectId}/film`, garbage);
      expect(response.statusCode).toBe(400);
      expect(JSON.parse(response.body).error).toMatchObject({
        code: expect.any(String),
        message: expect.any(String),
      });
    }
  });

  it('makes today’s film by default: project size, soft subtitles, chapters; SRT and WebVTT beside it', async () => {
    softFilm = await exportFilm(undefined, 'default');
    const json = probe(softFilm);
    expect(json.streams.map((s) => s.codec_type)).toEqual(
      expect.arrayContaining(['video', 'audio', 'subtitle']),
    );
    expect(json.streams.find((s) => s.codec_type === 'video')).toMatchObject({ width: 1280, height: 720 });
    expect(json.chapters).toHaveLength(1);

    const srt = await inject('GET', `/api/projects/${projectId}/film/subtitles.srt`);
    expect(srt.statusCode).toBe(200);
    expect(srt.headers['content-type']).toBe('application/x-subrip; charset=utf-8');
    const cue = /^1\n(\d\d):(\d\d):(\d\d),(\d{3}) --> (\d\d:\d\d:\d\d,\d{3})\nEmma: Hello\.\n/.exec(srt.body);
    expect(cue, srt.body).not.toBeNull();
    dialogueAt = Number(cue![3]) + Number(cue![4]) / 1000;
    // The narration is in the second shot, which starts where the first (1 s) ends.
    expect(srt.body).toMatch(/\n2\n00:00:0[1-2],\d{3} --> 00:00:0[1-2],\d{3}\n<i>Growing\.<\/i>\n/);

    const vtt = await inject('GET', `/api/projects/${projectId}/film/subtitles.vtt`);
    expect(vtt.statusCode).toBe(200);
    expect(vtt.headers['content-type']).toBe('text/vtt; charset=utf-8');
    expect(vtt.body.startsWith('WEBVTT\n')).toBe(true);
    expect(vtt.body).toContain(
      `${cue![1]}:${cue![2]}:${cue![3]}.${cue![4]} --> ${cue![5]!.replace(',', '.')}\nEmma: Hello.`,
    );
    expect(vtt.body).toContain('<i>Growing.</i>');
  }, 120_000);

  it('burns the subtitles into the picture: no text track, and the picture differs where a line is spoken', async () => {
    const burned = await exportFilm({ subtitles: 'burn' }, 'burned');
    const json = probe(burned);
    expect(json.streams.map((s) => s.codec_type)).not.toContain('subtitle');
    const at = dialogueAt + 0.3;
    const a = frame(softFilm, at);
    const b = frame(burned, at);
    expect(b.length).toBe(a.length);
    let changed = 0;
    for (let i = 0; i < a.length; i++) if (Math.abs(a[i]! - b[i]!) > 40) changed++;
    // Text is a few thousand strongly changed pixels; re-encoding alone changes almost none by that much.
    expect(changed).toBeGreaterThan(500);
  }, 120_000);

  it('exports at 540p keeping 16:9, and without chapters or subtitles when asked', async () => {
    const small = await exportFilm({ resolution: '540p', chapters: false, subtitles: 'none' }, 'small');
    const json = probe(small);
    expect(json.streams.find((s) => s.codec_type === 'video')).toMatchObject({ width: 960, height: 540 });
    expect(json.chapters).toHaveLength(0);
    expect(json.streams.map((s) => s.codec_type)).not.toContain('subtitle');
    // The sidecars are still kept: they are for the viewer's own player.
    const srt = await inject('GET', `/api/projects/${projectId}/film/subtitles.srt`);
    expect(srt.body).toContain('Emma: Hello.');
  }, 120_000);
});
