import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { longProduction } from '@ministudio/domain/testing';
import { EDL_RECORD_START_FRAMES, readEdl, timecode } from '@ministudio/edit-export';
import { describe, expect, it } from 'vitest';
import { loadProjectView } from '../src/services/project-queries';
import { json, useStudio } from './helpers';

// A 500-shot film's export through the app and database: every shot given a finished chosen take of an uneven
// length (one small real clip and poster stored once, as the store shares identical files), then exported.

const studio = useStudio();
const run = (command: string, args: string[]) =>
  execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 << 20 });

async function storeFile(file: string, kind: string, mime: string): Promise<string> {
  const bytes = readFileSync(file);
  const { sha256 } = await studio.app.assets.put(bytes);
  const id = randomUUID();
  await studio.app.db.asset.create({ data: { id, kind, mime, bytes: bytes.length, sha256 } });
  return id;
}

describe('a 500-shot film handed on', () => {
  it('exports every event with exact timecodes, a zip of 500 clips and a storyboard of every shot', async () => {
    const { app, dataDir } = studio;
    const imported = await app.inject({
      method: 'POST',
      url: '/api/projects/import',
      payload: longProduction(),
    });
    expect(imported.statusCode).toBe(201);
    const { id } = json<{ id: string }>(imported);
    const view = await loadProjectView(app.db, id);
    const shots = view.scenes.flatMap((s) => s.shots);
    expect(shots).toHaveLength(500);

    const clipFile = path.join(dataDir, 'clip.mp4');
    run('ffmpeg', [
      '-v',
      'error',
      '-f',
      'lavfi',
      '-i',
      'testsrc2=size=160x90:rate=24',
      '-frames:v',
      '12',
      '-c:v',
      'libx264',
      '-preset',
      'ultrafast',
      '-pix_fmt',
      'yuv420p',
      clipFile,
    ]);
    const posterFile = path.join(dataDir, 'poster.jpg');
    run('ffmpeg', [
      '-v',
      'error',
      '-f',
      'lavfi',
      '-i',
      'color=c=red:s=320x180',
      '-frames:v',
      '1',
      posterFile,
    ]);
    const video = await storeFile(clipFile, 'video', 'video/mp4');
    const poster = await storeFile(posterFile, 'image', 'image/jpeg');
    // Lengths a float sum would drift on: 1.7 s … 6.4 s in steps that are not whole frames.
    const seconds = shots.map((_, i) => 1.7 + ((i * 37) % 47) * 0.1);
    const takes = shots.map((shot, i) => ({
      id: randomUUID(),
      shotId: shot.id,
      number: 1,
      status: 'succeeded',
      inputHash: 'h',
      provider: 'local',
      durationSeconds: seconds[i]!,
      assets: JSON.stringify({ video, poster, lines: [] }),
    }));
    await app.db.take.createMany({ data: takes });
    for (const take of takes)
      await app.db.shot.update({ where: { id: take.shotId }, data: { chosenTakeId: take.id } });
    const fps = view.fps;
    const total = seconds.reduce((sum, s) => sum + Math.round(s * fps), 0);

    let started = performance.now();
    const edl = await app.inject({ method: 'GET', url: `/api/projects/${id}/edit?format=edl&media=none` });
    const edlMs = performance.now() - started;
    expect(edl.statusCode).toBe(200);
    const rate = { num: fps, den: 1 };
    const events = readEdl(edl.body, rate);
    expect(events).toHaveLength(500);
    const start = EDL_RECORD_START_FRAMES(rate);
    expect(events.at(-1)!.recordOut - start).toBe(total);
    expect(timecode(events.at(-1)!.recordOut, rate)).toBe(timecode(start + total, rate));
    for (let i = 1; i < events.length; i++) expect(events[i]!.recordIn).toBe(events[i - 1]!.recordOut);

    started = performance.now();
    const zip = await app.inject({ method: 'GET', url: `/api/projects/${id}/edit?format=otio` });
    const zipMs = performance.now() - started;
    expect(zip.statusCode).toBe(200);
    const zipFile = path.join(dataDir, 'long.zip');
    writeFileSync(zipFile, zip.rawPayload);
    const listing = run('unzip', ['-Z1', zipFile]).trim().split('\n');
    expect(listing.filter((name) => name.endsWith('.mp4'))).toHaveLength(500);

    started = performance.now();
    const pdf = await app.inject({ method: 'GET', url: `/api/projects/${id}/storyboard.pdf` });
    const pdfMs = performance.now() - started;
    expect(pdf.statusCode).toBe(200);
    const pdfFile = path.join(dataDir, 'long.pdf');
    writeFileSync(pdfFile, pdf.rawPayload);
    const pages = Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [pdfFile]))![1]);
    // Every scene starts a page; six shots a page.
    const expected = view.scenes.reduce(
      (sum, scene) => sum + Math.max(1, Math.ceil(scene.shots.length / 6)),
      0,
    );
    expect(pages).toBe(expected);

    // A clip lost from the media folder is refused before the download starts, naming the shots that use it.
    const stored = await app.db.asset.findUniqueOrThrow({ where: { id: video } });
    rmSync(app.assets.pathOf(stored.sha256));
    const lost = await app.inject({ method: 'GET', url: `/api/projects/${id}/edit?format=mlt` });
    expect(lost.statusCode).toBe(409);
    expect(JSON.parse(lost.body).error).toMatchObject({
      code: 'not_ready',
      message: expect.stringContaining('500 clip(s) are missing from the media folder — shot 1, 2, 3,'),
    });
    // The edit file alone does not need the clips.
    expect(
      (await app.inject({ method: 'GET', url: `/api/projects/${id}/edit?format=mlt&media=none` })).statusCode,
    ).toBe(200);
    console.info(
      `500 shots: EDL ${edlMs.toFixed(0)} ms, OTIO zip of 500 clips ${zipMs.toFixed(0)} ms (${(zip.rawPayload.length / 1024).toFixed(0)} KiB), storyboard ${pages} pages ${pdfMs.toFixed(0)} ms (${(pdf.rawPayload.length / 1024).toFixed(0)} KiB)`,
    );
  }, 120_000);
});
