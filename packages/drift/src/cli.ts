import { access, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type ProjectDriftFinding, type ProjectDriftReport, TakeRegions } from '@ministudio/domain';
import { Value } from 'typebox/value';
import { analyseClip } from './analyse';
import { comparePair } from './compare';
import type { DriftFinding } from './report';
import { LEVEL_RANK } from './thresholds';

// `pnpm drift A.mp4 B.mp4`: the end of A against the start of B, and each within itself, with no studio.
// A sidecar beside a clip (A.regions.json, as the local renderer writes) is used when present.

const USAGE = `Usage: pnpm drift A.mp4 B.mp4 [options]
       pnpm drift --project ID [--url URL] [--json] [--fail-on visible|obvious]

Compares the end of clip A with the start of clip B (colour, grade, layout at the cut) and each clip within
itself (flicker, jitter, sync). With --project, a running studio reviews the project's chosen takes (every
cut, every shot, every character against its first appearance) and this prints its report; it sends
Authorization: Bearer $MINISTUDIO_TOKEN when that is set.

Options:
  --json                   print {"findings":[...]} instead of sentences
  --fail-on visible|obvious  exit 1 when a finding reaches that level
  --regions-a FILE         A's frame regions (default: A.regions.json beside it, when present)
  --regions-b FILE         B's frame regions (default: B.regions.json beside it, when present)
  --all                    also list the checks that found nothing visible
  --project ID             review a project of a running studio instead of two clips
  --url URL                the studio (default: $MINISTUDIO_URL or http://127.0.0.1:5170)
  --cache DIR              where measurements are cached by content hash (default: ${defaultCacheDir()})
  --no-cache               measure again and keep nothing
  -h, --help               this text

Exit status: 0 done, 1 a finding reached --fail-on, 2 bad arguments or unreadable input.`;

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

function defaultCacheDir(): string {
  return path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'ministudio', 'drift');
}

class UsageError extends Error {}

interface Options {
  clips: string[];
  json: boolean;
  failOn: 'visible' | 'obvious' | null;
  regions: [string | null, string | null];
  cacheDir: string | null;
  all: boolean;
  help: boolean;
  project: string | null;
  url: string;
}

export function parseArgs(argv: readonly string[]): Options {
  const options: Options = {
    clips: [],
    json: false,
    failOn: null,
    regions: [null, null],
    cacheDir: defaultCacheDir(),
    all: false,
    help: false,
    project: null,
    url: process.env.MINISTUDIO_URL || 'http://127.0.0.1:5170',
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = () => {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) throw new UsageError(`${arg} needs a value`);
      return v;
    };
    if (arg === '--') continue;
    if (arg === '-h' || arg === '--help') options.help = true;
    else if (arg === '--json') options.json = true;
    else if (arg === '--all') options.all = true;
    else if (arg === '--no-cache') options.cacheDir = null;
    else if (arg === '--cache') options.cacheDir = value();
    else if (arg === '--project') options.project = value();
    else if (arg === '--url') options.url = value();
    else if (arg === '--regions-a') options.regions[0] = value();
    else if (arg === '--regions-b') options.regions[1] = value();
    else if (arg === '--fail-on') {
      const level = value();
      if (level !== 'visible' && level !== 'obvious') {
        throw new UsageError(`--fail-on takes visible or obvious, not ${level}`);
      }
      options.failOn = level;
    } else if (arg.startsWith('-')) throw new UsageError(`Unknown option ${arg}`);
    else options.clips.push(arg);
  }
  if (options.project !== null) {
    if (options.clips.length > 0) throw new UsageError('Give either two clips or --project, not both');
    try {
      new URL(options.url);
    } catch {
      throw new UsageError(`--url is not a URL: ${options.url}`);
    }
  } else if (!options.help && options.clips.length !== 2) {
    throw new UsageError(`Give two clips (A and B), got ${options.clips.length}`);
  }
  return options;
}

async function exists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}

async function loadRegions(clip: string, explicit: string | null): Promise<TakeRegions | null> {
  const beside = path.join(path.dirname(clip), `${path.basename(clip, path.extname(clip))}.regions.json`);
  const file = explicit ?? ((await exists(beside)) ? beside : null);
  if (!file) return null;
  let data: unknown;
  try {
    data = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new UsageError(`Cannot read the regions file ${file}: ${(error as Error).message}`);
  }
  if (!Value.Check(TakeRegions, data)) {
    const first = [...Value.Errors(TakeRegions, data)][0];
    throw new UsageError(
      `${file} is not a frame-regions file: ${first?.instancePath || '/'} ${first?.message ?? ''}`,
    );
  }
  return data;
}

function describe(f: DriftFinding): string {
  const where = f.where === 'cut' ? 'cut' : `in ${f.where.toUpperCase()}`;
  const mark = f.level === 'obvious' ? '!!' : f.level === 'visible' ? '! ' : '  ';
  return `${mark} [${f.kind}, ${where}] ${f.sentence}`;
}

export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  let options: Options;
  try {
    options = parseArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.err(`${error.message}\n\n${USAGE}`);
    return 2;
  }
  if (options.help) {
    io.out(USAGE);
    return 0;
  }
  if (options.project !== null) return projectMain(options, io);
  const [a, b] = options.clips as [string, string];
  try {
    for (const clip of [a, b]) {
      if (!(await exists(clip))) throw new UsageError(`No file at ${clip}`);
    }
    const [regionsA, regionsB] = await Promise.all([
      loadRegions(a, options.regions[0]),
      loadRegions(b, options.regions[1]),
    ]);
    const analysisA = await analyseClip(a, { regions: regionsA, cacheDir: options.cacheDir });
    const analysisB = await analyseClip(b, { regions: regionsB, cacheDir: options.cacheDir });
    const { findings, environment } = comparePair(analysisA, analysisB);
    if (options.json) {
      io.out(JSON.stringify({ findings }));
    } else {
      const shown = options.all ? findings : findings.filter((f) => f.level !== 'none');
      const r = environment.registration;
      io.out(
        `A: ${a}\nB: ${b}\n${
          environment.samePlace
            ? `Same place (correlation ${r.correlation.toFixed(2)}, ${Math.round(environment.matchedBlocks * 100)}% of blocks match, B is ${(1 / r.scale).toFixed(2)}× A's scale)`
            : `Not the same place by the pictures (correlation ${r.correlation.toFixed(2)}): no layout comparison`
        }`,
      );
      if (shown.length === 0) io.out('Nothing visible drifted.');
      for (const f of shown) io.out(describe(f));
      const quiet = findings.length - shown.length;
      if (quiet > 0)
        io.out(`(${quiet} more check${quiet === 1 ? '' : 's'} found nothing visible; --all lists them)`);
    }
    if (options.failOn && findings.some((f) => LEVEL_RANK[f.level] >= LEVEL_RANK[options.failOn!])) return 1;
    return 0;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    io.err(`drift: ${message.split('\n')[0]}`);
    return 2;
  }
}

class StudioError extends Error {}

/** One call to the studio's API; its error shape's message becomes the CLI's. */
async function studioCall(options: Options, method: string, route: string, signal?: AbortSignal) {
  const token = process.env.MINISTUDIO_TOKEN;
  let response: Response;
  try {
    response = await fetch(new URL(route, options.url), {
      method,
      headers: token ? { authorization: `Bearer ${token}` } : {},
      signal,
    });
  } catch (error) {
    throw new StudioError(
      `No studio answers at ${options.url} (${(error as Error).message}); start it or pass --url`,
    );
  }
  return response;
}

async function errorOf(response: Response): Promise<string> {
  const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
  return body?.error?.message ?? `${response.status} ${response.statusText}`;
}

/**
 * Waits for the drift job's end on the project's event stream (opened before the job is started, so its end
 * cannot be missed); resolves with the failure message, or null when it succeeded.
 */
async function runReview(options: Options, projectId: string, io: CliIo): Promise<string | null> {
  const controller = new AbortController();
  const stream = await studioCall(
    options,
    'GET',
    `/api/projects/${encodeURIComponent(projectId)}/events`,
    controller.signal,
  );
  if (!stream.ok || !stream.body) throw new StudioError(await errorOf(stream));
  try {
    const started = await studioCall(options, 'POST', `/api/projects/${encodeURIComponent(projectId)}/drift`);
    if (started.status !== 202) throw new StudioError(await errorOf(started));
    const { jobId } = (await started.json()) as { jobId: string };
    const reader = stream.body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    while (true) {
      const { value, done } = await reader.read();
      if (done) throw new StudioError('The studio closed the event stream before the review ended');
      buffer += decoder.decode(value, { stream: true });
      let cut = buffer.indexOf('\n\n');
      while (cut >= 0) {
        const block = buffer.slice(0, cut);
        buffer = buffer.slice(cut + 2);
        cut = buffer.indexOf('\n\n');
        const event = /^event: ?(.*)$/m.exec(block)?.[1];
        const data = /^data: ?(.*)$/m.exec(block)?.[1];
        if (event !== 'drift' || !data) continue;
        const d = JSON.parse(data) as { jobId: string; status: string; message: string };
        if (d.jobId !== jobId) continue;
        if (d.status === 'running') {
          if (!options.json) io.err(d.message);
          continue;
        }
        return d.status === 'succeeded' ? null : d.message;
      }
    }
  } finally {
    controller.abort();
  }
}

/** Every finding of a project report, flat, in film order (what --json prints and --fail-on judges). */
export function projectFindings(report: ProjectDriftReport): ProjectDriftFinding[] {
  return [
    ...report.shots.flatMap((s) => s.findings),
    ...report.cuts.flatMap((c) => c.findings),
    ...report.characters.flatMap((c) => c.appearances.flatMap((a) => a.findings)),
  ];
}

async function projectMain(options: Options, io: CliIo): Promise<number> {
  const projectId = options.project!;
  try {
    const failed = await runReview(options, projectId, io);
    if (failed !== null) throw new StudioError(`The review failed: ${failed}`);
    const response = await studioCall(options, 'GET', `/api/projects/${encodeURIComponent(projectId)}/drift`);
    if (!response.ok) throw new StudioError(await errorOf(response));
    const report = (await response.json()) as ProjectDriftReport;
    const findings = projectFindings(report);
    if (options.json) {
      io.out(JSON.stringify({ findings, work: report.work }));
    } else {
      const label = new Map(report.shots.map((s) => [s.shotId, s.label]));
      const line = (f: ProjectDriftFinding) =>
        `${describe(f)}${f.dismissed ? ' (dismissed)' : ''}${f.heatmapUrl ? ` — heatmap ${new URL(f.heatmapUrl, options.url)}` : ''}`;
      const show = (f: ProjectDriftFinding) => options.all || f.level !== 'none';
      for (const shot of report.shots) {
        const shown = shot.findings.filter(show);
        if (shown.length) io.out(`${shot.label}:\n${shown.map(line).join('\n')}`);
      }
      for (const cut of report.cuts) {
        const shown = cut.findings.filter(show);
        if (shown.length)
          io.out(
            `Cut ${label.get(cut.fromShotId)} → ${label.get(cut.toShotId)}:\n${shown.map(line).join('\n')}`,
          );
      }
      for (const character of report.characters) {
        for (const a of character.appearances) {
          const shown = a.findings.filter(show);
          if (shown.length)
            io.out(
              `${character.name} in ${label.get(a.shotId)} against ${label.get(character.firstShotId)}:\n${shown.map(line).join('\n')}`,
            );
        }
      }
      if (!findings.some(show)) io.out('Nothing visible drifted.');
      const w = report.work;
      io.out(
        `(${report.shots.length} shots in ${w.seconds} s: ${w.clipsAnalysed} measured, ${w.clipsReused} reused; ${w.pairsCompared} pairs compared, ${w.pairsReused} reused)`,
      );
    }
    const live = findings.filter((f) => !f.dismissed);
    if (options.failOn && live.some((f) => LEVEL_RANK[f.level] >= LEVEL_RANK[options.failOn!])) return 1;
    return 0;
  } catch (error) {
    if (!(error instanceof StudioError)) throw error;
    io.err(`drift: ${error.message}`);
    return 2;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2), {
    out: (t) => process.stdout.write(`${t}\n`),
    err: (t) => process.stderr.write(`${t}\n`),
  }).then((code) => {
    process.exitCode = code;
  });
}
