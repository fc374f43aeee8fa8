import Type, { type Static } from 'typebox';
import { StringEnum } from './helpers';

// The film export's options (`POST /api/projects/:id/film`): one definition for the API's validation, the
// pipeline's film job and the editor's export dialog.

/** none: no subtitles; soft: a text track inside the MP4 (the player can turn it off); burn: drawn into the picture. */
export const FILM_SUBTITLE_MODES = ['none', 'soft', 'burn'] as const;
export type FilmSubtitleMode = (typeof FILM_SUBTITLE_MODES)[number];

/** project: the project's own size (stream copy); the rest name the picture's short side, the other keeping the aspect ratio. */
export const FILM_RESOLUTIONS = ['project', '720p', '540p', '360p'] as const;
export type FilmResolution = (typeof FILM_RESOLUTIONS)[number];

export const FilmOptionsBody = Type.Object(
  {
    subtitles: Type.Optional(StringEnum(FILM_SUBTITLE_MODES)),
    resolution: Type.Optional(StringEnum(FILM_RESOLUTIONS)),
    chapters: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type FilmOptionsBody = Static<typeof FilmOptionsBody>;

export interface FilmOptions {
  subtitles: FilmSubtitleMode;
  resolution: FilmResolution;
  chapters: boolean;
}

/** Today's film: soft subtitles, the project's size, a chapter per scene (stream copy, fast). */
export const DEFAULT_FILM_OPTIONS: FilmOptions = Object.freeze({
  subtitles: 'soft',
  resolution: 'project',
  chapters: true,
});

export function filmOptions(body: FilmOptionsBody | null | undefined): FilmOptions {
  return {
    ...DEFAULT_FILM_OPTIONS,
    ...Object.fromEntries(Object.entries(body ?? {}).filter(([, v]) => v !== undefined)),
  };
}

/** The short side a resolution preset asks for, or null for the project's own size. */
export function filmResolutionHeight(resolution: FilmResolution): number | null {
  return resolution === 'project' ? null : Number.parseInt(resolution, 10);
}

/**
 * The film's picture size for a preset: the preset names the picture's short side (its height in landscape), never
 * above the project's; the other side keeps the project's aspect ratio; both even (yuv420p). Pure.
 */
export function filmSize(
  project: { width: number; height: number },
  resolution: FilmResolution,
): { width: number; height: number } {
  const wanted = filmResolutionHeight(resolution);
  const short = Math.min(project.width, project.height);
  if (wanted === null || wanted >= short) return { width: project.width, height: project.height };
  const even = (n: number) => Math.max(2, Math.round(n / 2) * 2);
  const scale = wanted / short;
  return { width: even(project.width * scale), height: even(project.height * scale) };
}
