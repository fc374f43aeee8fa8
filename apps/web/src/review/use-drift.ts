import type {
  DriftDismissalInput,
  DriftEvent,
  DriftJobAccepted,
  ProjectDriftReport,
} from '@ministudio/domain';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import { ApiError, apiRequest } from '../api/http';
import { eventsUrl } from '../api/render-endpoints';

// The drift report of a project (GET) and a run of it (POST, then `event: drift` on the project's event
// stream until the job ends). The Review view opens its own EventSource for the drift events: the render
// hook owns the render events, and this one lives only while Review is shown.

const enc = encodeURIComponent;
export const driftKey = (projectId: string) => ['drift', projectId] as const;

/** The report, or null when the project was never measured (404). */
export async function getDriftReport(projectId: string): Promise<ProjectDriftReport | null> {
  try {
    return await apiRequest<ProjectDriftReport>({
      method: 'GET',
      path: `/api/projects/${enc(projectId)}/drift`,
      body: null,
      ifMatch: null,
    });
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

export const startDrift = (projectId: string) =>
  apiRequest<DriftJobAccepted>({
    method: 'POST',
    path: `/api/projects/${enc(projectId)}/drift`,
    body: {},
    ifMatch: null,
  });

/** Accepts a finding as intended for its take: the report keeps it, marked, out of the bands. */
export const dismissFinding = (takeId: string, body: DriftDismissalInput) =>
  apiRequest<{ dismissals: DriftDismissalInput[] }>({
    method: 'POST',
    path: `/api/takes/${enc(takeId)}/drift-dismissals`,
    body,
    ifMatch: null,
  });

export function useDriftReport(projectId: string) {
  return useQuery({ queryKey: driftKey(projectId), queryFn: () => getDriftReport(projectId) });
}

export interface DriftRun {
  jobId: string | null;
  status: 'idle' | 'starting' | 'running' | 'failed';
  progress: number;
  message: string;
}

const IDLE: DriftRun = { jobId: null, status: 'idle', progress: 0, message: '' };

/** Folds a drift event into the run it belongs to (events of other jobs are ignored). Pure, for the tests. */
export function applyDriftEvent(run: DriftRun, event: DriftEvent): DriftRun {
  if (run.jobId !== null && event.jobId !== run.jobId) return run;
  if (event.status === 'succeeded') return IDLE;
  if (event.status === 'failed')
    return { jobId: event.jobId, status: 'failed', progress: run.progress, message: event.message };
  return {
    jobId: event.jobId,
    status: 'running',
    progress: Math.max(run.progress, event.progress),
    message: event.message,
  };
}

export function useDriftRun(projectId: string): [DriftRun, () => void] {
  const client = useQueryClient();
  const [run, setRun] = useState<DriftRun>(IDLE);

  useEffect(() => {
    const source = new EventSource(eventsUrl(projectId));
    source.addEventListener('drift', (e) => {
      let event: DriftEvent;
      try {
        event = JSON.parse((e as MessageEvent<string>).data) as DriftEvent;
      } catch {
        return;
      }
      setRun((current) => applyDriftEvent(current, event));
      if (event.status === 'succeeded') void client.invalidateQueries({ queryKey: driftKey(projectId) });
    });
    return () => source.close();
  }, [projectId, client]);

  const measure = useCallback(() => {
    setRun({ ...IDLE, status: 'starting', message: 'Starting…' });
    startDrift(projectId).then(
      ({ jobId }) =>
        setRun((current) =>
          // An event may already have moved the run on; keep it, but learn the job's id.
          current.status === 'idle' ? current : { ...current, jobId, status: 'running' },
        ),
      (error: unknown) =>
        setRun({
          ...IDLE,
          status: 'failed',
          message: error instanceof Error ? error.message : 'Could not start measuring drift',
        }),
    );
  }, [projectId]);

  return [run, measure];
}
