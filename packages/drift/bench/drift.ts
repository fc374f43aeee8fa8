// `pnpm bench drift`: the drift review of the 8-shot "The Last Algorithm" sample rendered at 720p by the
// embedded studio, timed beside a decode-only floor measured in the same run (ffmpeg decoding the same clips to
// the same small frames the engine decodes, frames thrown away), then re-run after one shot changed.
//   report_floor_ratio   = full review (cold caches) / floor        bound: report_floor_ratio_max 3
//   rerun_one_shot_ratio = review after one shot changed / full     bound: rerun_one_shot_ratio_max 0.3
// Absolute seconds are printed too; the last line is one JSON object.
import { cpus } from 'node:os';
import { type ProjectDriftReport, SAMPLE_PRODUCTIONS } from '@ministudio/domain';
import { decodeFrames, probeVideo } from '@ministudio/media';
import {
  nextEvent,
  type RenderStudio,
  startRenderStudio,
  whenSettled,
} from '../../../apps/api/test/render-harness';
import { ANALYSIS_WIDTH } from '../src/analyse';

const round = (x: number, d = 2) => Number(x.toFixed(d));

async function call<T>(studio: RenderStudio, method: string, url: string, body?: unknown, headers = {}) {
  const response = await studio.app.inject({
    method: method as 'GET',
    url,
    headers,
    ...(body === undefined ? {} : { payload: body as object }),
  });
  if (response.statusCode >= 400)
    throw new Error(`${method} ${url}: ${response.statusCode} ${response.body}`);
  return JSON.parse(response.body) as T;
}

/** POST the review and wait for its end on the event stream: seconds as the caller sees them. */
async function review(
  studio: RenderStudio,
  projectId: string,
): Promise<{ seconds: number; report: ProjectDriftReport }> {
  const started = performance.now();
  const ended = nextEvent(
    studio.app,
    projectId,
    (e) => e.type === 'drift' && (e.data as { status: string }).status !== 'running',
    600_000,
  );
  await call(studio, 'POST', `/api/projects/${projectId}/drift`);
  const event = await ended;
  const seconds = (performance.now() - started) / 1000;
  if ((event.data as { status: string }).status !== 'succeeded')
    throw new Error(`the review failed: ${JSON.stringify(event.data)}`);
  return {
    seconds,
    report: await call<ProjectDriftReport>(studio, 'GET', `/api/projects/${projectId}/drift`),
  };
}

/** The chosen takes' video files, as the drift service finds them. */
async function chosenFiles(studio: RenderStudio, projectId: string): Promise<string[]> {
  const project = await call<{ scenes: { shots: { chosenTakeId: string }[] }[] }>(
    studio,
    'GET',
    `/api/projects/${projectId}`,
  );
  const files: string[] = [];
  for (const shot of project.scenes.flatMap((s) => s.shots)) {
    const take = await studio.app.db.take.findUniqueOrThrow({ where: { id: shot.chosenTakeId } });
    const video = (JSON.parse(take.assets) as { video: string }).video;
    const asset = await studio.app.db.asset.findUniqueOrThrow({ where: { id: video } });
    files.push(studio.app.assets.pathOf(asset.sha256));
  }
  return files;
}

/** The floor: the same decode the engine does (same size, same rate), nothing measured. */
async function decodeFloor(files: string[]): Promise<number> {
  const started = performance.now();
  for (const file of files) {
    const info = await probeVideo(file);
    const height = Math.max(2, Math.round((ANALYSIS_WIDTH * info.video.height) / info.video.width / 2) * 2);
    const fps = info.video.fps > 0 ? info.video.fps : 24;
    for await (const _ of decodeFrames(file, { width: ANALYSIS_WIDTH, height, fps, signal: null })) {
      // thrown away: only the decode is timed
    }
  }
  return (performance.now() - started) / 1000;
}

async function main() {
  const studio = await startRenderStudio('embedded');
  try {
    const doc = structuredClone(SAMPLE_PRODUCTIONS.find((p) => p.project.title === 'The Last Algorithm')!);
    doc.project.width = 1280;
    doc.project.height = 720;
    const renderStarted = performance.now();
    // Rendered here rather than by renderedProject: a 64 s film at 720p outlasts its two-minute wait.
    const { id: projectId } = await call<{ id: string }>(studio, 'POST', '/api/projects/import', doc);
    await call(studio, 'POST', `/api/projects/${projectId}/render`, {});
    const jobs = await whenSettled(studio.app, projectId, 1_800_000);
    const failed = jobs.filter((j) => j.status !== 'succeeded');
    if (failed.length) throw new Error(`${failed.length} render job(s) did not succeed`);
    const renderSeconds = (performance.now() - renderStarted) / 1000;
    const files = await chosenFiles(studio, projectId);
    console.log(`rendered ${files.length} shots at 1280x720 in ${round(renderSeconds, 1)} s`);

    // Floor and review alternate twice and the best of each is kept: the machine is shared and noisy.
    const floor1 = await decodeFloor(files);
    const full = await review(studio, projectId);
    const floor2 = await decodeFloor(files);
    const floor = Math.min(floor1, floor2);
    console.log(
      `decode floor ${round(floor)} s (${round(floor1)}, ${round(floor2)}); full review ${round(full.seconds)} s (${full.report.work.clipsAnalysed} clips measured, ${full.report.work.pairsCompared} pairs compared)`,
    );

    // One shot changed: a character's clothing in the fourth shot, rendered again.
    const project = await call<{ version: number; scenes: { shots: { id: string; cast: unknown[] }[] }[] }>(
      studio,
      'GET',
      `/api/projects/${projectId}`,
    );
    const shots = project.scenes.flatMap((s) => s.shots);
    const changed = shots.find((s, i) => i >= 3 && s.cast.length > 0) ?? shots[3]!;
    const cast = (changed.cast as { character: string; state: Record<string, unknown> }[]).map((c, i) =>
      i === 0 ? { ...c, state: { ...c.state, clothing: 'bright red jacket' } } : c,
    );
    await call(studio, 'PATCH', `/api/shots/${changed.id}`, cast.length ? { cast } : { action: 'Changed.' }, {
      'if-match': String(project.version),
    });
    await call(studio, 'POST', `/api/projects/${projectId}/render`, { shotIds: [changed.id] });
    await whenSettled(studio.app, projectId, 600_000);
    const rerun = await review(studio, projectId);
    console.log(
      `re-run after one shot changed ${round(rerun.seconds)} s (${rerun.report.work.clipsAnalysed} clip measured, ${rerun.report.work.pairsCompared} pairs compared, ${rerun.report.work.pairsReused} reused)`,
    );

    const result = {
      bench: 'drift',
      shots: files.length,
      resolution: '1280x720',
      cpus: cpus().length,
      render_seconds: round(renderSeconds, 1),
      floor_seconds: round(floor),
      report_seconds: round(full.seconds),
      rerun_seconds: round(rerun.seconds),
      report_floor_ratio: round(full.seconds / floor),
      report_floor_ratio_max: 3,
      rerun_one_shot_ratio: round(rerun.seconds / full.seconds),
      rerun_one_shot_ratio_max: 0.3,
      rerun_clips_measured: rerun.report.work.clipsAnalysed,
      rerun_pairs_compared: rerun.report.work.pairsCompared,
    };
    console.log(JSON.stringify(result));
  } finally {
    await studio.close();
  }
}

await main();
