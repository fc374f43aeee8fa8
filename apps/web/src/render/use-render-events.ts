import type { JobEvent, TakeEvent } from '@ministudio/domain';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useProject } from '../api/hooks';
import { renderCheckKey, shotStatesKey, takesKey, takesPrefix } from '../api/query-keys';
import { eventsUrl, listJobs } from '../api/render-endpoints';
import { useSession } from '../app/session';

// The project's render events: jobs go to the session's render store (batched to one update per frame),
// takes and films refetch what they change. EventSource reconnects by itself with Last-Event-ID; when the
// server no longer has what we missed it sends `reset` and we reload.

export function useRenderEvents(projectId: string): void {
  const { render } = useSession();
  const client = useQueryClient();

  useEffect(() => {
    let closed = false;
    // Events that arrive while the jobs list loads are replayed on top of it.
    let buffer: JobEvent[] | null = null;
    let pending: JobEvent[] = [];
    let frame: number | null = null;
    const flush = () => {
      frame = null;
      const events = pending;
      pending = [];
      render.getState().apply(events);
    };
    const load = async () => {
      buffer = buffer ?? [];
      try {
        const jobs = await listJobs(projectId);
        if (!closed) render.getState().load(jobs, buffer);
      } catch {
        // The stream is still open: the next reset or reconnect loads again.
      } finally {
        buffer = null;
      }
    };
    const refetchRenders = () => {
      void client.invalidateQueries({ queryKey: shotStatesKey(projectId) });
      void client.invalidateQueries({ queryKey: takesPrefix });
    };

    const source = new EventSource(eventsUrl(projectId));
    source.addEventListener('hello', () => void load());
    source.addEventListener('reset', () => {
      void load();
      refetchRenders();
    });
    source.addEventListener('job', (e) => {
      const event = parse<JobEvent>(e);
      if (!event) return;
      if (buffer) {
        buffer.push(event);
        return;
      }
      pending.push(event);
      frame ??= requestAnimationFrame(flush);
    });
    source.addEventListener('take', (e) => {
      const event = parse<TakeEvent>(e);
      if (!event) return;
      void client.invalidateQueries({ queryKey: takesKey(event.shotId) });
      if (event.status !== 'rendering') void client.invalidateQueries({ queryKey: shotStatesKey(projectId) });
    });
    return () => {
      closed = true;
      source.close();
      if (frame !== null) cancelAnimationFrame(frame);
    };
  }, [projectId, render, client]);

  // An edit can make a take stale or break a provider's limits: ask again once the edits settle.
  const version = useProject(projectId, (p) => p.version).data ?? null;
  const seen = useRef<number | null>(null);
  useEffect(() => {
    if (version === null) return;
    const first = seen.current === null;
    seen.current = version;
    if (first) return;
    const timer = setTimeout(() => {
      void client.invalidateQueries({ queryKey: shotStatesKey(projectId) });
      void client.invalidateQueries({ queryKey: renderCheckKey(projectId) });
    }, 250);
    return () => clearTimeout(timer);
  }, [version, projectId, client]);
}

function parse<T>(e: Event): T | null {
  try {
    return JSON.parse((e as MessageEvent<string>).data) as T;
  } catch {
    return null;
  }
}
