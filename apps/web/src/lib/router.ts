import { useSyncExternalStore } from 'react';

// Three pages do not need a router library: the path is the state, history.pushState changes it.

export type Route = { page: 'projects' } | { page: 'project'; id: string } | { page: 'providers' };

export function parseRoute(pathname: string): Route {
  if (/^\/providers\/?$/.test(pathname)) return { page: 'providers' };
  const match = /^\/projects\/([^/]+)\/?$/.exec(pathname);
  return match ? { page: 'project', id: decodeURIComponent(match[1]!) } : { page: 'projects' };
}

const listeners = new Set<() => void>();
const subscribe = (listener: () => void) => {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
  };
};

export function navigate(path: string): void {
  if (path === window.location.pathname + window.location.search) return;
  window.history.pushState(null, '', path);
  for (const l of listeners) l();
}

export function usePathname(): string {
  return useSyncExternalStore(subscribe, () => window.location.pathname);
}

export const projectPath = (id: string) => `/projects/${encodeURIComponent(id)}`;
/** The providers page, with the way back to the project it was opened from. */
export const providersPath = (fromProjectId: string) =>
  `/providers?project=${encodeURIComponent(fromProjectId)}`;
