import { useState } from 'react';
import { filmSubtitlesUrl, filmUrl } from '../api/render-endpoints';
import { useRender } from '../app/session';
import { ProgressBar } from './progress-bar';

/** The film's assembly and, once made, a player with its subtitle track and download links. */
export function FilmPanel({ projectId }: { projectId: string }) {
  const film = useRender((s) => s.film);
  const [hidden, setHidden] = useState<string | null>(null);
  if (!film || hidden === film.id) return null;
  const url = filmUrl(projectId, film.id);
  return (
    <section className="film-panel" aria-label="Film">
      {(film.status === 'queued' || film.status === 'running') && (
        <div className="film-progress">
          <span>Making the film…</span>
          <ProgressBar value={film.progress} estimated={film.progressEstimated} label="Film progress" />
        </div>
      )}
      {film.status === 'failed' && (
        <p className="render-error" role="note">
          The film could not be made: <code>{film.error?.code ?? 'failed'}</code> {film.error?.advice}
        </p>
      )}
      {film.status === 'cancelled' && <p className="muted">The film was cancelled.</p>}
      {film.status === 'succeeded' && (
        <div className="film-ready">
          {/* biome-ignore lint/a11y/useMediaCaption: the track is subtitles (dialogue and narration, no sound descriptions), so kind="subtitles", not captions */}
          <video className="film-video" aria-label="Film" src={url} controls preload="metadata">
            {/* The WebVTT sidecar: the dialogue and narration, for the viewer to turn on whatever the MP4 carries. */}
            <track
              kind="subtitles"
              src={filmSubtitlesUrl(projectId, 'vtt', film.id)}
              srcLang="en"
              label="Dialogue and narration"
            />
          </video>
          <div className="film-actions">
            <a className="button-link" href={url} download>
              Download film
            </a>
            <a href={filmSubtitlesUrl(projectId, 'srt', film.id)} download>
              Subtitles (SRT)
            </a>
            <a href={filmSubtitlesUrl(projectId, 'vtt', film.id)} download>
              Subtitles (WebVTT)
            </a>
            <button type="button" onClick={() => setHidden(film.id)}>
              Hide
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
