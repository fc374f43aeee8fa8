import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { AssetStore, Db } from '@ministudio/db';
import type {
  DriftCharacterReport,
  DriftDismissalInput,
  DriftFinding,
  DriftLevel,
  ProjectDriftFinding,
  ProjectDriftReport,
  TakeRegions,
} from '@ministudio/domain';
import {
  ANALYSIS_VERSION,
  analyseClip,
  appearanceFindings,
  boxToRect,
  type ClipAnalysis,
  characterFindings,
  deltaE00,
  environmentFindings,
  type FilmShot,
  frameFromWindow,
  gridBoxes,
  type LabTriple,
  LEVEL_RANK,
  meanLab,
  refineOnBlocks,
  register,
  warpInto,
  withinFindings,
} from '@ministudio/drift';
import { writeFileAtomic } from '@ministudio/files';
import { assetUrl, type EventLog, readTakeAssets } from '@ministudio/pipeline';
import { createCanvas } from '@napi-rs/canvas';
import { HttpError } from '../lib/http-error';
import { loadProjectView } from './project-queries';

// Drift review of a project's chosen takes, in the background: each clip is analysed once (the engine caches
// analyses by content hash), and each pair result (a cut, an appearance against the first one, a shot within
// itself) is cached by the takes' ids and video hashes, so re-running after one shot changed re-measures only
// that shot and the pairs that involve it. Everything lives under <dataDir>/drift as JSON (atomic writes): the
// report is derived data, rebuilt from the takes at will, so it needs no table.

/** Bump when a pair result's content changes: old pair files are then ignored. */
const PAIR_VERSION = 1;
/** The heatmap grid: finer than the engine's 8×6 set blocks, so a sweater shows as a shape, same ΔE00. */
const HEAT_COLS = 16;
const HEAT_ROWS = 9;
/** ΔE00 at which a heatmap cell is fully red (the engine's "obvious" colour level). */
const HEAT_FULL = 5;

interface ChosenClip {
  shotId: string;
  takeId: string;
  label: string;
  environment: string | null;
  video: { file: string; sha256: string };
  regions: TakeRegions | null;
  regionsSha: string | null;
}

interface PairResult {
  findings: DriftFinding[];
  heatmapAssetId: string | null;
}

/** The report as stored: everything but what depends on the moment it is read (dismissals, staleness). */
type StoredReport = Omit<ProjectDriftReport, 'stale' | 'worst'> & { takeIds: string[] };

export interface DriftDeps {
  db: Db;
  store: AssetStore;
  dataDir: string;
  events: EventLog;
  log: { error: (obj: unknown, msg: string) => void };
}

const worstOf = (findings: readonly { level: DriftLevel; dismissed?: boolean }[]): DriftLevel =>
  findings.reduce<DriftLevel>(
    (w, f) => (!f.dismissed && LEVEL_RANK[f.level] > LEVEL_RANK[w] ? f.level : w),
    'none',
  );

const sha = (text: string) => createHash('sha256').update(text).digest('hex');

export class DriftService {
  private readonly running = new Map<string, { jobId: string; done: Promise<void> }>();
  private readonly root: string;

  constructor(private readonly deps: DriftDeps) {
    this.root = path.join(deps.dataDir, 'drift');
  }

  private reportFile(projectId: string) {
    return path.join(this.root, 'reports', `${projectId}.json`);
  }

  private dismissalsFile(takeId: string) {
    return path.join(this.root, 'dismissals', `${takeId}.json`);
  }

  /** The chosen, finished take of every shot in film order; 409 not_ready naming the shots without one. */
  async chosenClips(projectId: string): Promise<ChosenClip[]> {
    const { db, store } = this.deps;
    const project = await loadProjectView(db, projectId);
    const shots = project.scenes.flatMap((scene, s) =>
      scene.shots.map((shot, i) => ({ scene, shot, sceneNumber: s + 1, number: i + 1 })),
    );
    if (shots.length === 0) throw new HttpError('not_ready', 'The project has no shots yet', { shotIds: [] });
    const takes = await db.take.findMany({
      where: { id: { in: shots.map((s) => s.shot.chosenTakeId ?? '') }, status: 'succeeded' },
      select: { id: true, shotId: true, assets: true },
    });
    const byId = new Map(takes.map((t) => [t.id, t]));
    const missing = shots.filter((s) => !s.shot.chosenTakeId || !byId.has(s.shot.chosenTakeId));
    if (missing.length) {
      const named = missing
        .slice(0, 12)
        .map((m) => `shot ${m.number} of scene ${m.sceneNumber}${m.scene.title ? ` (${m.scene.title})` : ''}`)
        .join(', ');
      throw new HttpError(
        'not_ready',
        `${missing.length} shot(s) have no chosen take to review — ${named}${missing.length > 12 ? ', …' : ''}; render them first`,
        { shotIds: missing.map((m) => m.shot.id) },
      );
    }
    const assetsOf = shots.map((s) => readTakeAssets(byId.get(s.shot.chosenTakeId!)!));
    const ids = assetsOf.flatMap((a) => [a.video ?? '', a.regions ?? '']).filter(Boolean);
    const rows = await db.asset.findMany({ where: { id: { in: ids } }, select: { id: true, sha256: true } });
    const shaOf = new Map(rows.map((r) => [r.id, r.sha256]));
    const clips: ChosenClip[] = [];
    for (const [i, s] of shots.entries()) {
      const assets = assetsOf[i]!;
      const videoSha = assets.video ? shaOf.get(assets.video) : undefined;
      if (!videoSha) {
        throw new HttpError('not_ready', `Shot ${i + 1}'s chosen take has no video file; render it again`, {
          shotIds: [s.shot.id],
        });
      }
      const regionsSha = assets.regions ? (shaOf.get(assets.regions) ?? null) : null;
      clips.push({
        shotId: s.shot.id,
        takeId: s.shot.chosenTakeId!,
        label: `shot ${i + 1}`,
        environment: s.scene.environmentId,
        video: { file: store.pathOf(videoSha), sha256: videoSha },
        regions: regionsSha
          ? (JSON.parse(await readFile(store.pathOf(regionsSha), 'utf8')) as TakeRegions)
          : null,
        regionsSha,
      });
    }
    return clips;
  }

  /** Validates (409 before any work) and starts the job; a run already going for the project is answered. */
  async start(projectId: string): Promise<{ jobId: string }> {
    const current = this.running.get(projectId);
    if (current) return { jobId: current.jobId };
    const clips = await this.chosenClips(projectId);
    // Another request may have started one while the takes were read.
    const raced = this.running.get(projectId);
    if (raced) return { jobId: raced.jobId };
    const jobId = randomUUID();
    const done = this.run(projectId, jobId, clips)
      .catch((error: unknown) => {
        this.deps.log.error({ err: error, projectId }, 'drift review failed');
        this.publish(projectId, jobId, 'failed', 1, error instanceof Error ? error.message : String(error));
      })
      .finally(() => this.running.delete(projectId));
    this.running.set(projectId, { jobId, done });
    return { jobId };
  }

  /** Resolves once the project's running job (if any) ended. */
  async settled(projectId?: string): Promise<void> {
    const jobs = projectId ? [this.running.get(projectId)] : [...this.running.values()];
    await Promise.all(jobs.map((j) => j?.done));
  }

  private publish(
    projectId: string,
    jobId: string,
    status: 'running' | 'succeeded' | 'failed',
    progress: number,
    message: string,
  ) {
    this.deps.events.publish('drift', projectId, { jobId, status, progress, message });
  }

  private async run(projectId: string, jobId: string, clips: ChosenClip[]): Promise<void> {
    const started = performance.now();
    const cacheDir = path.join(this.root, 'analyses');
    await mkdir(cacheDir, { recursive: true });
    const before = new Set(await readdir(cacheDir));
    // Analysing is most of the work: it gets 80% of the bar, comparing the rest.
    const analyses: ClipAnalysis[] = [];
    for (const [i, clip] of clips.entries()) {
      this.publish(
        projectId,
        jobId,
        'running',
        (0.8 * i) / clips.length,
        `Measuring ${clip.label} of ${clips.length}`,
      );
      analyses.push(await analyseClip(clip.video.file, { regions: clip.regions, cacheDir }));
    }
    const analysed = (await readdir(cacheDir)).filter((f) => !before.has(f) && f.endsWith('.json')).length;
    const film: FilmShot[] = clips.map((c, i) => ({
      id: c.shotId,
      label: c.label,
      analysis: analyses[i]!,
      environment: c.environment,
    }));
    const work = { compared: 0, reused: 0 };
    const idOf = (c: ChosenClip) => `${c.takeId}:${c.video.sha256}:${c.regionsSha ?? ''}`;

    this.publish(projectId, jobId, 'running', 0.8, 'Comparing the cuts');
    const cuts: StoredReport['cuts'] = [];
    for (let i = 0; i + 1 < film.length; i++) {
      const a = clips[i]!;
      const b = clips[i + 1]!;
      const sameEnvironment = a.environment !== null && a.environment === b.environment;
      const result = await this.pair(projectId, `cut:${idOf(a)}:${idOf(b)}:${sameEnvironment}`, work, () => ({
        findings: [
          ...characterFindings(film[i]!.analysis, film[i + 1]!.analysis),
          ...environmentFindings(film[i]!.analysis, film[i + 1]!.analysis, { sameEnvironment }).findings,
        ],
        heat: heatCells(film[i]!.analysis, 'tail', film[i + 1]!.analysis),
      }));
      const heatmapUrl = assetUrl(result.heatmapAssetId);
      cuts.push({
        fromShotId: a.shotId,
        fromTakeId: a.takeId,
        toShotId: b.shotId,
        toTakeId: b.takeId,
        worst: 'none',
        heatmapUrl,
        findings: uniqueIds(
          result.findings.map((f) =>
            located(
              f,
              `cut:${b.shotId}`,
              b,
              a,
              f.box && (f.kind === 'colour' || f.kind === 'layout') ? heatmapUrl : null,
            ),
          ),
        ),
      });
    }

    const shots: StoredReport['shots'] = [];
    for (const [i, clip] of clips.entries()) {
      // Within one clip nothing is compared with another take: cached by the clip, counted with the clips.
      const result = await this.pair(projectId, `shot:${idOf(clip)}`, null, () => ({
        findings: withinFindings(film[i]!.analysis, 'a'),
        heat: null,
      }));
      shots.push({
        shotId: clip.shotId,
        takeId: clip.takeId,
        label: `Shot ${i + 1}`,
        worst: 'none',
        findings: uniqueIds(result.findings.map((f) => located(f, `shot:${clip.shotId}`, clip, null, null))),
      });
    }

    // Each character against its first appearance (the shot right after the first is already a cut).
    const characters = new Map<string, DriftCharacterReport>();
    const first = new Map<string, number>();
    for (const [i, shot] of film.entries()) {
      for (const c of shot.analysis.regions?.characters ?? []) {
        if (!shot.analysis.head.characters.some((p) => p.subject === c.key)) continue;
        const f = first.get(c.key);
        if (f === undefined) {
          first.set(c.key, i);
          characters.set(c.key, {
            key: c.key,
            name: c.name,
            firstShotId: clips[i]!.shotId,
            firstTakeId: clips[i]!.takeId,
            appearances: [],
          });
          continue;
        }
        if (f >= i - 1) continue;
        const ref = clips[f]!;
        const clip = clips[i]!;
        const result = await this.pair(
          projectId,
          `appearance:${c.key}:${idOf(ref)}:${idOf(clip)}`,
          work,
          () => ({
            findings: appearanceFindings(film[f]!, shot, [c.key]),
            heat: heatCells(film[f]!.analysis, 'head', shot.analysis),
          }),
        );
        const heatmapUrl = assetUrl(result.heatmapAssetId);
        characters.get(c.key)!.appearances.push({
          shotId: clip.shotId,
          takeId: clip.takeId,
          worst: 'none',
          findings: uniqueIds(
            result.findings.map((x) => located(x, `appearance:${clip.shotId}`, clip, ref, heatmapUrl)),
          ),
        });
      }
    }

    const report: StoredReport = {
      projectId,
      jobId,
      computedAt: new Date().toISOString(),
      takeIds: clips.map((c) => c.takeId),
      shots,
      cuts,
      characters: [...characters.values()],
      work: {
        clipsAnalysed: analysed,
        clipsReused: clips.length - analysed,
        pairsCompared: work.compared,
        pairsReused: work.reused,
        seconds: Math.round((performance.now() - started) / 10) / 100,
      },
    };
    await mkdir(path.dirname(this.reportFile(projectId)), { recursive: true });
    await writeFileAtomic(this.reportFile(projectId), JSON.stringify(report));
    this.publish(projectId, jobId, 'succeeded', 1, `Reviewed ${clips.length} shots`);
  }

  /** A pair's findings (and heatmap), from its cache file when the same takes were compared before. */
  private async pair(
    projectId: string,
    key: string,
    work: { compared: number; reused: number } | null,
    compute: () => { findings: DriftFinding[]; heat: HeatCells | null },
  ): Promise<PairResult> {
    const file = path.join(this.root, 'pairs', `${sha(`${PAIR_VERSION}:${ANALYSIS_VERSION}:${key}`)}.json`);
    try {
      const cached = JSON.parse(await readFile(file, 'utf8')) as PairResult;
      const asset = cached.heatmapAssetId
        ? await this.deps.db.asset.findUnique({ where: { id: cached.heatmapAssetId }, select: { id: true } })
        : null;
      // A heatmap whose asset went (the project was deleted and re-imported) is drawn again.
      if (!cached.heatmapAssetId || asset) {
        if (work) work.reused++;
        return cached;
      }
    } catch {
      // Not compared before (or an unreadable file): compare now and overwrite it.
    }
    if (work) work.compared++;
    const { findings, heat } = compute();
    const heatmapAssetId = heat ? await this.storeHeatmap(projectId, heat) : null;
    const result: PairResult = { findings, heatmapAssetId };
    await mkdir(path.dirname(file), { recursive: true });
    await writeFileAtomic(file, JSON.stringify(result));
    return result;
  }

  private async storeHeatmap(projectId: string, heat: HeatCells): Promise<string> {
    const png = heatmapPng(heat);
    const { sha256, bytes } = await this.deps.store.put(png);
    const id = randomUUID();
    await this.deps.db.asset.create({
      data: {
        id,
        projectId,
        kind: 'drift-heatmap',
        mime: 'image/png',
        bytes,
        sha256,
        width: heat.width,
        height: heat.height,
        originalName: 'drift-heatmap.png',
      },
    });
    return id;
  }

  /** The stored report with dismissals marked and staleness against the current chosen takes; 404 if never run. */
  async report(projectId: string): Promise<ProjectDriftReport> {
    const project = await loadProjectView(this.deps.db, projectId);
    let stored: StoredReport;
    try {
      stored = JSON.parse(await readFile(this.reportFile(projectId), 'utf8')) as StoredReport;
    } catch {
      throw new HttpError(
        'not_found',
        'Drift has not been reviewed for this project yet: POST /api/projects/:id/drift to run it',
        { projectId },
      );
    }
    const chosen = project.scenes.flatMap((s) => s.shots.map((shot) => shot.chosenTakeId));
    const stale = chosen.length !== stored.takeIds.length || chosen.some((id, i) => id !== stored.takeIds[i]);
    const dismissals = new Map<string, DriftDismissalInput[]>();
    for (const takeId of new Set(stored.takeIds)) dismissals.set(takeId, await this.dismissals(takeId));
    const mark = (f: ProjectDriftFinding): ProjectDriftFinding => ({
      ...f,
      dismissed: (dismissals.get(f.takeId) ?? []).some(
        (d) => d.kind === f.kind && d.subject === f.subject && d.part === f.part,
      ),
    });
    const shots = stored.shots.map((s) => {
      const findings = s.findings.map(mark);
      return { ...s, findings, worst: worstOf(findings) };
    });
    const cuts = stored.cuts.map((c) => {
      const findings = c.findings.map(mark);
      return { ...c, findings, worst: worstOf(findings) };
    });
    const characters = stored.characters.map((c) => ({
      ...c,
      appearances: c.appearances.map((a) => {
        const findings = a.findings.map(mark);
        return { ...a, findings, worst: worstOf(findings) };
      }),
    }));
    const { takeIds: _, ...rest } = stored;
    return {
      ...rest,
      stale,
      shots,
      cuts,
      characters,
      worst: worstOf([
        ...shots.map((s) => ({ level: s.worst })),
        ...cuts.map((c) => ({ level: c.worst })),
        ...characters.flatMap((c) => c.appearances.map((a) => ({ level: a.worst }))),
      ]),
    };
  }

  private async dismissals(takeId: string): Promise<DriftDismissalInput[]> {
    try {
      return JSON.parse(await readFile(this.dismissalsFile(takeId), 'utf8')) as DriftDismissalInput[];
    } catch {
      return [];
    }
  }

  /** Keeps a finding accepted as intended for that take (idempotent); answers the take's dismissals. */
  async dismiss(takeId: string, input: DriftDismissalInput): Promise<DriftDismissalInput[]> {
    const take = await this.deps.db.take.findUnique({ where: { id: takeId }, select: { id: true } });
    if (!take) throw new HttpError('not_found', `No take ${takeId}`, { takeId });
    const list = await this.dismissals(takeId);
    const entry = { kind: input.kind, subject: input.subject, part: input.part };
    if (!list.some((d) => d.kind === entry.kind && d.subject === entry.subject && d.part === entry.part)) {
      list.push(entry);
      await mkdir(path.dirname(this.dismissalsFile(takeId)), { recursive: true });
      await writeFileAtomic(this.dismissalsFile(takeId), JSON.stringify(list));
    }
    return list;
  }
}

/** Makes ids unique within one list: two grade findings, or two set blocks without a subject, share a stem. */
function uniqueIds(findings: ProjectDriftFinding[]): ProjectDriftFinding[] {
  const seen = new Map<string, number>();
  return findings.map((f) => {
    const n = seen.get(f.id) ?? 0;
    seen.set(f.id, n + 1);
    return n === 0 ? f : { ...f, id: `${f.id}#${n + 1}` };
  });
}

function located(
  f: DriftFinding,
  section: string,
  on: ChosenClip,
  against: ChosenClip | null,
  heatmapUrl: string | null,
): ProjectDriftFinding {
  return {
    ...f,
    id: `${section}:${on.shotId}:${against?.shotId ?? ''}:${f.where}:${f.kind}:${f.subject ?? ''}:${f.part ?? ''}`,
    shotId: on.shotId,
    takeId: on.takeId,
    againstShotId: against?.shotId ?? null,
    againstTakeId: against?.takeId ?? null,
    heatmapUrl,
    dismissed: false,
  };
}

export interface HeatCells {
  width: number;
  height: number;
  cols: number;
  rows: number;
  /** ΔE00 per cell, row-major; null where the two frames do not overlap. */
  values: (number | null)[];
}

/**
 * The block ΔE00 map of two windows: B's window registered onto A's (as the engine registers a cut), each cell's
 * mean CIELAB compared after the typical shift (the grade, reported on its own) is taken out. Characters are
 * not masked: the map shows everything that changed at the cut, a sweater included.
 */
export function heatCells(a: ClipAnalysis, side: 'head' | 'tail', b: ClipAnalysis): HeatCells {
  const frameA = frameFromWindow(a, a[side]);
  const frameB = frameFromWindow(b, b.head);
  const registration = refineOnBlocks(frameA, frameB, register(frameA, frameB)).registration;
  const warped = warpInto(frameA, frameB, registration);
  const invalid = new Uint8Array(warped.valid.length);
  for (let i = 0; i < invalid.length; i++) invalid[i] = warped.valid[i] ? 0 : 1;
  const cells = gridBoxes(HEAT_COLS, HEAT_ROWS).map((box) => {
    const rect = boxToRect(box, frameA.width, frameA.height);
    const la = meanLab(frameA, rect, invalid);
    const lb = meanLab(warped.frame, rect, invalid);
    return la && lb ? { la, lb } : null;
  });
  const present = cells.flatMap((c) => (c ? [c] : []));
  const shift = [0, 1, 2].map((k) => median(present.map((c) => c.lb[k]! - c.la[k]!)));
  return {
    width: frameA.width,
    height: frameA.height,
    cols: HEAT_COLS,
    rows: HEAT_ROWS,
    values: cells.map((c) =>
      c
        ? Math.round(
            deltaE00([c.la[0] + shift[0]!, c.la[1] + shift[1]!, c.la[2] + shift[2]!] as LabTriple, c.lb) *
              100,
          ) / 100
        : null,
    ),
  };
}

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const v = [...values].sort((x, y) => x - y);
  const m = v.length >> 1;
  return v.length % 2 === 1 ? v[m]! : (v[m - 1]! + v[m]!) / 2;
}

/**
 * A transparent PNG the size of the analysis frame, to lay over the frame of A: each cell red with an opacity
 * by its ΔE00 (clear below 1, full at the obvious level), grey hatching where the frames do not overlap.
 */
export function heatmapPng(heat: HeatCells): Buffer {
  const canvas = createCanvas(heat.width, heat.height);
  const ctx = canvas.getContext('2d');
  const cw = heat.width / heat.cols;
  const ch = heat.height / heat.rows;
  heat.values.forEach((value, i) => {
    const x = (i % heat.cols) * cw;
    const y = Math.floor(i / heat.cols) * ch;
    if (value === null) {
      ctx.fillStyle = 'rgba(128,128,128,0.35)';
    } else {
      const t = Math.max(0, Math.min(1, (value - 1) / (HEAT_FULL - 1)));
      // Yellow for a small change, red for an obvious one.
      ctx.fillStyle = `rgba(255,${Math.round(220 * (1 - t))},0,${(0.75 * t).toFixed(3)})`;
    }
    ctx.fillRect(x, y, Math.ceil(cw), Math.ceil(ch));
  });
  return canvas.toBuffer('image/png');
}
