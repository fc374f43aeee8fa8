import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type Cut, clipMediaPath, frameBox, mltText, type StoryboardShot, storyboardPdf } from '../src';

// Real consumers of what we write: Debian's melt (MLT, the engine of Shotcut and Kdenlive) renders the MLT
// project, and poppler (pdftoppm, pdftotext) draws and reads the storyboard.

const dir = mkdtempSync(path.join(tmpdir(), 'edit-export-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = (command: string, args: string[], cwd = dir) =>
  execFileSync(command, args, {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 64 << 20,
  });

/** A clip of exactly `frames` frames at 24 fps, with a tone, as the house format would carry. */
function makeClip(file: string, frames: number) {
  mkdirSync(path.dirname(file), { recursive: true });
  run('ffmpeg', [
    '-v', 'error', '-y',
    '-f', 'lavfi', '-i', 'testsrc2=size=320x180:rate=24',
    '-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=48000',
    '-frames:v', String(frames), '-t', String(frames / 24),
    '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-ac', '2',
    file,
  ]); // biome-ignore format: ffmpeg arguments read best in pairs
}

function probeFrames(file: string): { frames: number; seconds: number } {
  const out = JSON.parse(
    run('ffprobe', [
      '-v',
      'quiet',
      '-count_frames',
      '-select_streams',
      'v:0',
      '-show_entries',
      'stream=nb_read_frames:format=duration',
      '-of',
      'json',
      file,
    ]),
  ) as { streams: { nb_read_frames: string }[]; format: { duration: string } };
  return { frames: Number(out.streams[0]!.nb_read_frames), seconds: Number(out.format.duration) };
}

describe('melt renders the exported MLT project', () => {
  it('plays every clip in order, as many frames as the cut within one frame per shot', () => {
    const lengths = [25, 37, 49];
    const project = path.join(dir, 'mlt-export');
    const cut: Cut = {
      title: 'Melt check',
      rate: { num: 24, den: 1 },
      width: 320,
      height: 180,
      audio: true,
      scenes: [
        { title: 'One', key: 'one' },
        { title: 'Two', key: 'two' },
      ],
      clips: lengths.map((frames, i) => ({
        shotId: `s${i}`,
        number: i + 1,
        name: `shot ${i + 1}`,
        scene: i < 2 ? 0 : 1,
        media: clipMediaPath(i + 1, `shot ${i + 1}`),
        frames,
        lines: [],
      })),
    };
    for (const clip of cut.clips) makeClip(path.join(project, clip.media), clip.frames);
    writeFileSync(path.join(project, 'film.mlt'), mltText(cut));
    const out = path.join(dir, 'melt-out.mp4');
    // Run from another folder: the clips must be found relative to the project file.
    run(
      'melt',
      [
        '-quiet',
        path.join(project, 'film.mlt'),
        '-consumer',
        `avformat:${out}`,
        'vcodec=libx264',
        'acodec=aac',
        'preset=ultrafast',
      ],
      tmpdir(),
    );
    const rendered = probeFrames(out);
    const total = lengths.reduce((a, b) => a + b, 0);
    expect(Math.abs(rendered.frames - total)).toBeLessThanOrEqual(lengths.length);
    expect(Math.abs(rendered.seconds - total / 24)).toBeLessThanOrEqual(lengths.length / 24);
  }, 120_000);
});

describe('the storyboard PDF, drawn by pdftoppm', () => {
  const shot = (number: number, poster: Buffer | null): StoryboardShot => ({
    number,
    shotType: 'medium',
    camera: 'dolly-in',
    duration: '3.0 s',
    action: `Emma climbs the lighthouse stairs, shot ${number}.`,
    dialogue: number === 1 ? [{ speaker: 'Emma', text: 'Is anyone up there?' }] : [],
    narration: number === 1 ? 'The lamp had been dark for years.' : '',
    poster,
  });

  it('one page per six shots of a scene, posters where placed, cards for the rest, text and page footers', async () => {
    const posterFile = path.join(dir, 'poster.jpg');
    run('ffmpeg', [
      '-v',
      'error',
      '-y',
      '-f',
      'lavfi',
      '-i',
      'color=c=red:s=640x360',
      '-frames:v',
      '1',
      posterFile,
    ]);
    const poster = readFileSync(posterFile);
    const started = performance.now();
    const stream = storyboardPdf({
      title: 'The Lighthouse',
      width: 1280,
      height: 720,
      scenes: [
        {
          title: 'Stairs',
          mood: 'tense',
          shots: Array.from({ length: 7 }, (_, i) => shot(i + 1, i === 0 ? poster : null)),
        },
        { title: 'The lamp', mood: '', shots: [shot(8, poster), shot(9, null)] },
      ],
    });
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    const pdf = Buffer.concat(chunks);
    const ms = performance.now() - started;
    expect(ms).toBeLessThan(10_000);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const file = path.join(dir, 'board.pdf');
    writeFileSync(file, pdf);

    // 72 dpi: one PDF point is one pixel.
    run('pdftoppm', ['-r', '72', file, path.join(dir, 'page')]);
    const pages = readdirSync(dir)
      .filter((f) => /^page-\d+\.ppm$/.test(f))
      .sort();
    expect(pages).toHaveLength(3); // Stairs: 6 + 1 shots on two pages; The lamp: one page.
    const pixel = (page: string, x: number, y: number) => {
      const bytes = readFileSync(path.join(dir, page));
      // Binary PPM: "P6\n<w> <h>\n255\n" then RGB triples.
      const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(bytes.subarray(0, 40).toString('latin1'))!;
      const width = Number(header[1]);
      const offset = header[0].length + (Math.round(y) * width + Math.round(x)) * 3;
      return [bytes[offset]!, bytes[offset + 1]!, bytes[offset + 2]!];
    };
    const aspect = { width: 1280, height: 720 };
    const center = (slot: number) => {
      const box = frameBox(slot, aspect);
      return [box.x + box.width / 2, box.y + box.height / 2] as const;
    };
    const isRed = ([r, g, b]: number[]) => r! > 200 && g! < 70 && b! < 70;
    // Page 1: the poster where shot 1's frame is, a card (not red) for shot 2.
    expect(isRed(pixel(pages[0]!, ...center(0)))).toBe(true);
    expect(isRed(pixel(pages[0]!, ...center(1)))).toBe(false);
    const card = frameBox(1, aspect);
    expect(pixel(pages[0]!, card.x + 3, card.y + 24)).toEqual([236, 239, 243]);
    // Page 2 holds shot 7 alone: slot 1 is empty paper.
    expect(pixel(pages[1]!, ...center(1))).toEqual([255, 255, 255]);
    // Page 3: scene 2 starts a page, its first shot with the poster.
    expect(isRed(pixel(pages[2]!, ...center(0)))).toBe(true);

    const text = run('pdftotext', ['-layout', file, '-']);
    const perPage = text.split('\f');
    expect(perPage[0]).toContain('The Lighthouse');
    expect(perPage[0]).toContain('Scene 1: Stairs (1/2)');
    expect(perPage[0]).toContain('Shot 1 · medium · dolly-in · 3.0 s');
    expect(perPage[0]).toContain('EMMA: Is anyone up there?');
    expect(perPage[0]).toContain('Narration: The lamp had been dark for years.');
    expect(perPage[0]).toContain('not rendered yet');
    expect(perPage[1]).toContain('Shot 7');
    expect(perPage[2]).toContain('Scene 2: The lamp');
    for (const [i, page] of perPage.slice(0, 3).entries())
      expect(page).toContain(`The Lighthouse — storyboard · page ${i + 1} of 3`);
  }, 60_000);
});
