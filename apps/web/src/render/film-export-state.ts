import {
  FILM_RESOLUTIONS,
  type FilmOptions,
  type FilmResolution,
  filmSize,
  type JobSummary,
} from '@ministudio/domain';

/** Where the export dialog is: choosing options, the film being made, or how it ended. */
export type ExportPhase = 'choose' | 'running' | 'done' | 'failed' | 'cancelled';

/**
 * The dialog's phase from the newest film job and the job this dialog started (null before Export). An older
 * film (made before the dialog opened) leaves it choosing, so its links are never taken for this export's. Pure.
 */
export function exportPhase(film: JobSummary | null, startedJobId: string | null): ExportPhase {
  if (!startedJobId || !film || film.id !== startedJobId) return startedJobId ? 'running' : 'choose';
  if (film.status === 'queued' || film.status === 'running') return 'running';
  if (film.status === 'succeeded') return 'done';
  return film.status;
}

export interface ResolutionChoice {
  value: FilmResolution;
  label: string;
}

/** The resolutions worth offering: the project's size, then each preset smaller than it, with its real size. */
export function resolutionChoices(project: { width: number; height: number }): ResolutionChoice[] {
  const own = `${project.width}×${project.height}`;
  const choices: ResolutionChoice[] = [{ value: 'project', label: `Project size (${own})` }];
  for (const value of FILM_RESOLUTIONS) {
    if (value === 'project') continue;
    const size = filmSize(project, value);
    if (size.width === project.width && size.height === project.height) continue;
    choices.push({ value, label: `${value} (${size.width}×${size.height})` });
  }
  return choices;
}

/** What the export re-encodes, in plain words: the default is a fast stream copy. */
export function exportCost(options: FilmOptions): string {
  return options.subtitles === 'burn' || options.resolution !== 'project'
    ? 'Re-encodes the picture (slower).'
    : 'Joins the takes without re-encoding (fast).';
}
