import type { ProjectSpend, RenderBody, RenderEstimateResponse } from '@ministudio/domain';
import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '../api/http';

const enc = encodeURIComponent;

export const renderEstimate = (projectId: string, body: RenderBody) =>
  apiRequest<RenderEstimateResponse>({
    method: 'POST',
    path: `/api/projects/${enc(projectId)}/render-estimate`,
    body,
    ifMatch: null,
  });

export const projectSpend = (projectId: string) =>
  apiRequest<ProjectSpend>({
    method: 'GET',
    path: `/api/projects/${enc(projectId)}/spend`,
    body: null,
    ifMatch: null,
  });

/**
 * The estimate of one render scope, asked again when the project or the render state changes (`revision`):
 * an edit or a finished take changes what is new and what is reused.
 */
export function useRenderEstimate(projectId: string, body: RenderBody | null, revision: string) {
  return useQuery({
    queryKey: ['render-estimate', projectId, JSON.stringify(body), revision],
    queryFn: () => renderEstimate(projectId, body!),
    enabled: body !== null,
    staleTime: 30_000,
  });
}

export function useProjectSpend(projectId: string, revision: string) {
  return useQuery({
    queryKey: ['project-spend', projectId, revision],
    queryFn: () => projectSpend(projectId),
  });
}
