// `pnpm bench editor [--check] [--write-baseline]`: the editor on a 500-shot project, in headless
// Chromium against the real studio (the API serving the freshly built editor, as the e2e tests run it).
// Prints one JSON line of figures, each next to its bound. --check exits 1 when a figure is more than
// 10% worse than apps/web/bench/editor-baseline.json, or outside its bound; --write-baseline rewrites
// that file from this run. See docs/benchmarks.md.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { longProduction } from '@ministudio/domain/testing';
import { type Browser, chromium } from '@playwright/test';
// The files package is not a dependency of the editor; the bench borrows its atomic write.
import { writeFileAtomic } from '../../../packages/files/src/atomic';
import { CHROMIUM_LAUNCH_OPTIONS } from '../e2e/chromium';
import {
  type EditorFigures,
  firstLoadJsGzipKb,
  measureDrag,
  measureGet,
  measurePlaybackClipRenders,
  measureScroll,
  openEditor,
  regressions,
} from './editor-measure';

const root = path.resolve(import.meta.dirname, '../../..');
// Built into a folder of its own: e2e runs build apps/web/dist and must not see a half-written one.
const distDir = mkdtempSync(path.join(tmpdir(), 'ministudio-bench-web-'));
const baselineFile = path.join(import.meta.dirname, 'editor-baseline.json');
const check = process.argv.includes('--check');
const writeBaseline = process.argv.includes('--write-baseline');
const bin = (name: string) => path.join(root, 'node_modules', '.bin', name);

function freePort(): string {
  const script =
    "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})";
  return execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }).trim();
}

async function waitForHealth(base: string, server: ChildProcess): Promise<void> {
  const until = Date.now() + 120_000;
  while (Date.now() < until) {
    if (server.exitCode !== null) throw new Error(`the studio exited (${server.exitCode})`);
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('the studio did not answer /api/health within 2 minutes');
}

console.error('building the editor…');
execFileSync(
  bin('vite'),
  ['build', '--config', 'apps/web/vite.config.ts', 'apps/web', '--outDir', distDir, '--logLevel', 'warn'],
  { cwd: root, stdio: 'inherit' },
);
const port = freePort();
const dataDir = mkdtempSync(path.join(tmpdir(), 'ministudio-bench-editor-'));
const base = `http://127.0.0.1:${port}`;
const server = spawn(bin('tsx'), ['apps/api/src/main.ts'], {
  cwd: root,
  env: {
    ...process.env,
    PORT: port,
    HOST: '127.0.0.1',
    MINISTUDIO_DATA: dataDir,
    MINISTUDIO_WEB_DIR: distDir,
    LOG_LEVEL: 'warn',
  },
  stdio: ['ignore', 'ignore', 'inherit'],
});
let exitCode = 0;
let browser: Browser | null = null;
try {
  await waitForHealth(base, server);
  const imported = await fetch(`${base}/api/projects/import`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(longProduction()),
  });
  if (imported.status !== 201) throw new Error(`import: ${imported.status} ${await imported.text()}`);
  const { id } = (await imported.json()) as { id: string };

  console.error('measuring the API…');
  const shotStates = await measureGet(`${base}/api/projects/${id}/shot-states`);
  const renderCheck = await measureGet(`${base}/api/projects/${id}/render-check`);

  console.error('measuring the editor…');
  browser = await chromium.launch(CHROMIUM_LAUNCH_OPTIONS);
  const page = await browser.newPage({ baseURL: base, viewport: { width: 1440, height: 900 } });
  const opened = await openEditor(page, id);
  const scroll = await measureScroll(page);
  const drag = await measureDrag(page);
  const playback = await measurePlaybackClipRenders(page);

  const figures: EditorFigures = {
    shots: 500,
    scroll_fps: scroll.fps,
    scroll_fps_min: 50,
    scroll_frame_p50_ms: scroll.p50_ms,
    scroll_frame_p95_ms: scroll.p95_ms,
    drag_fps: drag.fps,
    drag_fps_min: 50,
    drag_frame_p50_ms: drag.p50_ms,
    drag_frame_p95_ms: drag.p95_ms,
    playback_clip_renders: playback.per_second,
    playback_clip_renders_max: 0,
    playback_clip_mounts: playback.mounts_per_second,
    playback_mode: playback.mode,
    first_load_js_gz_kb: firstLoadJsGzipKb(opened.scripts, distDir),
    first_load_js_gz_kb_max: 300,
    shot_states_p50_ms: shotStates.p50_ms,
    shot_states_p99_ms: shotStates.p99_ms,
    shot_states_p99_ms_max: 100,
    render_check_p50_ms: renderCheck.p50_ms,
    render_check_p99_ms: renderCheck.p99_ms,
    render_check_p99_ms_max: 100,
    tti_ms: opened.tti_ms,
    machine: `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'unknown CPU'}`,
  };
  await writeSection(figures);
  console.log(JSON.stringify(figures));

  if (writeBaseline) writeFileSync(baselineFile, `${JSON.stringify(figures, null, 2)}\n`);
  if (check) {
    const problems = regressions(figures, JSON.parse(readFileSync(baselineFile, 'utf8')) as EditorFigures);
    const bounds: [string, boolean][] = [
      ['scroll_fps', figures.scroll_fps >= 50],
      ['drag_fps', figures.drag_fps >= 50],
      ['playback_clip_renders', figures.playback_clip_renders <= 0],
      ['first_load_js_gz_kb', figures.first_load_js_gz_kb <= 300],
      ['shot_states_p99_ms', figures.shot_states_p99_ms <= 100],
      ['render_check_p99_ms', figures.render_check_p99_ms <= 100],
    ];
    for (const [name, ok] of bounds) if (!ok) problems.push(`${name}: ${figures[name]} is outside its bound`);
    for (const problem of problems) console.error(`regression: ${problem}`);
    if (problems.length) exitCode = 1;
  }
} catch (error) {
  console.error(error);
  exitCode = 1;
} finally {
  await browser?.close();
  if (server.exitCode === null) {
    const exited = new Promise((r) => server.once('exit', r));
    server.kill('SIGTERM');
    const late = setTimeout(() => server.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(late);
  }
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(distDir, { recursive: true, force: true });
}
process.exit(exitCode);

/** Rewrites the editor section of docs/benchmarks.md with this run's figures. */
async function writeSection(f: EditorFigures): Promise<void> {
  const met = (ok: boolean) => (ok ? 'met' : '**missed**');
  const section = [
    '<!-- bench:editor -->',
    `Run ${new Date().toISOString()} on ${f.machine}, load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(
        ' ',
      )} at the end; the 500-shot long production (no shot rendered yet), Chromium headless at 1440×900.`,
    '',
    '| figure | value | bound |',
    '| --- | --- | --- |',
    `| GET shot-states, p50 / p99 of 50 calls over HTTP | ${f.shot_states_p50_ms} / ${f.shot_states_p99_ms} ms | p99 ≤ 100 ms (${met(f.shot_states_p99_ms <= 100)}) |`,
    `| GET render-check, p50 / p99 of 50 calls over HTTP | ${f.render_check_p50_ms} / ${f.render_check_p99_ms} ms | p99 ≤ 100 ms (${met(f.render_check_p99_ms <= 100)}) |`,
    `| scrolling the timeline 40 px a frame for 3 s | ${f.scroll_fps} fps (frames p50 ${f.scroll_frame_p50_ms} ms, p95 ${f.scroll_frame_p95_ms} ms) | ≥ 50 fps (${met(f.scroll_fps >= 50)}) |`,
    `| dragging shot 10 400 px over 2 s | ${f.drag_fps} fps (frames p50 ${f.drag_frame_p50_ms} ms, p95 ${f.drag_frame_p95_ms} ms) | ≥ 50 fps (${met(f.drag_fps >= 50)}) |`,
    `| clip DOM changes per second while the playhead moves (${f.playback_mode}) | ${f.playback_clip_renders} (clips mounted/unmounted: ${f.playback_clip_mounts}/s) | 0 (${met(f.playback_clip_renders <= 0)}) |`,
    `| first-load JavaScript, gzipped | ${f.first_load_js_gz_kb} kB | ≤ 300 kB (${met(f.first_load_js_gz_kb <= 300)}) |`,
    `| navigation to the first clip shown | ${f.tti_ms} ms | |`,
    '<!-- /bench:editor -->',
  ].join('\n');
  const docPath = path.join(root, 'docs', 'benchmarks.md');
  const doc = readFileSync(docPath, 'utf8');
  const pattern = /<!-- bench:editor -->[\s\S]*?<!-- \/bench:editor -->/;
  await writeFileAtomic(
    docPath,
    pattern.test(doc) ? doc.replace(pattern, section) : `${doc.trimEnd()}\n\n${section}\n`,
  );
}
