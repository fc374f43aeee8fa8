import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  assembleFilm,
  chaptersFromShots,
  concatListText,
  conform,
  createHouseFormat,
  ffmetadataText,
  planPieces,
  srtText,
} from '../src/index';
import { ffprobeErrors, ffprobeJson, listDir, makeClip, makeDir, removeDir } from './helpers';

const house = createHouseFormat(320, 180, 24, 'letterbox');
let dir: string;
const shots: string[] = [];
beforeAll(async () => {
  dir = await makeDir();
  for (const [i, tone] of [300, 500, 700].entries()) {
    const raw = await makeClip(path.join(dir, `raw-${i}.mp4`), { seconds: 2, tone });
    shots.push((await conform(raw, path.join(dir, `shot-${i}.mp4`), house)).path);
  }
});
afterAll(async () => {
  await removeDir(dir);
});

describe('film text builders', () => {
  it('quotes paths in the concat list', () => {
    expect(concatListText([{ path: "/a/it's.mp4", inpoint: 1, outpoint: null, duration: 2 }])).toBe(
      "ffconcat version 1.0\nfile '/a/it'\\''s.mp4'\ninpoint 1\nduration 2\n",
    );
  });
  it('makes one chapter per run of a scene', () => {
    expect(
      chaptersFromShots([
        { durationSeconds: 2, scene: 'Opening' },
        { durationSeconds: 3, scene: 'Opening' },
        { durationSeconds: 1, scene: null },
        { durationSeconds: 4, scene: 'Chase' },
      ]),
    ).toEqual([
      { startSeconds: 0, endSeconds: 6, title: 'Opening' },
      { startSeconds: 6, endSeconds: 10, title: 'Chase' },
    ]);
  });
  it('escapes chapter metadata', () => {
    expect(ffmetadataText('A=B', [{ startSeconds: 0, endSeconds: 1.5, title: 'x;y' }])).toBe(
      ';FFMETADATA1\ntitle=A\\=B\n[CHAPTER]\nTIMEBASE=1/1000\nSTART=0\nEND=1500\ntitle=x\\;y\n',
    );
  });
  it('writes SubRip with speakers and italic narration', () => {
    expect(
      srtText([
        { startSeconds: 3.5, endSeconds: 4, text: 'Run!', kind: 'dialogue', speaker: 'Mara' },
        { startSeconds: 0, endSeconds: 61.25, text: 'Once, long ago.', kind: 'narration', speaker: null },
      ]),
    ).toBe(
      '1\n00:00:00,000 --> 00:01:01,250\n<i>Once, long ago.</i>\n\n2\n00:00:03,500 --> 00:00:04,000\nMara: Run!\n',
    );
  });
  it('plans copy pieces cut at whole seconds around crossfades', () => {
    const plan = planPieces([
      { path: 'a', durationSeconds: 3, crossfadeSeconds: null },
      { path: 'b', durationSeconds: 3, crossfadeSeconds: 0.5 },
      { path: 'c', durationSeconds: 2, crossfadeSeconds: null },
    ]);
    expect(plan.durationSeconds).toBe(7.5);
    expect(plan.pieces).toEqual([
      { path: 'a', inpoint: null, outpoint: 2, duration: 2 },
      { transition: { into: 1, seconds: 0.5, fromSeconds: 2, resumeSeconds: 1 } },
      { path: 'b', inpoint: 1, outpoint: null, duration: 2 },
      { path: 'c', inpoint: null, outpoint: null, duration: 2 },
    ]);
    expect(() =>
      planPieces([
        { path: 'a', durationSeconds: 1, crossfadeSeconds: null },
        { path: 'b', durationSeconds: 1, crossfadeSeconds: 1.5 },
      ]),
    ).toThrow();
  });
});

describe('assembleFilm', () => {
  it('joins shots by stream copy with chapters and soft subtitles; ffprobe -v error is silent', async () => {
    const out = path.join(dir, 'film.mp4');
    const progress: number[] = [];
    const result = await assembleFilm({
      shots: shots.map((p, i) => ({
        path: p,
        durationSeconds: 2,
        scene: i < 2 ? 'Morning' : 'Night',
        crossfadeSeconds: null,
      })),
      output: out,
      fps: 24,
      title: 'Test film',
      subtitles: {
        mode: 'soft',
        cues: [
          { startSeconds: 0.2, endSeconds: 1.5, text: 'It begins.', kind: 'narration', speaker: null },
          { startSeconds: 4.2, endSeconds: 5.5, text: 'Hello.', kind: 'dialogue', speaker: 'Ada' },
        ],
      },
      signal: null,
      onProgress: (p) => progress.push(p),
    });
    expect(result.durationSeconds).toBe(6);
    const json = await ffprobeJson(out);
    expect(Math.abs(Number(json.format.duration) - 6)).toBeLessThan(0.1);
    expect(json.streams.filter((s) => s.codec_type !== 'data').map((s) => s.codec_name)).toEqual([
      'h264',
      'aac',
      'mov_text',
    ]);
    expect(json.chapters?.map((c) => c.tags?.title)).toEqual(['Morning', 'Night']);
    expect(Number(json.chapters?.[1]?.start_time)).toBeCloseTo(4, 2);
    expect(json.format.tags?.title).toBe('Test film');
    expect(Number(json.streams[0]?.nb_frames)).toBe(144);
    expect(await ffprobeErrors(out)).toBe('');
    expect(progress.at(-1)).toBe(1);
  });

  it('crossfades re-encode only the overlap and burn subtitles in', async () => {
    const out = path.join(dir, 'film-fade.mp4');
    const result = await assembleFilm({
      shots: shots.map((p, i) => ({
        path: p,
        durationSeconds: null,
        scene: null,
        crossfadeSeconds: i === 1 ? 0.5 : null,
      })),
      output: out,
      fps: 24,
      title: null,
      subtitles: {
        mode: 'burn',
        cues: [{ startSeconds: 0, endSeconds: 5, text: 'Burned', kind: 'dialogue', speaker: null }],
      },
      signal: null,
      onProgress: null,
    });
    expect(result.durationSeconds).toBeCloseTo(5.5, 6);
    const json = await ffprobeJson(out);
    expect(json.streams.filter((s) => s.codec_type !== 'data').map((s) => s.codec_name)).toEqual([
      'h264',
      'aac',
    ]);
    expect(Number(json.streams[0]?.nb_frames)).toBe(132);
    expect(Math.abs(Number(json.format.duration) - 5.5)).toBeLessThan(0.1);
    expect(await ffprobeErrors(out)).toBe('');
  });

  it('leaves only finished files in the output folder', async () => {
    expect((await listDir(dir)).filter((f) => f.startsWith('.'))).toEqual([]);
  });
});
