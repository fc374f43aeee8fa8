// `pnpm bench pipeline`: the render pipeline end to end, in one run.
//  1. queue overhead (enqueue to start) for the embedded engine and for Redis + a remote worker;
//  2. the 8-shot "The Last Algorithm" sample rendered at once (2 jobs at a time) against the sum of its
//     shots rendered one by one (the parallel gain);
//  3. re-rendering after editing one shot's action, as a share of the full render (target ≤ 25%).
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import path from 'node:path';
import { SAMPLE_PRODUCTIONS } from '@ministudio/domain';
import { writeFileAtomic } from '@ministudio/files';
import { type EngineKind, type RenderStudio, startRenderStudio, until } from '../test/render-harness';

const root = path.resolve(import.meta.dirname, '../../..');
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};
const round = (x: number, d = 2) => Number(x.toFixed(d));

async function inject<T>(
  studio: RenderStudio,
  method: string,
  url: string,
  body?: unknown,
  headers: Record<string, string> = {},
) {
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

/** Enqueue-to-start latency of trivial jobs (a cached speech line), one at a time so nothing waits behind another. */
async function queueOverhead(kind: EngineKind, samples: number): Promise<number[]> {
  const studio = await startRenderStudio(kind);
  try {
    const { id } = await inject<{ id: string }>(
      studio,
      'POST',
      '/api/projects/import',
      SAMPLE_PRODUCTIONS[0],
    );
    const cacheKey = 'speech:bench';
    await studio.app.db.asset.create({
      data: {
        id: 'bench-asset',
        projectId: id,
        kind: 'audio',
        mime: 'audio/wav',
        bytes: 1,
        sha256: 'f'.repeat(64),
        durationSeconds: 1,
        cacheKey,
      },
    });
    const scheduler = studio.app.renderer.scheduler;
    const latencies: number[] = [];
    for (let i = 0; i < samples; i++) {
      const [job] = await scheduler.enqueue(id, [
        {
          ref: 'j',
          kind: 'speech',
          shotId: null,
          takeId: null,
          payload: {
            provider: 'espeak',
            text: 'x',
            voice: { provider: 'espeak', voiceId: 'en-us', rate: 1, pitch: 0 },
            character: null,
            cacheKey,
          },
          after: [],
          maxAttempts: 1,
          dedupeKey: null,
        },
      ]);
      studio.app.renderer.engine.wake();
      const done = await until(
        async () => {
          const row = await studio.app.db.renderJob.findUnique({ where: { id: job!.id } });
          return row?.status === 'succeeded' ? row : null;
        },
        30_000,
        2,
      );
      latencies.push(done.startedAt!.getTime() - done.createdAt.getTime());
    }
    return latencies;
  } finally {
    await studio.close();
  }
}

async function waitSettled(studio: RenderStudio, projectId: string) {
  return until(
    async () => {
      const jobs = await inject<{ status: string }[]>(studio, 'GET', `/api/projects/${projectId}/jobs`);
      if (jobs.some((j) => j.status === 'failed' || j.status === 'cancelled'))
        throw new Error('a job failed');
      return jobs.length && jobs.every((j) => j.status === 'succeeded') ? true : null;
    },
    900_000,
    50,
  );
}

async function renderFigures() {
  const studio = await startRenderStudio('embedded');
  try {
    // Whole film at once, 2 jobs at a time (the default).
    const { id } = await inject<{ id: string }>(
      studio,
      'POST',
      '/api/projects/import',
      SAMPLE_PRODUCTIONS[1],
    );
    let started = performance.now();
    await inject(studio, 'POST', `/api/projects/${id}/render`, {});
    await waitSettled(studio, id);
    const full = (performance.now() - started) / 1000;

    // One shot's action edited: only that shot is drawn again (its speech is reused).
    const project = await inject<{ version: number; scenes: { shots: { id: string }[] }[] }>(
      studio,
      'GET',
      `/api/projects/${id}`,
    );
    const edited = project.scenes[0]!.shots[2]!.id;
    await inject(
      studio,
      'PATCH',
      `/api/shots/${edited}`,
      { action: 'ARIA flickers, then steadies.' },
      { 'if-match': String(project.version) },
    );
    started = performance.now();
    await inject(studio, 'POST', `/api/projects/${id}/render`, {});
    await waitSettled(studio, id);
    const rerender = (performance.now() - started) / 1000;

    // The same shots one by one, in a fresh copy of the production (nothing cached).
    const copy = await inject<{ id: string }>(studio, 'POST', '/api/projects/import', SAMPLE_PRODUCTIONS[1]);
    const copyView = await inject<{ scenes: { shots: { id: string }[] }[] }>(
      studio,
      'GET',
      `/api/projects/${copy.id}`,
    );
    const perShot: number[] = [];
    for (const shot of copyView.scenes.flatMap((s) => s.shots)) {
      const t0 = performance.now();
      await inject(studio, 'POST', `/api/projects/${copy.id}/render`, { shotIds: [shot.id] });
      await waitSettled(studio, copy.id);
      perShot.push((performance.now() - t0) / 1000);
    }
    return { full, rerender, perShot };
  } finally {
    await studio.close();
  }
}

const embedded = await queueOverhead('embedded', 40);
const redis = await queueOverhead('redis', 40);
const render = await renderFigures();
const sequential = render.perShot.reduce((a, b) => a + b, 0);

const figures = {
  queue_embedded_median_ms: round(median(embedded), 1),
  queue_embedded_p99_ms: round(percentile(embedded, 99), 1),
  queue_redis_median_ms: round(median(redis), 1),
  queue_redis_p99_ms: round(percentile(redis, 99), 1),
  full_render_seconds: round(render.full, 1),
  one_by_one_seconds: round(sequential, 1),
  parallel_gain: round(sequential / render.full, 2),
  rerender_seconds: round(render.rerender, 1),
  rerender_share: round(render.rerender / render.full, 3),
  rerender_share_max: 0.25,
};

const ffmpegVersion = execFileSync('ffmpeg', ['-version']).toString().split('\n')[0] ?? 'unknown';
const section = [
  '<!-- bench:pipeline -->',
  `Run ${new Date().toISOString()} on ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), ${Math.round(totalmem() / 2 ** 30)} GiB memory, ${ffmpegVersion}; local provider, espeak-ng speech, 2 jobs at a time.`,
  '',
  '| measure | figure | target |',
  '| --- | --- | --- |',
  `| queue overhead, embedded (enqueue to start, 40 jobs) | median ${figures.queue_embedded_median_ms} ms, p99 ${figures.queue_embedded_p99_ms} ms | |`,
  `| queue overhead, Redis + remote worker over HTTP (40 jobs) | median ${figures.queue_redis_median_ms} ms, p99 ${figures.queue_redis_p99_ms} ms | |`,
  `| "The Last Algorithm", 8 shots / 64 s at 1280x720, all at once | ${figures.full_render_seconds} s | |`,
  `| the same 8 shots rendered one by one (sum) | ${figures.one_by_one_seconds} s | |`,
  `| parallel gain (one by one ÷ all at once) | ${figures.parallel_gain}× | |`,
  `| re-render after editing one shot's action | ${figures.rerender_seconds} s = ${round(figures.rerender_share * 100, 1)}% of the full render | ≤ 25% |`,
  '',
  'What it means: the queue adds milliseconds, not seconds, in both engines (Redis pays a few HTTP round trips per job).',
  'Two cores bound the parallel gain; editing one shot re-renders that shot only, and its unchanged speech is reused.',
  '<!-- /bench:pipeline -->',
].join('\n');
const docPath = path.join(root, 'docs', 'benchmarks.md');
const doc = await readFile(docPath, 'utf8');
await writeFileAtomic(
  docPath,
  doc.replace(/<!-- bench:pipeline -->[\s\S]*?<!-- \/bench:pipeline -->/, section),
);
console.log(JSON.stringify(figures));
