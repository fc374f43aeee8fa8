import { copyFile } from 'node:fs/promises';
import path from 'node:path';
import { HttpError } from '@ministudio/api/src/lib/http-error';
import { loadProjectView } from '@ministudio/api/src/services/project-queries';
import { assertVoicesKnown, productionVoices } from '@ministudio/api/src/services/voice-check';
import { filmOptions, type Production, type ProjectView } from '@ministudio/domain';
import { writeAtomically } from '@ministudio/files';
import { jobSummary, type PipelineLog, RenderRefused, toJobRecord } from '@ministudio/pipeline';
import { CliError, INTERRUPTED, type Output } from '../output';
import { type HeadlessStudio, openStudio, projectFor, rememberProject } from '../studio';
import { syncProduction } from '../sync-production';

export interface RenderOptions {
  /** The production's file: the data folder keeps one project per file. */
  file: string;
  out: string;
  dataDir: string;
  /** Shot keys to render; null renders every shot. */
  shots: string[] | null;
  /** Every shot rendered with this provider ("local", "runway:gen4_turbo", …). */
  provider: string | null;
  concurrency: number;
  /** Aborted by Ctrl+C: the run stops, running jobs go back to the queue, the next run resumes them. */
  signal: AbortSignal;
}

export interface RenderSummary {
  projectId: string;
  out: string | null;
  shots: number;
  rendered: number;
  reused: number;
  resumed: number;
  seconds: number;
  filmSeconds: number | null;
}

const POLL_MS = 250;

/**
 * Renders a production with the studio's own services in a data folder: the production is imported (or
 * brought up to date by key, so unchanged shots keep their takes), the render service plans and queues
 * the shots (reusing every take whose input hash is unchanged, joining one an interrupted run left
 * half-done), the embedded engine runs the jobs, and the film service assembles the chosen takes.
 */
export async function render(doc: Production, options: RenderOptions, out: Output): Promise<RenderSummary> {
  const started = Date.now();
  if (options.provider) doc = withProvider(doc, options.provider);
  const log: PipelineLog = {
    // Unexpected errors are bugs: said in full, as the studio logs them.
    error: (context, message) => out.warn(`error: ${message} ${JSON.stringify(context)}`),
    warn: (_context, message) => out.warn(`warning: ${message}`),
    info: () => {},
  };
  out.progress(`data folder ${options.dataDir}`);
  const studio = await openStudio({
    dataDir: options.dataDir,
    concurrency: options.concurrency,
    env: process.env,
    log,
  });
  const production = { file: options.file, title: doc.project.title };
  try {
    // The checks the studio makes when a production is imported: every voice exists in its provider.
    await assertVoicesKnown(studio.providers, productionVoices(doc)).catch((error: unknown) => {
      throw refusal(error);
    });
    const projectId = await syncProduction(
      studio.db,
      studio.store,
      await projectFor(options.dataDir, production),
      doc,
    ).catch((error: unknown) => {
      throw refusal(error);
    });
    await rememberProject(options.dataDir, production, projectId);
    let project = await loadProjectView(studio.db, projectId);
    const all = project.scenes.flatMap((s) => s.shots);
    const keys = new Map(all.map((s) => [s.id, s.key]));
    const selected = options.shots ? selectShots(project, options.shots) : null;
    const result = await studio.runtime.service
      .render(project, selected ? { shotIds: selected } : {})
      .catch((error: unknown) => {
        throw refusal(error);
      });
    const reused = result.shots.filter((s) => s.outcome === 'cached').length;
    const resumed = result.shots.filter((s) => s.outcome === 'rendering').length;
    const rendered = result.shots.length - reused - resumed;
    out.progress(
      `${result.shots.length} shot${result.shots.length === 1 ? '' : 's'}: ${describeOutcomes(rendered, reused, resumed)}`,
    );
    const waiting = result.shots.filter((s) => s.outcome !== 'cached');
    await waitForTakes(studio, waiting, keys, options.signal, out);

    project = await loadProjectView(studio.db, projectId);
    const missing = project.scenes.flatMap((s) => s.shots).filter((s) => !s.chosenTakeId);
    if (missing.length) {
      out.progress(
        `film not assembled: ${missing.length} shot${missing.length === 1 ? ' has' : 's have'} no take yet (${missing
          .map((s) => s.key)
          .join(', ')}); render without --shots to make it`,
      );
      return summary(projectId, null, all.length, rendered, reused, resumed, started, null);
    }
    const filmSeconds = await assemble(studio, project, options, out);
    return summary(projectId, options.out, all.length, rendered, reused, resumed, started, filmSeconds);
  } finally {
    await studio.close();
  }
}

function summary(
  projectId: string,
  out: string | null,
  shots: number,
  rendered: number,
  reused: number,
  resumed: number,
  started: number,
  filmSeconds: number | null,
): RenderSummary {
  const seconds = Math.round((Date.now() - started) / 100) / 10;
  return { projectId, out, shots, rendered, reused, resumed, seconds, filmSeconds };
}

function describeOutcomes(rendered: number, reused: number, resumed: number): string {
  const parts = [`${rendered} to render`, `${reused} reused (inputs unchanged)`];
  if (resumed) parts.push(`${resumed} resumed from an interrupted run`);
  return parts.join(', ');
}

/** Every shot (and the project's default) on one provider, as `--provider` asks. */
function withProvider(doc: Production, provider: string): Production {
  return {
    ...doc,
    project: { ...doc.project, defaultProvider: provider },
    scenes: doc.scenes.map((s) => ({ ...s, shots: s.shots.map((shot) => ({ ...shot, provider: null })) })),
  };
}

function selectShots(project: ProjectView, keys: string[]): string[] {
  const shots = project.scenes.flatMap((s) => s.shots);
  const unknown = keys.filter((key) => !shots.some((s) => s.key === key));
  if (unknown.length) {
    throw new CliError(
      `No shot with key ${unknown.map((k) => `"${k}"`).join(', ')} in this production. Its shots: ${shots
        .map((s) => s.key)
        .join(', ')}`,
    );
  }
  return shots.filter((s) => keys.includes(s.key)).map((s) => s.id);
}

function refusal(error: unknown): unknown {
  if (error instanceof HttpError) {
    // The studio's own refusals (an unknown voice, an unusable image), with the paths they name.
    const issues = (error.details as { issues?: { path: string; message: string }[] } | null)?.issues ?? [];
    return new CliError(
      [error.message, ...issues.map((i) => `  ${i.path.replace(/^body(?=\/)/, '')}: ${i.message}`)].join(
        '\n',
      ),
      { code: error.code, ...(error.details as Record<string, unknown>) },
    );
  }
  if (error instanceof RenderRefused) {
    return new CliError(`Cannot render: ${error.message}`, {
      code: error.code,
      ...(error.details as Record<string, unknown>),
    });
  }
  return error;
}

/** Waits for the takes, printing a line per step (speech, picture, conform, fit, previews) and each quarter of progress. */
async function waitForTakes(
  studio: HeadlessStudio,
  shots: { shotId: string; takeId: string }[],
  keys: Map<string, string>,
  signal: AbortSignal,
  out: Output,
): Promise<void> {
  const takeIds = shots.map((s) => s.takeId);
  const said = new Map<string, string>();
  const done = new Set<string>();
  while (done.size < takeIds.length) {
    if (signal.aborted) throw new CliError(INTERRUPTED, { code: 'interrupted' });
    const takes = await studio.db.take.findMany({ where: { id: { in: takeIds } } });
    const jobs = await studio.db.renderJob.findMany({
      where: { takeId: { in: takeIds } },
      orderBy: { createdAt: 'asc' },
    });
    for (const take of takes) {
      const key = keys.get(take.shotId) ?? take.shotId;
      if (take.status === 'rendering') {
        const running = jobs.find((j) => j.takeId === take.id && j.status === 'running');
        if (!running) continue;
        const line = `${key}: ${running.kind} ${Math.floor((running.progress * 100) / 25) * 25}%`;
        if (said.get(take.id) !== line) {
          said.set(take.id, line);
          out.progress(line);
        }
        continue;
      }
      if (done.has(take.id)) continue;
      done.add(take.id);
      if (take.status === 'succeeded') {
        out.progress(`${key}: done (${done.size}/${takeIds.length})`);
        continue;
      }
      const failed = jobs.find(
        (j) => j.takeId === take.id && (j.status === 'failed' || j.status === 'cancelled'),
      );
      const error = failed ? jobSummary(toJobRecord(failed)).error : null;
      throw new CliError(
        `Shot ${key} ${take.status === 'cancelled' ? 'was cancelled' : 'failed'}${
          error ? `: ${error.message}${error.advice ? ` ${error.advice}` : ''}` : ''
        }`,
        { code: failed?.errorCode ?? take.status, shot: key, takeId: take.id },
      );
    }
    if (done.size < takeIds.length) await sleep(POLL_MS, signal);
  }
}

async function assemble(
  studio: HeadlessStudio,
  project: ProjectView,
  options: RenderOptions,
  out: Output,
): Promise<number | null> {
  out.progress('assembling the film');
  const job = await studio.runtime.film.film(project, filmOptions({})).catch((error: unknown) => {
    throw refusal(error);
  });
  for (;;) {
    if (options.signal.aborted) throw new CliError(INTERRUPTED, { code: 'interrupted' });
    const row = await studio.db.renderJob.findUnique({ where: { id: job.id } });
    if (row?.status === 'succeeded') break;
    if (row?.status === 'failed' || row?.status === 'cancelled') {
      throw new CliError(`The film could not be assembled: ${row.errorMessage ?? row.status}`, {
        code: row.errorCode ?? row.status,
      });
    }
    await sleep(POLL_MS, options.signal);
  }
  const files = await studio.runtime.film.filmFiles(project.id);
  const asset = files ? await studio.db.asset.findUnique({ where: { id: files.video } }) : null;
  if (!asset) throw new Error('The film job succeeded but its file is not in the store');
  const target = path.resolve(options.out);
  await writeAtomically(target, (temp) => copyFile(studio.store.pathOf(asset.sha256), temp));
  out.progress(`film written to ${options.out}`);
  return asset.durationSeconds;
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}
