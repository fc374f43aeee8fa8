import path from 'node:path';
import { assembleFilm, type SubtitleCue } from '@ministudio/media';
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

/** Joins the chosen takes by stream copy, a chapter per scene, soft subtitles from the dialogue. */
export async function runFilm(payload: FilmPayload, ctx: HandlerContext): Promise<FilmOutput> {
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
    subtitles: cues.length ? { cues, mode: 'soft' } : null,
    signal: ctx.signal,
    onProgress: ctx.onProgress,
  });
  const stored = await ctx.io.store(result.path, {
    kind: 'video',
    mime: 'video/mp4',
    name: `${payload.title}.mp4`,
    durationSeconds: result.durationSeconds,
    width: null,
    height: null,
    cacheKey: null,
  });
  return { assetId: stored.id, durationSeconds: result.durationSeconds, chapters: result.chapters.length };
}
