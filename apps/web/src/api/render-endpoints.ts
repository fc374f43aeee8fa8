import type {
  FilmOptionsBody,
  JobSummary,
  ProviderDescription,
  RenderStart,
  ShotCheck,
  ShotState,
  TakeView,
  Waveform,
} from '@ministudio/domain';
import { apiRequest } from './http';

// Render, take and provider routes. They change takes and jobs, not the storyboard: no If-Match.

const enc = encodeURIComponent;
const get = <T>(path: string) => apiRequest<T>({ method: 'GET', path, body: null, ifMatch: null });

export interface RenderScope {
  sceneIds?: string[];
  shotIds?: string[];
}

export const startRender = (projectId: string, scope: RenderScope) =>
  apiRequest<RenderStart>({
    method: 'POST',
    path: `/api/projects/${enc(projectId)}/render`,
    body: scope,
    ifMatch: null,
  });
export const renderCheck = (projectId: string) =>
  get<ShotCheck[]>(`/api/projects/${enc(projectId)}/render-check`);
export const listJobs = (projectId: string) => get<JobSummary[]>(`/api/projects/${enc(projectId)}/jobs`);
export const cancelJob = (jobId: string) =>
  apiRequest<JobSummary>({
    method: 'POST',
    path: `/api/jobs/${enc(jobId)}/cancel`,
    body: null,
    ifMatch: null,
  });
export const shotStates = (projectId: string) =>
  get<ShotState[]>(`/api/projects/${enc(projectId)}/shot-states`);
export const listTakes = (shotId: string) => get<TakeView[]>(`/api/shots/${enc(shotId)}/takes`);
export const patchTake = (takeId: string, body: { pinned?: boolean; chosen?: true }) =>
  apiRequest<TakeView>({ method: 'PATCH', path: `/api/takes/${enc(takeId)}`, body, ifMatch: null });
export const deleteTake = (takeId: string) =>
  apiRequest<{ removedFiles: number }>({
    method: 'DELETE',
    path: `/api/takes/${enc(takeId)}`,
    body: null,
    ifMatch: null,
  });
export const startFilm = (projectId: string, options: FilmOptionsBody = {}) =>
  apiRequest<{ job: JobSummary }>({
    method: 'POST',
    path: `/api/projects/${enc(projectId)}/film`,
    body: options,
    ifMatch: null,
  });
export const listProviders = () => get<ProviderDescription[]>('/api/providers');
export const getWaveform = (url: string) => get<Waveform>(url);

/** The film and the proxy keep one URL across renders; the version makes the browser fetch the new file. */
export const filmUrl = (projectId: string, version: string | null) =>
  `/api/projects/${enc(projectId)}/film${version ? `?v=${enc(version)}` : ''}`;
export const filmSubtitlesUrl = (projectId: string, format: 'srt' | 'vtt', version: string | null) =>
  `/api/projects/${enc(projectId)}/film/subtitles.${format}${version ? `?v=${enc(version)}` : ''}`;
export const proxyUrl = (shotId: string, takeId: string) =>
  `/api/shots/${enc(shotId)}/proxy?take=${enc(takeId)}`;
export const eventsUrl = (projectId: string) => `/api/projects/${enc(projectId)}/events`;
