// `pnpm bench api [seconds]`: the studio under 50 connections (autocannon) on a 500-shot project, beside a
// bare Fastify serving the same bytes, in the same run; then a memory soak. Both servers run as their own
// processes, as users run the studio (node with tsx's loader, LOG_LEVEL=info, stdout discarded).
// Ends with one JSON line: p99s with their bounds, the project-vs-bare ratio, RSS at the soak's start and end.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { longProduction } from '@ministudio/domain/testing';
import { createCanvas } from '@napi-rs/canvas';
import autocannon from 'autocannon';

const seconds = Number(process.argv[2] ?? 10);
const soakSeconds = Number(process.argv[3] ?? 60);
const CONNECTIONS = 50;
const root = path.resolve(import.meta.dirname, '../../..');
const work = mkdtempSync(path.join(tmpdir(), 'ministudio-bench-api-'));
const children: ChildProcess[] = [];
const say = (line: string) => process.stderr.write(`[bench api] ${line}\n`);

function start(args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  return child;
}

async function until(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('server did not come up');
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024;
}

/** A PNG of noise, big enough that a Range request reads a slice of a real file. */
function bigPng(): Buffer {
  const canvas = createCanvas(1600, 1200);
  const ctx = canvas.getContext('2d');
  const image = ctx.createImageData(1600, 1200);
  for (let i = 0; i < image.data.length; i++) image.data[i] = (i * 2654435761) >>> 24;
  ctx.putImageData(image, 0, 0);
  return canvas.toBuffer('image/png');
}

async function load(url: string, headers: Record<string, string> = {}, duration = seconds) {
  const result = await autocannon({ url, connections: CONNECTIONS, duration, headers });
  if (result.errors || result.non2xx)
    throw new Error(`${url}: ${result.errors} errors, ${result.non2xx} non-2xx`);
  return { p50: result.latency.p50, p99: result.latency.p99, rps: result.requests.average };
}

try {
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  const studio = start(['apps/api/src/main.ts'], {
    PORT: String(port),
    HOST: '127.0.0.1',
    MINISTUDIO_DATA: path.join(work, 'data'),
    MINISTUDIO_SEED_SAMPLES: '0',
    MINISTUDIO_WEB_DIR: '',
    LOG_LEVEL: 'info',
  });
  studio.stdout!.resume();
  const base = `http://127.0.0.1:${port}`;
  await until(async () => (await fetch(`${base}/api/health`)).ok, 60_000);
  say('studio up; importing a 500-shot project');
  const imported = await fetch(`${base}/api/projects/import`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(longProduction()),
  });
  const { id, version } = (await imported.json()) as { id: string; version: number };
  const view = (await (await fetch(`${base}/api/projects/${id}`)).json()) as { characters: { id: string }[] };
  const form = new FormData();
  form.append('file', new Blob([bigPng()], { type: 'image/png' }), 'noise.png');
  const uploaded = await fetch(`${base}/api/characters/${view.characters[0]!.id}/references`, {
    method: 'POST',
    headers: { 'if-match': String(version) },
    body: form,
  });
  const character = ((await uploaded.json()) as { character: { references: { id: string }[] } }).character;
  const assetId = character.references[0]!.id;
  const projectBody = Buffer.from(await (await fetch(`${base}/api/projects/${id}`)).arrayBuffer());
  const asset = await fetch(`${base}/api/assets/${assetId}`);
  const mediaFile = path.join(work, 'media.png');
  writeFileSync(mediaFile, Buffer.from(await asset.arrayBuffer()));
  const projectFile = path.join(work, 'project.json');
  writeFileSync(projectFile, projectBody);
  say(
    `project ${(projectBody.length / 1024).toFixed(0)} kB, file ${(readFileSync(mediaFile).length / 1e6).toFixed(1)} MB`,
  );

  const bare = start(['apps/api/bench/bare-server.ts', projectFile, mediaFile], {});
  const barePort = await new Promise<number>((resolve) =>
    bare.stdout!.once('data', (d) => resolve(Number(String(d).trim()))),
  );
  const bareBase = `http://127.0.0.1:${barePort}`;
  const range = { range: 'bytes=0-65535' };

  // Warm both (JIT, caches), then measure ours and the reference alternately.
  await load(`${base}/api/projects/${id}`, {}, 2);
  await load(`${bareBase}/project`, {}, 2);
  const project = await load(`${base}/api/projects/${id}`);
  const bareProject = await load(`${bareBase}/project`);
  const states = await load(`${base}/api/projects/${id}/shot-states`);
  const rangeOurs = await load(`${base}/api/assets/${assetId}`, range);
  const rangeBare = await load(`${bareBase}/file`, range);
  say(
    `project p99 ${project.p99} ms (bare ${bareProject.p99}), shot-states p99 ${states.p99} ms, range p99 ${rangeOurs.p99} ms (bare ${rangeBare.p99})`,
  );

  say(`soak: ${soakSeconds} s of project, shot-states and range requests`);
  const rssStart = rssMb(studio.pid!);
  await Promise.all([
    autocannon({ url: `${base}/api/projects/${id}`, connections: 20, duration: soakSeconds }),
    autocannon({ url: `${base}/api/projects/${id}/shot-states`, connections: 15, duration: soakSeconds }),
    autocannon({
      url: `${base}/api/assets/${assetId}`,
      connections: 15,
      duration: soakSeconds,
      headers: range,
    }),
  ]);
  const rssEnd = rssMb(studio.pid!);

  console.log(
    JSON.stringify({
      connections: CONNECTIONS,
      seconds_per_run: seconds,
      project_p50_ms: project.p50,
      project_p99_ms: project.p99,
      project_p99_ms_max: 50,
      project_rps: Math.round(project.rps),
      bare_project_p99_ms: bareProject.p99,
      project_vs_bare_ratio: Number((project.p99 / Math.max(bareProject.p99, 1)).toFixed(2)),
      project_vs_bare_ratio_max: 3,
      shot_states_p99_ms: states.p99,
      range_p99_ms: rangeOurs.p99,
      range_p99_ms_max: 20,
      bare_range_p99_ms: rangeBare.p99,
      soak_seconds: soakSeconds,
      rss_start_mb: Math.round(rssStart),
      rss_end_mb: Math.round(rssEnd),
    }),
  );
} finally {
  for (const child of children) child.kill('SIGKILL');
  rmSync(work, { recursive: true, force: true });
}
