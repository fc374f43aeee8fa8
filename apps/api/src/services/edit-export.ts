import { access, readFile } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import type { AssetStore, Db } from '@ministudio/db';
import type { ProjectView } from '@ministudio/domain';
import {
  type ChosenTake,
  type Cut,
  cutFromProject,
  cutSrt,
  type EditFormat,
  editFile,
  exportBaseName,
  missingTakes,
  storyboardFromProject,
  storyboardPdf,
} from '@ministudio/edit-export';
import { readTakeAssets } from '@ministudio/pipeline';
import { ZipFile } from 'yazl';
import { HttpError } from '../lib/http-error';
import { loadProjectView } from './project-queries';

// The edit handed on to other editing software (a zip of the edit file and the clips it names by relative
// paths) and the printable storyboard. The cut is made of the same takes the film is assembled from: each
// shot's chosen take, finished (FilmService.film's query).

interface ChosenFiles extends ChosenTake {
  video: string | undefined;
  poster: string | undefined;
}

/** Every shot's chosen take that has finished, by shot id. */
async function chosenTakes(db: Db, project: ProjectView): Promise<Map<string, ChosenFiles>> {
  const shots = project.scenes.flatMap((scene) => scene.shots);
  const takes = await db.take.findMany({
    where: { id: { in: shots.map((s) => s.chosenTakeId ?? '') }, status: 'succeeded' },
    select: { id: true, shotId: true, assets: true, durationSeconds: true },
  });
  const byTake = new Map(takes.map((t) => [t.id, t]));
  const chosen = new Map<string, ChosenFiles>();
  for (const shot of shots) {
    const take = shot.chosenTakeId ? byTake.get(shot.chosenTakeId) : undefined;
    if (!take) continue;
    const assets = readTakeAssets(take);
    chosen.set(shot.id, {
      durationSeconds: take.durationSeconds ?? 0,
      lines: assets.lines ?? [],
      video: assets.video,
      poster: assets.poster,
    });
  }
  return chosen;
}

/** Store paths of assets by id (one query). */
async function assetPaths(db: Db, store: AssetStore, ids: string[]): Promise<Map<string, string>> {
  const rows = await db.asset.findMany({ where: { id: { in: ids } }, select: { id: true, sha256: true } });
  return new Map(rows.map((row) => [row.id, store.pathOf(row.sha256)]));
}

export interface EditExport {
  cut: Cut;
  /** The clip files, by their relative path in the export. */
  clips: Map<string, string>;
  base: string;
}

/**
 * The project's cut and where its clips are on disk; 409 not_ready naming every shot without a finished
 * chosen take (the editor shows them; nothing is half exported).
 */
export async function loadEdit(db: Db, store: AssetStore, projectId: string): Promise<EditExport> {
  const project = await loadProjectView(db, projectId);
  const takes = await chosenTakes(db, project);
  const missing = missingTakes(project, takes);
  if (project.scenes.every((scene) => scene.shots.length === 0))
    throw new HttpError('not_ready', 'The project has no shots yet', { shots: [] });
  if (missing.length) {
    const named = missing
      .slice(0, 12)
      .map((m) => `shot ${m.number} (${m.scene})`)
      .join(', ');
    throw new HttpError(
      'not_ready',
      `${missing.length} shot(s) have no finished take yet — ${named}${missing.length > 12 ? ', …' : ''}; render them first`,
      { shots: missing, shotIds: missing.map((m) => m.shotId) },
    );
  }
  const cut = cutFromProject(project, takes);
  const paths = await assetPaths(
    db,
    store,
    [...takes.values()].flatMap((t) => (t.video ? [t.video] : [])),
  );
  const clips = new Map<string, string>();
  for (const clip of cut.clips) {
    const file = paths.get(takes.get(clip.shotId)?.video ?? '');
    if (!file)
      throw new HttpError('not_ready', `Shot ${clip.number}'s take has no video file`, {
        shotId: clip.shotId,
      });
    clips.set(clip.media, file);
  }
  return { cut, clips, base: exportBaseName(project.title) };
}

/**
 * Refuses, before any byte is sent, an export whose clip files are not all in the store (a zip cut short
 * mid-download would look like a network fault). 409 names the shots, so they can be rendered again.
 */
const isReadable = (file: string) =>
  access(file).then(
    () => true,
    () => false,
  );

export async function assertClipsOnDisk(edit: EditExport): Promise<void> {
  const lost: { shotId: string; number: number }[] = [];
  await Promise.all(
    edit.cut.clips.map(async (clip) => {
      const file = edit.clips.get(clip.media);
      if (!file || !(await isReadable(file))) lost.push({ shotId: clip.shotId, number: clip.number });
    }),
  );
  if (!lost.length) return;
  lost.sort((a, b) => a.number - b.number);
  const named = lost
    .slice(0, 12)
    .map((l) => l.number)
    .join(', ');
  throw new HttpError(
    'not_ready',
    `${lost.length} clip(s) are missing from the media folder — shot ${named}${lost.length > 12 ? ', …' : ''}; render them again`,
    { shots: lost, shotIds: lost.map((l) => l.shotId) },
  );
}

/**
 * The export as a streamed zip: `<title>/<title>.<ext>`, `<title>/subtitles.srt` and `<title>/clips/*.mp4`
 * (stored, not deflated: the clips are compressed video already, and storing keeps a long film's zip fast).
 */
export function editZip(edit: EditExport, format: EditFormat, withMedia: boolean): NodeJS.ReadableStream {
  const zip = new ZipFile();
  // yazl reports a file it cannot read on the ZipFile, not on its stream: end the download with it (an
  // unheard 'error' would stop the studio).
  zip.on('error', (error: Error) => (zip.outputStream as Readable).destroy(error));
  const file = editFile(edit.cut, format);
  const folder = edit.base;
  zip.addBuffer(Buffer.from(file.text, 'utf8'), `${folder}/${file.name}`);
  const srt = cutSrt(edit.cut);
  if (srt.trim()) zip.addBuffer(Buffer.from(srt, 'utf8'), `${folder}/subtitles.srt`);
  if (withMedia)
    for (const [relative, absolute] of edit.clips)
      zip.addFile(absolute, `${folder}/${relative}`, { compress: false });
  zip.end();
  return zip.outputStream;
}

/** The storyboard PDF of a project: posters of chosen finished takes, cards for the rest. */
export async function storyboard(db: Db, store: AssetStore, projectId: string) {
  const project = await loadProjectView(db, projectId);
  const takes = await chosenTakes(db, project);
  const posterIds = new Map(
    [...takes].flatMap(([shotId, t]) => (t.poster ? [[shotId, t.poster] as const] : [])),
  );
  const paths = await assetPaths(db, store, [...posterIds.values()]);
  const posters = new Map<string, Buffer>();
  await Promise.all(
    [...posterIds].map(async ([shotId, assetId]) => {
      const file = paths.get(assetId);
      // A poster missing from the store prints as the shot's card.
      if (file) posters.set(shotId, await readFile(file).catch(() => Buffer.alloc(0)));
    }),
  );
  for (const [shotId, bytes] of posters) if (!bytes.length) posters.delete(shotId);
  return {
    name: `${exportBaseName(project.title)} storyboard.pdf`,
    stream: storyboardPdf(storyboardFromProject(project, takes, posters)),
  };
}
