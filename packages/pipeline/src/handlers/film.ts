import path from 'node:path';
import { DEFAULT_FILM_OPTIONS } from '@ministudio/domain';
import { writeFileAtomic } from '@ministudio/files';
import { assembleFilm, type SubtitleCue, srtText, vttText } from '@ministudio/media';
import type { HandlerContext } from './context';
import type { FilmOutput, FilmPayload } from './payloads';

/** Subtitle cues for the whole film from each shot's placed lines (pure). */
export function filmCues(shots: FilmPayload['shots']): SubtitleCue[] {
  const cues: SubtitleCue[] = [];
  let offset = 0;
  for (const shot of shots) {
    for (const line of shot.lines) {
      const start = offset + line.startSeconds;
      cues.push({
        startSeconds: start,
        endSeconds: Math.min(start + line.durationSeconds, offset + shot.durationSeconds),
        text: line.text,
        kind: line.character === null ? 'narration' : 'dialogue',
        speaker: line.character === null ? null : (shot.speakers[line.character] ?? null),
      });
    }
    offset += shot.durationSeconds;
  }
  return cues;
}

/**
 * Joins the chosen takes (stream copy unless burned subtitles or a smaller size need a re-encode), with the
 * chosen subtitles and chapters, and stores SRT and WebVTT sidecars of the dialogue and narration beside it.
 */
export async function runFilm(payload: FilmPayload, ctx: HandlerContext): Promise<FilmOutput> {
  const options = payload.options ?? DEFAULT_FILM_OPTIONS;
  const shots = [];
  for (const shot of payload.shots) {
    shots.push({
      path: await ctx.io.fetch(shot.videoAssetId),
      durationSeconds: shot.durationSeconds,
      scene: shot.scene,
      crossfadeSeconds: null,
    });
  }
  const output = path.join(ctx.io.workDir, 'film.mp4');
  const cues = filmCues(payload.shots);
  const result = await assembleFilm({
    shots,
    output,
    fps: payload.fps,
    title: payload.title,
    subtitles: cues.length && options.subtitles !== 'none' ? { cues, mode: options.subtitles } : null,
    size: payload.size ?? null,
    chapters: options.chapters,
    signal: ctx.signal,
    onProgress: ctx.onProgress,
  });
  const srtPath = path.join(ctx.io.workDir, 'subtitles.srt');
  const vttPath = path.join(ctx.io.workDir, 'subtitles.vtt');
  await writeFileAtomic(srtPath, srtText(cues));
  await writeFileAtomic(vttPath, vttText(cues));
  const stored = await ctx.io.store(result.path, {
    kind: 'video',
    mime: 'video/mp4',
    name: `${payload.title}.mp4`,
    durationSeconds: result.durationSeconds,
    width: payload.size?.width ?? null,
    height: payload.size?.height ?? null,
    cacheKey: null,
  });
  const sidecar = (file: string, mime: string, ext: string) =>
    ctx.io.store(file, {
      kind: 'data',
      mime,
      name: `${payload.title}.${ext}`,
      durationSeconds: result.durationSeconds,
      width: null,
      height: null,
      cacheKey: null,
    });
  const srt = await sidecar(srtPath, 'application/x-subrip; charset=utf-8', 'srt');
  const vtt = await sidecar(vttPath, 'text/vtt; charset=utf-8', 'vtt');
  return {
    assetId: stored.id,
    durationSeconds: result.durationSeconds,
    chapters: result.chapters.length,
    srtAssetId: srt.id,
    vttAssetId: vtt.id,
  };
}
