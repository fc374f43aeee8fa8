import { timingSafeEqual } from 'node:crypto';
import cookie from '@fastify/cookie';
import {
  type AccountsRepository,
  createAccountsRepository,
  type Role,
  roleAtLeast,
} from '@ministudio/accounts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { type RouteAccess, routeAccess } from '../auth/route-role';
import { HttpError } from '../lib/http-error';

/** Who is asking. `open`: a studio with no accounts, on loopback: its one person may do everything. */
export interface Principal {
  kind: 'open' | 'user' | 'token' | 'worker';
  role: Role;
  name: string;
  userId: string | null;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The access the route needs; when absent, routeAccess's rule by method. */
    access?: RouteAccess;
  }
  interface FastifyRequest {
    principal: Principal | null;
  }
  interface FastifyInstance {
    accounts: AccountsRepository;
    /** Whether any account exists (then every API request must sign in). */
    hasAccounts(): Promise<boolean>;
    sessionCookie: { name: string; secure: boolean };
  }
}

export interface AuthOptions {
  /** The render workers' token; it may read the API (inputs) and use the worker routes. */
  workerToken: string | null;
  /** Cookies marked Secure: the studio is served over https. */
  secureCookies: boolean;
}

export const SESSION_COOKIE = 'ministudio_session';
const OPEN: Principal = { kind: 'open', role: 'owner', name: 'you', userId: null };
// A studio with no accounts asks the database again at most this often: an owner made by the CLI in
// another process takes effect within a second.
const NO_ACCOUNTS_RECHECK_MS = 1000;

function bearer(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  return header?.startsWith('Bearer ') ? header.slice(7).trim() : null;
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Sign-in for every route: a session cookie (browsers) or an API token (scripts, the CLI), or, while the
 * studio has no accounts, the one person on this machine (main.ts refuses other addresses until an owner
 * exists). Each route needs the access routeAccess gives it; the answer is 401 when nobody signed in and
 * 403 when the role is too low, both in the error shape.
 */
export default fp(
  async function auth(app: FastifyInstance, options: AuthOptions) {
    await app.register(cookie);
    const accounts = createAccountsRepository(app.db);
    let known = false;
    let checkedAt = 0;
    const hasAccounts = async () => {
      if (known) return true;
      if (Date.now() - checkedAt > NO_ACCOUNTS_RECHECK_MS) {
        known = (await accounts.countUsers()) > 0;
        checkedAt = Date.now();
      }
      return known;
    };
    app.decorate('accounts', accounts);
    app.decorate('hasAccounts', async () => {
      // Asked after a user was made or removed: always fresh.
      checkedAt = 0;
      known = false;
      return hasAccounts();
    });
    app.decorate('sessionCookie', { name: SESSION_COOKIE, secure: options.secureCookies });
    app.decorateRequest('principal', null);

    async function principalOf(request: FastifyRequest): Promise<Principal | null> {
      const token = bearer(request);
      if (token) {
        if (options.workerToken && sameSecret(token, options.workerToken)) {
          return { kind: 'worker', role: 'viewer', name: 'render worker', userId: null };
        }
        const found = await accounts.roleForToken(token);
        return found ? { kind: 'token', role: found.role, name: found.name, userId: null } : null;
      }
      const session = request.cookies[SESSION_COOKIE];
      if (session) {
        const user = await accounts.userForSession(session);
        if (user) return { kind: 'user', role: user.role, name: user.name, userId: user.id };
      }
      return (await hasAccounts()) ? null : OPEN;
    }

    app.addHook('onRequest', async (request: FastifyRequest) => {
      const access = routeAccess(request.method, request.url, request.routeOptions.config?.access);
      // The worker routes check the worker token themselves (routes/worker.ts).
      if (access === 'worker') return;
      request.principal = await principalOf(request);
      if (access === 'public') return;
      const principal = request.principal;
      if (!principal) {
        throw new HttpError(
          'sign_in_required',
          'Sign in to use this studio (or send an API token as "Authorization: Bearer …").',
        );
      }
      if (!roleAtLeast(principal.role, access)) {
        throw new HttpError(
          'forbidden',
          `This needs the ${access} role; ${principal.kind === 'token' ? 'this token has' : 'you have'} ${principal.role}.`,
          { needs: access, role: principal.role },
        );
      }
    });
  },
  { name: 'auth', dependencies: ['db'] },
);
