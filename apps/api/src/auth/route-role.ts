import type { Role } from '@ministudio/accounts';

/** What a route needs: a role, nothing (`public`), or the render workers' own token (`worker`). */
export type RouteAccess = Role | 'public' | 'worker';

/**
 * The access a route needs: what it states in its `config.access`, else the rule every other route
 * follows. The editor's own files are public (the sign-in page is one of them); reading the API needs a
 * viewer; changing anything needs an editor. Owner-only routes (users, tokens, provider settings) state
 * it. Pure, so a route's rule can be read without a server.
 */
export function routeAccess(method: string, url: string, stated: RouteAccess | undefined): RouteAccess {
  if (stated) return stated;
  if (!url.startsWith('/api/')) return 'public';
  return method === 'GET' || method === 'HEAD' ? 'viewer' : 'editor';
}
