import { createHash } from 'node:crypto';
import type { Db } from '@ministudio/db';
import { type FilmOptions, filmSize, type ProjectView } from '@ministudio/domain';
import type { FilmOutput, FilmPayload } from '../handlers/payloads';
import type { JobRecord } from '../queue/job-types';
import type { Scheduler } from '../queue/scheduler';
import { RenderRefused } from './render-refused';
import { readTakeAssets } from './takes';

const FILM_ATTEMPTS = 2;

/** Assembling the film from every shot's chosen take, and finding the latest finished one. */
export class FilmService {
  constructor(private readonly deps: { db: Db; scheduler: Scheduler; wake: () => void }) {}

  /** Queues the film from every shot's chosen take, made as `options` asks; refuses while a shot has none. */
  async film(project: ProjectView, options: FilmOptions): Promise<JobRecord> {
    const { db } = this.deps;
    const shots = project.scenes.flatMap((scene) => scene.shots.map((shot) => ({ scene, shot })));
    if (shots.length === 0)
      throw new RenderRefused('not_ready', 'The project has no shots yet', { shotIds: [] });
    const takes = await db.take.findMany({
      where: { id: { in: shots.map((s) => s.shot.chosenTakeId ?? '') }, status: 'succeeded' },
    });
    const byId = new Map(takes.map((t) => [t.id, t]));
    const missing = shots
      .filter((s) => !s.shot.chosenTakeId || !byId.has(s.shot.chosenTakeId))
      .map((s) => s.shot.id);
    if (missing.length) {
      throw new RenderRefused(
        'not_ready',
        `${missing.length} shot(s) have no finished take yet; render them first`,
        { shotIds: missing },
      );
    }
    const speakers = Object.fromEntries(project.characters.map((c) => [c.key, c.name]));
    const size = filmSize(project, options.resolution);
    const payload: FilmPayload = {
      title: project.title,
      fps: project.fps,
      options,
      size: size.width === project.width && size.height === project.height ? null : size,
      shots: shots.map(({ scene, shot }) => {
        const take = byId.get(shot.chosenTakeId!)!;
        const assets = readTakeAssets(take);
        return {
          videoAssetId: assets.video!,
          durationSeconds: take.durationSeconds ?? 0,
          scene: scene.title || `Scene ${project.scenes.indexOf(scene) + 1}`,
          sceneKey: scene.key,
          lines: assets.lines ?? [],
          speakers,
        };
      }),
    };
    const dedupeKey = `film:${createHash('sha256').update(JSON.stringify(payload)).digest('hex')}`;
    const existing = await db.renderJob.findFirst({
      where: { projectId: project.id, dedupeKey, status: { in: ['queued', 'running', 'succeeded'] } },
      orderBy: { createdAt: 'desc' },
    });
    if (existing) return (await this.deps.scheduler.get(existing.id))!;
    const [job] = await this.deps.scheduler.enqueue(project.id, [
      {
        ref: 'film',
        kind: 'film',
        shotId: null,
        takeId: null,
        payload,
        after: [],
        maxAttempts: FILM_ATTEMPTS,
        dedupeKey,
      },
    ]);
    this.deps.wake();
    return job!;
  }

  /** The latest finished film's files (its sidecars null for a film made before them), or null. */
  async filmFiles(
    projectId: string,
  ): Promise<{ video: string; srt: string | null; vtt: string | null } | null> {
    const job = await this.deps.db.renderJob.findFirst({
      where: { projectId, kind: 'film', status: 'succeeded' },
      orderBy: { finishedAt: 'desc' },
    });
    if (!job) return null;
    const result = JSON.parse(job.result) as FilmOutput;
    return { video: result.assetId, srt: result.srtAssetId ?? null, vtt: result.vttAssetId ?? null };
  }
}
