// `pnpm bench renderer`: renders the ContextBytes sample (6 shots, 48 s, 1280x720, 24 fps, espeak speech)
// with the local provider exactly as the studio does: planned by planShot from the production, then each
// shot's speech jobs and its picture job run through the pipeline's own handlers (runJobKind) in a real
// data folder, so the lines are placed and a shot's length is decided by the pipeline's placement. In the
// same run it encodes as many frames from a lavfi source at the same encoder settings (the encode-only
// floor). The source is converted to RGBA first, because the renderer hands ffmpeg RGBA too: both sides
// then pay the same colour conversion into yuv420p. Rewrites its section of docs/benchmarks.md.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SAMPLE_PRODUCTIONS } from '@ministudio/domain';
import { writeFileAtomic } from '@ministudio/files';
import { DEFAULT_CRF, DEFAULT_PRESET, houseCodecArgs, NO_RUN_OPTIONS, runFfmpeg } from '@ministudio/media';
import { createProviderRegistry, type ProviderRegistry } from '@ministudio/providers';
import { createLocalVideoProvider, DEFAULT_LOCAL_OPTIONS, LOCAL_PROVIDER_ID } from '@ministudio/renderer';
import {
  type PictureOutput,
  type PicturePayload,
  planProject,
  productionView,
  providerLookup,
} from '../src/index';
import { createDataFolder } from './helpers/data-folder';

const SAMPLE = SAMPLE_PRODUCTIONS[0]!;
const { width: WIDTH, height: HEIGHT, fps: FPS } = SAMPLE.project;
const RUNS = 3;
// The provider's own preset unless RENDERER_PRESET asks for another (to compare presets on one machine).
const PRESET = process.env.RENDERER_PRESET ?? DEFAULT_LOCAL_OPTIONS.preset ?? DEFAULT_PRESET;
const TARGETS = { realtime_factor_min: 4, floor_ratio_max: 2, peak_rss_mb_max: 500 };

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** The studio's providers with no settings (the animatic and espeak-ng), the animatic at PRESET. */
function builtInProviders(): ProviderRegistry {
  const shipped = createProviderRegistry({ env: {}, dataDir: null, fetch: null });
  if (PRESET === DEFAULT_LOCAL_OPTIONS.preset) return shipped;
  const local = createLocalVideoProvider({ ...DEFAULT_LOCAL_OPTIONS, preset: PRESET });
  return { ...shipped, video: (id) => (id === LOCAL_PROVIDER_ID ? local : shipped.video(id)) };
}

async function renderSample(dir: string): Promise<{ seconds: number; filmSeconds: number; frames: number }> {
  const providers = builtInProviders();
  const studio = await createDataFolder(dir, providers);
  try {
    const started = performance.now();
    let filmSeconds = 0;
    for (const plan of planProject(productionView(SAMPLE), providerLookup(providers)).values()) {
      if (plan.violations.length) throw new Error(`${plan.shot.key}: ${plan.violations[0]!.message}`);
      // Speech first, one job per line: the picture job places the lines and, for a shot that follows its
      // speech, takes its length from them.
      const speech = [];
      for (const line of plan.lines) speech.push(await studio.runJob('speech', line.payload));
      const payload: PicturePayload = {
        ...plan.picture,
        takeId: 'bench',
        speechJobs: speech.map((job) => job.id),
        firstFrameFrom: null,
      };
      const picture = await studio.runJob('picture', payload, speech);
      filmSeconds += (picture.result as PictureOutput).durationSeconds;
    }
    return {
      seconds: (performance.now() - started) / 1000,
      filmSeconds,
      frames: Math.round(filmSeconds * FPS),
    };
  } finally {
    await studio.close();
  }
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
            ...houseCodecArgs({
              video: { fps: FPS, preset: PRESET, crf: DEFAULT_CRF, keyframeIntervalFrames: FPS },
              audio: null,
            }),
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
  await writeFileAtomic(file, `${text.slice(0, start + open.length)}\n${body}\n${text.slice(end)}`);
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
      `like the renderer's frames) at the same settings. It renders through the shipped planner: \`planShot\` plans each`,
      `shot from the production, then its speech jobs and its picture job run through the pipeline's own handlers in a`,
      `real data folder (the pipeline's speech placement, the speech track, the stored clip). Medians of ${RUNS} runs;`,
      `run ${new Date().toISOString().slice(0, 10)} on ${machine()}.`,
      '',
      '| figure | value | target |',
      '|---|---|---|',
      `| render (speech jobs + picture jobs) | ${figures.render_seconds} s | |`,
      `| encode-only floor | ${figures.floor_seconds} s | |`,
      `| realtime factor | ${figures.realtime_factor}× | ≥ ${TARGETS.realtime_factor_min}× (${pass(figures.realtime_factor >= TARGETS.realtime_factor_min)}) |`,
      `| ratio to floor | ${figures.floor_ratio}× | ≤ ${TARGETS.floor_ratio_max}× (${pass(figures.floor_ratio <= TARGETS.floor_ratio_max)}) |`,
      `| peak RSS (bench process: planner, jobs, renderer) | ${figures.peak_rss_mb} MB | < ${TARGETS.peak_rss_mb_max} MB (${pass(figures.peak_rss_mb < TARGETS.peak_rss_mb_max)}) |`,
      '',
      `The floor alone runs at ${(film.filmSeconds / floorMedian).toFixed(2)}× real time on this machine and load, so ${TARGETS.realtime_factor_min}× real`,
      `time leaves the renderer ${(film.filmSeconds / TARGETS.realtime_factor_min / floorMedian).toFixed(2)}× the floor: speech, drawing and reading frames back all share the two cores`,
      `with the encoder. \`RENDERER_PRESET=ultrafast pnpm bench renderer\` trades file size for speed.`,
      '',
      `Runs (ours / floor, s): ${ours.map((s, i) => `${s.toFixed(2)} / ${floors[i]!.toFixed(2)}`).join('; ')}.`,
    ].join('\n'),
  );
  console.log(JSON.stringify(figures));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
