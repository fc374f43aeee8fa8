// `pnpm bench renderer`: renders the ContextBytes sample (6 shots, 48 s, 1280x720, 24 fps, espeak speech)
// with the local provider, and in the same run encodes as many frames from a lavfi source at the same
// encoder settings (the encode-only floor). The source is converted to RGBA first, because the renderer
// hands ffmpeg RGBA too: both sides then pay the same colour conversion into yuv420p.
// Rewrites its section of docs/benchmarks.md.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { SAMPLE_PRODUCTIONS } from '@ministudio/domain';
import {
  DEFAULT_CRF,
  DEFAULT_PRESET,
  houseVideoCodecArgs,
  NO_RUN_OPTIONS,
  runFfmpeg,
} from '@ministudio/media';
import {
  createEspeakSpeechProvider,
  createLocalVideoProvider,
  DEFAULT_LOCAL_OPTIONS,
  placeLines,
  shotsFromProduction,
} from '../src/index';

const WIDTH = 1280;
const HEIGHT = 720;
const FPS = 24;
const RUNS = 3;
// The provider's own preset unless RENDERER_PRESET asks for another (to compare presets on one machine).
const PRESET = process.env.RENDERER_PRESET ?? DEFAULT_LOCAL_OPTIONS.preset ?? DEFAULT_PRESET;
const TARGETS = { realtime_factor_min: 4, floor_ratio_max: 2, peak_rss_mb_max: 500 };

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function renderSample(dir: string): Promise<{ seconds: number; filmSeconds: number; frames: number }> {
  const context = { signal: new AbortController().signal, onProgress: () => undefined, workDir: dir };
  const speech = createEspeakSpeechProvider();
  const provider = createLocalVideoProvider({ ...DEFAULT_LOCAL_OPTIONS, preset: PRESET });
  const started = performance.now();
  let filmSeconds = 0;
  for (const s of shotsFromProduction(SAMPLE_PRODUCTIONS[0]!)) {
    // Speech first: its exact length decides a shot that follows its speech.
    const { placed, endSeconds } = await placeLines(s.lines, speech, context, 0.4, 0.3);
    const duration = s.duration === 'speech' ? Math.max(1, endSeconds + 0.4) : s.duration;
    filmSeconds += duration;
    await provider.generate(
      {
        model: 'animatic-v1',
        prompt: '',
        negativePrompt: '',
        durationSeconds: duration,
        width: WIDTH,
        height: HEIGHT,
        fps: FPS,
        aspectRatio: '16:9',
        seed: s.seedOverride,
        firstFrame: null,
        lastFrame: null,
        references: [],
        shot: { ...s.shot, speech: placed },
      },
      context,
    );
  }
  return {
    seconds: (performance.now() - started) / 1000,
    filmSeconds,
    frames: Math.round(filmSeconds * FPS),
  };
}

async function encodeFloor(dir: string, frames: number): Promise<number> {
  const started = performance.now();
  await runFfmpeg(
    {
      inputs: [
        { source: `testsrc2=size=${WIDTH}x${HEIGHT}:rate=${FPS},format=rgba`, options: ['-f', 'lavfi'] },
      ],
      filterComplex: null,
      outputs: [
        {
          target: path.join(dir, 'floor.mp4'),
          options: [
            '-frames:v',
            String(frames),
            ...houseVideoCodecArgs(FPS, { preset: PRESET, crf: DEFAULT_CRF, keyframeIntervalFrames: FPS }),
          ],
        },
      ],
    },
    NO_RUN_OPTIONS,
  );
  return (performance.now() - started) / 1000;
}

function machine(): string {
  const cpu = /model name\s*:\s*(.*)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? 'unknown CPU';
  const ffmpeg = execFileSync('ffmpeg', ['-version'], { encoding: 'utf8' }).split('\n')[0] ?? '';
  const memory = `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`;
  // The machine is shared: the load says how much of it the two sides of this run really had.
  const load = os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
  return `${os.availableParallelism()} cores (nproc), ${cpu}, ${memory} RAM, ${ffmpeg.replace(/ Copyright.*/, '')}, Node ${process.version}, load average ${load} at the end`;
}

async function writeSection(body: string): Promise<void> {
  const file = path.resolve(import.meta.dirname, '../../../docs/benchmarks.md');
  const text = readFileSync(file, 'utf8');
  const open = '<!-- bench:renderer -->';
  const close = '<!-- /bench:renderer -->';
  const start = text.indexOf(open);
  const end = text.indexOf(close);
  if (start < 0 || end < start) throw new Error('docs/benchmarks.md has no renderer markers');
  const next = `${text.slice(0, start + open.length)}\n${body}\n${text.slice(end)}`;
  const temp = `${file}.${process.pid}.tmp`;
  await writeFile(temp, next);
  await rename(temp, file);
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-renderer-'));
try {
  const ours: number[] = [];
  const floors: number[] = [];
  let film = { filmSeconds: 0, frames: 0 };
  for (let run = 0; run < RUNS; run++) {
    const runDir = mkdtempSync(path.join(dir, 'run-'));
    const result = await renderSample(runDir);
    film = result;
    ours.push(result.seconds);
    floors.push(await encodeFloor(runDir, result.frames));
    rmSync(runDir, { recursive: true, force: true });
  }
  const oursMedian = median(ours);
  const floorMedian = median(floors);
  const figures = {
    film_seconds: Number(film.filmSeconds.toFixed(2)),
    frames: film.frames,
    render_seconds: Number(oursMedian.toFixed(2)),
    floor_seconds: Number(floorMedian.toFixed(2)),
    realtime_factor: Number((film.filmSeconds / oursMedian).toFixed(2)),
    realtime_factor_min: TARGETS.realtime_factor_min,
    floor_ratio: Number((oursMedian / floorMedian).toFixed(2)),
    floor_ratio_max: TARGETS.floor_ratio_max,
    peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
    peak_rss_mb_max: TARGETS.peak_rss_mb_max,
  };
  const pass = (ok: boolean) => (ok ? 'met' : '**missed**');
  await writeSection(
    [
      `Local animatic renderer: the ContextBytes sample (${figures.frames} frames, ${figures.film_seconds} s, ${WIDTH}x${HEIGHT} at ${FPS} fps,`,
      `espeak-ng speech, x264 ${PRESET} CRF ${DEFAULT_CRF}) against ffmpeg encoding as many frames of \`testsrc2\` (as RGBA,`,
      `like the renderer's frames) at the same settings. Medians of ${RUNS} runs; run ${new Date().toISOString().slice(0, 10)} on ${machine()}.`,
      '',
      '| figure | value | target |',
      '|---|---|---|',
      `| render (speech + pictures + mux) | ${figures.render_seconds} s | |`,
      `| encode-only floor | ${figures.floor_seconds} s | |`,
      `| realtime factor | ${figures.realtime_factor}× | ≥ ${TARGETS.realtime_factor_min}× (${pass(figures.realtime_factor >= TARGETS.realtime_factor_min)}) |`,
      `| ratio to floor | ${figures.floor_ratio}× | ≤ ${TARGETS.floor_ratio_max}× (${pass(figures.floor_ratio <= TARGETS.floor_ratio_max)}) |`,
      `| peak RSS (renderer process) | ${figures.peak_rss_mb} MB | < ${TARGETS.peak_rss_mb_max} MB (${pass(figures.peak_rss_mb < TARGETS.peak_rss_mb_max)}) |`,
      '',
      `The floor alone runs at ${(film.filmSeconds / floorMedian).toFixed(2)}× real time on this machine and load, so ${TARGETS.realtime_factor_min}× real`,
      `time leaves the renderer ${((film.filmSeconds / TARGETS.realtime_factor_min / floorMedian) * 1).toFixed(2)}× the floor: speech, drawing and reading frames back all share the two cores`,
      `with the encoder. \`RENDERER_PRESET=ultrafast pnpm bench renderer\` trades file size for speed.`,
      '',
      `Runs (ours / floor, s): ${ours.map((s, i) => `${s.toFixed(2)} / ${floors[i]!.toFixed(2)}`).join('; ')}.`,
    ].join('\n'),
  );
  console.log(JSON.stringify(figures));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
