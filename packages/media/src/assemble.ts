import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { removeQuietly, writeAtomically } from '@ministudio/files';
import { MediaError } from './errors';
import { escapeFilterValue, type FfmpegJob, sec } from './ffmpeg-job';
import {
  type Chapter,
  type ConcatEntry,
  chaptersFromShots,
  concatListText,
  ffmetadataText,
  type SubtitleCue,
  srtText,
} from './film-text';
import { FASTSTART_ARGS, HOUSE_PIXEL_FORMAT, houseCodecArgs } from './house-format';
import type { JobOptions } from './job-options';
import { probeVideo } from './probe';
import { runFfmpeg } from './runner';

export interface FilmShot {
  /** A conformed clip (see conform): all shots share one house format. */
  path: string;
  /** Known length (e.g. from conform's result), or null to probe it. */
  durationSeconds: number | null;
  /** Scene title; a chapter starts where it changes. */
  scene: string | null;
  /** Crossfade from the previous shot, in seconds (0 < s <= 1), or null for a cut. */
  crossfadeSeconds: number | null;
}

export interface AssembleOptions extends JobOptions {
  shots: readonly FilmShot[];
  output: string;
  /** House frame rate, used for crossfades and burned subtitles. */
  fps: number;
  title: string | null;
  subtitles: { cues: readonly SubtitleCue[]; mode: 'soft' | 'burn' } | null;
  /** A smaller picture (same aspect ratio, even sizes) re-encodes the film; null or absent keeps the clips' own. */
  size?: FilmPictureSize | null;
  /** A chapter per scene; false writes none. Absent: true. */
  chapters?: boolean;
}

export interface FilmPictureSize {
  width: number;
  height: number;
}

export interface AssembleResult {
  path: string;
  durationSeconds: number;
  chapters: Chapter[];
}

export interface Transition {
  /** Index of the shot the transition leads into. */
  into: number;
  seconds: number;
  /** Keyframe in the outgoing shot where the re-encoded piece starts. */
  fromSeconds: number;
  /** Keyframe in the incoming shot where stream copy resumes. */
  resumeSeconds: number;
}

/**
 * Splits the film into stream-copied pieces and short re-encoded transitions. Conformed clips have a keyframe
 * every whole second, so a transition re-encodes only from the last whole second before the overlap to the
 * first whole second after it.
 */
export function planPieces(
  shots: readonly { path: string; durationSeconds: number; crossfadeSeconds: number | null }[],
): { pieces: (ConcatEntry | { transition: Transition })[]; durationSeconds: number } {
  const pieces: (ConcatEntry | { transition: Transition })[] = [];
  let total = 0;
  let inpoint = 0;
  shots.forEach((shot, i) => {
    const next = shots[i + 1];
    const fade = next?.crossfadeSeconds ?? null;
    if (fade !== null && (!(fade > 0) || fade > 1)) {
      throw new MediaError(
        'invalid_argument',
        `Crossfade into shot ${i + 1} must be above 0 and at most 1 s`,
      );
    }
    const outpoint = fade !== null ? Math.floor(shot.durationSeconds - fade + 1e-9) : null;
    if ((outpoint ?? shot.durationSeconds) <= inpoint) {
      throw new MediaError('invalid_argument', `Shot ${i} is too short for its crossfades`);
    }
    const end = outpoint ?? shot.durationSeconds;
    pieces.push({
      path: shot.path,
      inpoint: inpoint > 0 ? inpoint : null,
      outpoint,
      duration: Number(sec(end - inpoint)),
    });
    total += shot.durationSeconds - (fade ?? 0);
    if (fade !== null && outpoint !== null) {
      pieces.push({ transition: { into: i + 1, seconds: fade, fromSeconds: outpoint, resumeSeconds: 1 } });
      inpoint = 1;
    } else {
      inpoint = 0;
    }
  });
  return { pieces, durationSeconds: total };
}

export function buildTransitionJob(
  from: { path: string; durationSeconds: number },
  into: string,
  transition: Transition,
  fps: number,
  output: string,
): FfmpegJob {
  const tail = from.durationSeconds - transition.fromSeconds;
  const offset = tail - transition.seconds;
  const length = tail + transition.resumeSeconds - transition.seconds;
  // xfade emits one frame more than the overlap arithmetic; cut to whole frames so the film's length is exact.
  const frames = Math.round(length * fps);
  return {
    inputs: [
      { source: from.path, options: ['-ss', sec(transition.fromSeconds)] },
      { source: into, options: ['-t', sec(transition.resumeSeconds)] },
    ],
    filterComplex:
      `[0:v][1:v]xfade=transition=fade:duration=${sec(transition.seconds)}:offset=${sec(offset)},trim=end_frame=${frames},format=${HOUSE_PIXEL_FORMAT}[v];` +
      `[0:a][1:a]acrossfade=d=${sec(transition.seconds)},apad,atrim=0:${sec(frames / fps)}[a]`,
    outputs: [
      {
        target: output,
        options: [
          '-map',
          '[v]',
          '-map',
          '[a]',
          ...houseCodecArgs({
            video: { fps, preset: null, crf: null, keyframeIntervalFrames: null },
            audio: 'encode',
          }),
          // The graph already gives whole frames at the house rate; cfr would repeat the last one.
          '-fps_mode',
          'passthrough',
        ],
      },
    ],
  };
}

/** How the joined film is finished: picture size (null: the clips' own, stream copy) and chapters on or off. */
export interface FilmFinish {
  size: FilmPictureSize | null;
  chapters: boolean;
}

/** The video filter a film needs: a scale to a smaller size and/or burned subtitles, or null for stream copy. */
export function filmVideoFilter(
  subtitles: { path: string; mode: 'soft' | 'burn' } | null,
  size: FilmPictureSize | null,
): string | null {
  const filters: string[] = [];
  if (size) {
    if (size.width % 2 || size.height % 2 || size.width < 16 || size.height < 16) {
      throw new MediaError('invalid_argument', `Film size must be even, got ${size.width}x${size.height}`);
    }
    filters.push(`scale=${size.width}:${size.height}:flags=lanczos`, 'setsar=1');
  }
  // Scaled first, so the text is drawn at the film's own resolution and stays sharp. Raised a little above the
  // usual bottom margin (36 of libass's 288 rows, 12.5%): clear of a lower third, like the animatic's caption band.
  if (subtitles?.mode === 'burn') {
    filters.push(
      `subtitles=filename=${escapeFilterValue(subtitles.path)}:force_style=${escapeFilterValue('FontName=DejaVu Sans,FontSize=20,Outline=1,MarginV=36')}`,
    );
  }
  return filters.length ? `${filters.join(',')},format=${HOUSE_PIXEL_FORMAT}` : null;
}

export function buildAssembleJob(
  listPath: string,
  metadataPath: string,
  subtitles: { path: string; mode: 'soft' | 'burn' } | null,
  fps: number,
  output: string,
  finish: FilmFinish = { size: null, chapters: true },
): FfmpegJob {
  const inputs = [
    { source: listPath, options: ['-f', 'concat', '-safe', '0'] },
    { source: metadataPath, options: ['-f', 'ffmetadata'] },
  ];
  const options = [
    '-map',
    '0:v:0',
    '-map',
    '0:a:0',
    '-map_metadata',
    '1',
    '-map_chapters',
    finish.chapters ? '1' : '-1',
  ];
  const filter = filmVideoFilter(subtitles, finish.size);
  if (filter) {
    options.push(
      '-vf',
      filter,
      ...houseCodecArgs({
        video: { fps, preset: null, crf: null, keyframeIntervalFrames: null },
        audio: null,
      }),
      // The joined frames are already at the house rate; cfr would duplicate frames where the audio runs longer.
      '-fps_mode',
      'passthrough',
    );
  } else {
    options.push(...houseCodecArgs({ video: 'copy', audio: null }));
  }
  if (subtitles?.mode === 'soft') {
    inputs.push({ source: subtitles.path, options: ['-f', 'srt'] });
    options.push('-map', '2:s:0', '-c:s', 'mov_text', '-metadata:s:s:0', 'language=eng');
  }
  options.push(...houseCodecArgs({ video: null, audio: 'copy' }), ...FASTSTART_ARGS);
  return { inputs, filterComplex: null, outputs: [{ target: output, options }] };
}

/**
 * Joins conformed shots into a film by stream copy (concat demuxer), re-encoding only crossfade overlaps,
 * with a chapter per scene, optional soft (mov_text) or burned subtitles, and +faststart.
 */
export async function assembleFilm(options: AssembleOptions): Promise<AssembleResult> {
  if (options.shots.length === 0) throw new MediaError('invalid_argument', 'A film needs at least one shot');
  const shots = await Promise.all(
    options.shots.map(async (shot) => {
      const durationSeconds = shot.durationSeconds ?? (await probeVideo(shot.path)).durationSeconds;
      return { ...shot, path: path.resolve(shot.path), durationSeconds };
    }),
  );
  const { pieces, durationSeconds } = planPieces(shots);
  const wantChapters = options.chapters ?? true;
  const sceneChapters = chaptersFromShots(
    shots.map((shot, i) => ({
      scene: shot.scene,
      durationSeconds: shot.durationSeconds - (shots[i + 1]?.crossfadeSeconds ?? 0),
    })),
  );
  const chapters = wantChapters ? sceneChapters : [];
  const work = await mkdtemp(path.join(tmpdir(), 'ministudio-assemble-'));
  try {
    const entries: ConcatEntry[] = [];
    for (const [i, piece] of pieces.entries()) {
      if ('transition' in piece) {
        const { transition } = piece;
        const from = shots[transition.into - 1]!;
        const file = path.join(work, `transition-${i}.mp4`);
        await runFfmpeg(
          buildTransitionJob(from, shots[transition.into]!.path, transition, options.fps, file),
          {
            signal: options.signal,
            onProgress: null,
            durationSeconds: null,
          },
        );
        const length =
          from.durationSeconds - transition.fromSeconds + transition.resumeSeconds - transition.seconds;
        const duration = Number(sec(Math.round(length * options.fps) / options.fps));
        entries.push({ path: file, inpoint: null, outpoint: null, duration });
      } else {
        entries.push(piece);
      }
    }
    const listPath = path.join(work, 'list.ffconcat');
    const metadataPath = path.join(work, 'chapters.ffmeta');
    await writeFile(listPath, concatListText(entries));
    await writeFile(metadataPath, ffmetadataText(options.title, chapters));
    let subtitles: { path: string; mode: 'soft' | 'burn' } | null = null;
    if (options.subtitles && options.subtitles.cues.length > 0) {
      subtitles = { path: path.join(work, 'subtitles.srt'), mode: options.subtitles.mode };
      await writeFile(subtitles.path, srtText(options.subtitles.cues));
    }
    await writeAtomically(options.output, (temp) =>
      runFfmpeg(
        buildAssembleJob(listPath, metadataPath, subtitles, options.fps, temp, {
          size: options.size ?? null,
          chapters: wantChapters,
        }),
        {
          signal: options.signal,
          onProgress: options.onProgress,
          durationSeconds,
        },
      ),
    );
    return { path: options.output, durationSeconds, chapters };
  } finally {
    await removeQuietly(work);
  }
}
