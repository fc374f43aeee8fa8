// `pnpm bench media`: our media functions against the bare ffmpeg commands they wrap, side by side in one run.
import { execFile, execFileSync } from 'node:child_process';
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { writeFileAtomic } from '@ministudio/files';
import {
  type AudioFitPolicy,
  assembleFilm,
  buildConformJob,
  concatListText,
  conform,
  createHouseFormat,
  fitSpeech,
  jobToArgs,
  probeVideo,
} from '../src/index';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../../..');
const work = await mkdtemp(path.join(tmpdir(), 'ministudio-bench-media-'));

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
async function time(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return (performance.now() - start) / 1000;
}
const ffmpeg = (args: string[]) => run('ffmpeg', ['-hide_banner', '-v', 'error', '-y', ...args]);
const round = (n: number, digits = 3) => Math.round(n * 10 ** digits) / 10 ** digits;

async function streamEnds(file: string): Promise<{ video: number; audio: number }> {
  const { stdout } = await run('ffprobe', [
    '-v',
    'error',
    '-show_entries',
    'stream=codec_type,duration',
    '-of',
    'json',
    file,
  ]);
  const streams = (JSON.parse(stdout) as { streams: { codec_type: string; duration: string }[] }).streams;
  return {
    video: Number(streams.find((s) => s.codec_type === 'video')?.duration),
    audio: Number(streams.find((s) => s.codec_type === 'audio')?.duration),
  };
}

try {
  const house = createHouseFormat(1280, 720, 24, 'letterbox');

  // Shots: one 8 s 720p source conformed once, then copied eight times (the copy is what assembly reads).
  process.stderr.write('preparing shots...\n');
  const source = path.join(work, 'source-shot.mp4');
  await ffmpeg([
    '-f',
    'lavfi',
    '-i',
    'testsrc2=s=1280x720:r=24:d=8',
    '-f',
    'lavfi',
    '-i',
    'sine=f=330:d=8',
    '-c:v',
    'libx264',
    '-preset',
    'ultrafast',
    '-c:a',
    'aac',
    source,
  ]);
  const conformedShot = path.join(work, 'shot-0.mp4');
  await conform(source, conformedShot, house);
  const shots = [conformedShot];
  for (let i = 1; i < 8; i++) {
    const copy = path.join(work, `shot-${i}.mp4`);
    await copyFile(conformedShot, copy);
    shots.push(copy);
  }
  const shotSeconds = (await probeVideo(conformedShot)).video.durationSeconds ?? 8;

  // 1. Assemble vs bare concat copy.
  const list = path.join(work, 'bare.ffconcat');
  await writeFile(
    list,
    concatListText(shots.map((p) => ({ path: p, inpoint: null, outpoint: null, duration: null }))),
  );
  const ours: number[] = [];
  const bare: number[] = [];
  const assembleOnce = () =>
    assembleFilm({
      shots: shots.map((p, i) => ({
        path: p,
        durationSeconds: shotSeconds,
        scene: `Scene ${1 + (i >> 1)}`,
        crossfadeSeconds: null,
      })),
      output: path.join(work, 'film.mp4'),
      fps: 24,
      title: 'Bench',
      subtitles: null,
      signal: null,
      onProgress: null,
    });
  await assembleOnce(); // warm-up: fluent-ffmpeg caches ffmpeg's capabilities once per process
  await ffmpeg(['-f', 'concat', '-safe', '0', '-i', list, '-c', 'copy', path.join(work, 'bare-film.mp4')]);
  for (let i = 0; i < 9; i++) {
    bare.push(
      await time(() =>
        ffmpeg(['-f', 'concat', '-safe', '0', '-i', list, '-c', 'copy', path.join(work, 'bare-film.mp4')]),
      ),
    );
    ours.push(await time(assembleOnce));
  }
  const assemble = { ours: median(ours), bare: median(bare) };

  // 2. Conform 10 s 1080p30 to 720p24 vs the same ffmpeg command run bare.
  process.stderr.write('conform...\n');
  const big = path.join(work, 'big.mp4');
  await ffmpeg([
    '-f',
    'lavfi',
    '-i',
    'testsrc2=s=1920x1080:r=30:d=10',
    '-f',
    'lavfi',
    '-i',
    'sine=f=220:d=10',
    '-c:v',
    'libx264',
    '-preset',
    'ultrafast',
    '-c:a',
    'aac',
    big,
  ]);
  const bigInfo = await probeVideo(big);
  const bareConformArgs = jobToArgs(
    buildConformJob(bigInfo, house, path.join(work, 'bare-conform.mp4'), { preset: null, crf: null }),
  );
  const conformOurs: number[] = [];
  const conformBare: number[] = [];
  for (let i = 0; i < 3; i++) {
    conformBare.push(await time(() => ffmpeg(bareConformArgs)));
    conformOurs.push(await time(() => conform(big, path.join(work, 'conformed.mp4'), house)));
  }
  const conformFigures = { ours: median(conformOurs), bare: median(conformBare) };

  // 3. Fit speech on eight shots, one of each situation, residual measured with ffprobe.
  process.stderr.write('fit...\n');
  const cases: [AudioFitPolicy, number][] = [
    ['auto', 7.5],
    ['auto', 8.3],
    ['auto', 9.2],
    ['extend-picture', 8.6],
    ['trim-picture', 7.1],
    ['pad-speech', 6.4],
    ['stretch-speech', 8.5],
    ['stretch-speech', 7.6],
  ];
  const speeches: string[] = [];
  for (const [i, [, seconds]] of cases.entries()) {
    const speech = path.join(work, `speech-${i}.wav`);
    await ffmpeg(['-f', 'lavfi', '-i', `sine=f=${300 + 40 * i}:r=22050:d=${seconds}`, speech]);
    speeches.push(speech);
  }
  const fitTotals: number[] = [];
  let residualMax = 0;
  for (let rep = 0; rep < 2; rep++) {
    fitTotals.push(
      await time(async () => {
        for (const [i, [policy]] of cases.entries()) {
          await fitSpeech(shots[i]!, speeches[i]!, path.join(work, `fit-${i}.mp4`), {
            signal: null,
            onProgress: null,
            policy,
            keepClipAudio: true,
            music: null,
            targetLufs: null,
          });
        }
      }),
    );
  }
  for (let i = 0; i < cases.length; i++) {
    const ends = await streamEnds(path.join(work, `fit-${i}.mp4`));
    residualMax = Math.max(residualMax, Math.abs(ends.video - ends.audio));
  }

  const figures = {
    assemble_ratio: round(assemble.ours / assemble.bare, 2),
    assemble_ratio_max: 1.5,
    conform_ratio: round(conformFigures.ours / conformFigures.bare, 2),
    conform_ratio_max: 1.2,
    fit_total_seconds: round(median(fitTotals), 2),
    fit_residual_max_seconds: round(residualMax, 4),
    fit_residual_max_seconds_max: round(1 / 24, 4),
  };

  const cpuModel = cpus()[0]?.model ?? 'unknown';
  const ffmpegVersion = execFileSync('ffmpeg', ['-version']).toString().split('\n')[0] ?? 'unknown';
  const section = [
    '<!-- bench:media -->',
    `Run ${new Date().toISOString()} on ${cpus().length} cores (${cpuModel}), ${Math.round(totalmem() / 2 ** 30)} GiB memory, ${ffmpegVersion}.`,
    'Medians; "bare" is the same work as a plain ffmpeg command in the same run.',
    '',
    '| measure | ours | bare ffmpeg | ratio | target |',
    '| --- | --- | --- | --- | --- |',
    `| assemble 8 conformed 8 s 720p24 shots (concat copy, chapters), 9 runs | ${round(assemble.ours)} s | ${round(assemble.bare)} s | ${figures.assemble_ratio} | ≤ 1.5 |`,
    `| conform 10 s 1080p30 to 720p24, 3 runs | ${round(conformFigures.ours)} s | ${round(conformFigures.bare)} s | ${figures.conform_ratio} | ≤ 1.2 |`,
    `| fit speech on 8 shots (all policies), 2 runs | ${figures.fit_total_seconds} s total | | | |`,
    `| largest audio/video end difference after fitting (ffprobe) | ${figures.fit_residual_max_seconds} s | | | < ${figures.fit_residual_max_seconds_max} s (1 frame) |`,
    '<!-- /bench:media -->',
  ].join('\n');
  const docPath = path.join(root, 'docs', 'benchmarks.md');
  const doc = await readFile(docPath, 'utf8');
  const updated = doc.replace(/<!-- bench:media -->[\s\S]*?<!-- \/bench:media -->/, section);
  await writeFileAtomic(docPath, updated);
  console.log(JSON.stringify(figures));
} finally {
  await rm(work, { recursive: true, force: true });
}
