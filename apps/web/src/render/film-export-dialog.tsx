import {
  DEFAULT_FILM_OPTIONS,
  FILM_RESOLUTIONS,
  type FilmOptions,
  type FilmResolution,
  type FilmSubtitleMode,
} from '@ministudio/domain';
import { useId, useRef, useState } from 'react';
import { useProject } from '../api/hooks';
import { filmSubtitlesUrl, filmUrl } from '../api/render-endpoints';
import { useRender } from '../app/session';
import { useModalFocus } from '../common/use-modal-focus';
import { EditHandoff } from './edit-handoff';
import { exportCost, exportPhase, resolutionChoices } from './film-export-state';
import { ProgressBar } from './progress-bar';
import { cancel, makeFilm } from './render-actions';
import { useRenderDeps } from './use-render-deps';
import '../styles/film-export.css';

const SUBTITLE_CHOICES: { value: FilmSubtitleMode; label: string; note: string }[] = [
  { value: 'soft', label: 'Soft', note: 'a text track the viewer can turn off' },
  { value: 'burn', label: 'Burned in', note: 'drawn into the picture, always shown' },
  { value: 'none', label: 'None', note: 'the SRT and WebVTT files are still made' },
];

/**
 * Exporting the film: subtitles, resolution and chapters, then the assembly's progress with Cancel, and links
 * to the MP4 and its SRT and WebVTT once made. `onMissing` gets the shots that still need a take. Below, the
 * edit for other editing software and the storyboard PDF (edit-handoff.tsx).
 */
export function FilmExportDialog({
  projectId,
  onClose,
  onMissing,
}: {
  projectId: string;
  onClose: () => void;
  onMissing: (shotIds: string[]) => void;
}) {
  const titleId = useId();
  const panel = useRef<HTMLDivElement>(null);
  const deps = useRenderDeps();
  const size = useProject(projectId, (p) => ({ width: p.width, height: p.height })).data ?? null;
  const film = useRender((s) => s.film);
  const [options, setOptions] = useState<FilmOptions>(DEFAULT_FILM_OPTIONS);
  const [startedJobId, setStartedJobId] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  const phase = exportPhase(film, startedJobId);
  const onKeyDown = useModalFocus(panel, 'input, select, button', onClose);

  const start = async () => {
    setStarting(true);
    const { job, missing } = await makeFilm(deps, options);
    setStarting(false);
    if (job) setStartedJobId(job.id);
    else if (missing.length) onMissing(missing);
  };
  const choosing = phase === 'choose' || phase === 'failed' || phase === 'cancelled';
  const choices = size ? resolutionChoices(size) : [{ value: 'project' as const, label: 'Project size' }];

  return (
    <div className="modal-backdrop">
      <div
        ref={panel}
        className="modal film-export"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        onKeyDown={onKeyDown}
      >
        <h2 id={titleId}>Export film</h2>
        <fieldset disabled={!choosing}>
          <legend>Subtitles</legend>
          {SUBTITLE_CHOICES.map((choice) => (
            <label key={choice.value} className="choice">
              <input
                type="radio"
                name={`${titleId}-subtitles`}
                value={choice.value}
                checked={options.subtitles === choice.value}
                onChange={() => setOptions({ ...options, subtitles: choice.value })}
              />
              {choice.label} <span className="choice-note">{choice.note}</span>
            </label>
          ))}
        </fieldset>
        <div className="field">
          <label className="field-label" htmlFor={`${titleId}-resolution`}>
            Resolution
          </label>
          <select
            id={`${titleId}-resolution`}
            value={options.resolution}
            disabled={!choosing}
            onChange={(e) => {
              const value = e.target.value as FilmResolution;
              if (FILM_RESOLUTIONS.includes(value)) setOptions({ ...options, resolution: value });
            }}
          >
            {choices.map((choice) => (
              <option key={choice.value} value={choice.value}>
                {choice.label}
              </option>
            ))}
          </select>
        </div>
        <label className="choice">
          <input
            type="checkbox"
            checked={options.chapters}
            disabled={!choosing}
            onChange={(e) => setOptions({ ...options, chapters: e.target.checked })}
          />
          A chapter per scene
        </label>
        {choosing && <p className="export-cost">{exportCost(options)}</p>}

        {phase === 'running' && (
          <div className="film-progress">
            <span>Making the film…</span>
            <ProgressBar
              value={film?.id === startedJobId ? film.progress : 0}
              estimated={film?.id === startedJobId ? film.progressEstimated : false}
              label="Export progress"
            />
          </div>
        )}
        {phase === 'failed' && (
          <p className="render-error" role="alert">
            The film could not be made: <code>{film?.error?.code ?? 'failed'}</code> {film?.error?.advice}
          </p>
        )}
        {phase === 'cancelled' && <p role="status">The export was cancelled.</p>}
        {phase === 'done' && film && (
          <nav className="export-downloads" aria-label="Downloads">
            <a className="button-link" href={filmUrl(projectId, film.id)} download>
              Download MP4
            </a>
            <a className="subtitle-link" href={filmSubtitlesUrl(projectId, 'srt', film.id)} download>
              Download SRT
            </a>
            <a className="subtitle-link" href={filmSubtitlesUrl(projectId, 'vtt', film.id)} download>
              Download WebVTT
            </a>
          </nav>
        )}

        {/* The film's own actions, so Export reads as the film's and not the edit's below. */}
        {(choosing || (phase === 'running' && startedJobId)) && (
          <div className="film-export-actions">
            {phase === 'running' && startedJobId && (
              <button type="button" onClick={() => void cancel([startedJobId])}>
                Cancel
              </button>
            )}
            {choosing && (
              <button type="button" className="primary" disabled={starting} onClick={() => void start()}>
                Export
              </button>
            )}
          </div>
        )}

        <EditHandoff projectId={projectId} />

        <div className="modal-actions">
          <button type="button" onClick={onClose}>
            {phase === 'done' ? 'Done' : 'Close'}
          </button>
        </div>
      </div>
    </div>
  );
}
