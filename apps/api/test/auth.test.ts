import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { describe, expect, it } from 'vitest';
import { errorOf, json, useStudio } from './helpers';

const WORKER_TOKEN = 'worker-secret-for-tests';

/** `name=value` of the session cookie a response sets, for the next request's Cookie header. */
function sessionCookie(response: LightMyRequestResponse): string {
  const header = ([] as string[])
    .concat(response.headers['set-cookie'] ?? [])
    .find((c) => c.startsWith('ministudio_session='));
  if (!header) throw new Error(`no session cookie in ${JSON.stringify(response.headers)}`);
  return header.split(';')[0]!;
}

// Every sign-in runs scrypt (about 100 ms alone, several times that on a busy machine).
describe('sign-in, roles and tokens', { timeout: 60_000 }, () => {
  const studio = useStudio({ workerToken: WORKER_TOKEN });
  const inject = (options: InjectOptions): Promise<LightMyRequestResponse> => studio.app.inject(options);
  let ownerCookie = '';
  const cookies: Record<'editor' | 'viewer', string> = { editor: '', viewer: '' };

  it('works as today while it has no accounts (a person on their own machine)', async () => {
    const session = json(await inject({ method: 'GET', url: '/api/auth/session' }));
    expect(session).toEqual({ mode: 'open', user: { name: 'you', role: 'owner' } });
    const created = await inject({
      method: 'POST',
      url: '/api/projects',
      payload: { title: 'Before accounts' },
    });
    expect(created.statusCode).toBe(201);
  });

  it('makes the first account an owner and signs its maker in', async () => {
    const notOwner = await inject({
      method: 'POST',
      url: '/api/users',
      payload: { name: 'ana', password: 'a long password', role: 'editor' },
    });
    expect(notOwner.statusCode).toBe(400);
    expect(errorOf(notOwner).message).toMatch(/first account must be an owner/);
    const made = await inject({
      method: 'POST',
      url: '/api/users',
      payload: { name: 'ana', password: 'a long password', role: 'owner' },
    });
    expect(made.statusCode).toBe(201);
    expect(made.body).not.toContain('scrypt');
    ownerCookie = sessionCookie(made);
    const session = json(
      await inject({ method: 'GET', url: '/api/auth/session', headers: { cookie: ownerCookie } }),
    );
    expect(session).toEqual({ mode: 'accounts', user: { name: 'ana', role: 'owner' } });
  });

  it('then refuses everyone who has not signed in, except the health check and the sign-in itself', async () => {
    const projects = await inject({ method: 'GET', url: '/api/projects' });
    expect(projects.statusCode).toBe(401);
    expect(errorOf(projects).code).toBe('sign_in_required');
    expect((await inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
    expect(json(await inject({ method: 'GET', url: '/api/auth/session' }))).toEqual({
      mode: 'accounts',
      user: null,
    });
    const list = await inject({ method: 'GET', url: '/api/projects', headers: { cookie: ownerCookie } });
    expect(json<{ title: string }[]>(list).map((p) => p.title)).toContain('Before accounts');
  });

  it('signs in with HttpOnly, SameSite=Lax cookies, and refuses a wrong password without saying which part was wrong', async () => {
    const wrong = await inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { name: 'ana', password: 'not the password' },
    });
    expect(wrong.statusCode).toBe(401);
    const unknown = await inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { name: 'nobody', password: 'a long password' },
    });
    expect(errorOf(unknown).message).toBe(errorOf(wrong).message);
    const right = await inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { name: 'ana', password: 'a long password' },
    });
    expect(right.statusCode).toBe(200);
    const header = String(([] as string[]).concat(right.headers['set-cookie'] ?? [])[0]);
    expect(header).toMatch(/HttpOnly/i);
    expect(header).toMatch(/SameSite=Lax/i);
    // Plain http on loopback: a Secure cookie would never be sent back.
    expect(header).not.toMatch(/Secure/i);
  });

  it('gives each role what it may do: viewers watch, editors edit, owners manage people', async () => {
    for (const role of ['editor', 'viewer'] as const) {
      const made = await inject({
        method: 'POST',
        url: '/api/users',
        headers: { cookie: ownerCookie },
        payload: { name: role, password: `${role} password 123`, role },
      });
      expect(made.statusCode).toBe(201);
      const signedIn = await inject({
        method: 'POST',
        url: '/api/auth/sign-in',
        payload: { name: role, password: `${role} password 123` },
      });
      cookies[role] = sessionCookie(signedIn);
    }
    const as = (cookie: string, method: 'GET' | 'POST', url: string, payload?: object) =>
      inject({ method, url, headers: { cookie }, payload });

    expect((await as(cookies.viewer, 'GET', '/api/projects')).statusCode).toBe(200);
    const viewerWrite = await as(cookies.viewer, 'POST', '/api/projects', { title: 'By a viewer' });
    expect(viewerWrite.statusCode).toBe(403);
    expect(errorOf(viewerWrite)).toMatchObject({
      code: 'forbidden',
      details: { needs: 'editor', role: 'viewer' },
    });
    expect((await as(cookies.editor, 'POST', '/api/projects', { title: 'By an editor' })).statusCode).toBe(
      201,
    );
    expect((await as(cookies.editor, 'GET', '/api/users')).statusCode).toBe(403);
    expect(json<{ name: string }[]>(await as(ownerCookie, 'GET', '/api/users')).map((u) => u.name)).toEqual([
      'ana',
      'editor',
      'viewer',
    ]);
  });

  it('throttles guessing: the sixth failure in a row for an account waits, with Retry-After', async () => {
    const attempt = () =>
      inject({
        method: 'POST',
        url: '/api/auth/sign-in',
        payload: { name: 'viewer', password: 'guess guess' },
      });
    for (let i = 0; i < 5; i++) expect((await attempt()).statusCode).toBe(401);
    const refused = await attempt();
    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    // Refused even with the right password until the window passes: a guess cannot be confirmed.
    const right = await inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { name: 'viewer', password: 'viewer password 123' },
    });
    expect(right.statusCode).toBe(429);
  });

  it('makes API tokens shown once, with a role, that stop working when revoked', async () => {
    const made = await inject({
      method: 'POST',
      url: '/api/tokens',
      headers: { cookie: ownerCookie },
      payload: { name: 'render script', role: 'viewer' },
    });
    expect(made.statusCode).toBe(201);
    const { token, tokenInfo } = json<{ token: string; tokenInfo: { id: string } }>(made);
    const listed = await inject({ method: 'GET', url: '/api/tokens', headers: { cookie: ownerCookie } });
    expect(listed.body).not.toContain(token);
    const bearer = { authorization: `Bearer ${token}` };
    expect((await inject({ method: 'GET', url: '/api/projects', headers: bearer })).statusCode).toBe(200);
    expect(
      (await inject({ method: 'POST', url: '/api/projects', headers: bearer, payload: { title: 'x' } }))
        .statusCode,
    ).toBe(403);
    const revoked = await inject({
      method: 'DELETE',
      url: `/api/tokens/${tokenInfo.id}`,
      headers: { cookie: ownerCookie },
    });
    expect(revoked.statusCode).toBe(200);
    expect((await inject({ method: 'GET', url: '/api/projects', headers: bearer })).statusCode).toBe(401);
  });

  it('keeps the last owner, and signing out ends the session', async () => {
    const users = json<{ id: string; name: string }[]>(
      await inject({ method: 'GET', url: '/api/users', headers: { cookie: ownerCookie } }),
    );
    const ana = users.find((u) => u.name === 'ana')!;
    const last = await inject({
      method: 'DELETE',
      url: `/api/users/${ana.id}`,
      headers: { cookie: ownerCookie },
    });
    expect(last.statusCode).toBe(409);
    expect(errorOf(last).code).toBe('last_owner');
    const out = await inject({
      method: 'POST',
      url: '/api/auth/sign-out',
      headers: { cookie: cookies.editor },
    });
    expect(out.statusCode).toBe(204);
    expect(
      (await inject({ method: 'GET', url: '/api/projects', headers: { cookie: cookies.editor } })).statusCode,
    ).toBe(401);
  });

  it('walks every route of the OpenAPI document as nobody, viewer, editor and owner', async () => {
    const doc = json<{ paths: Record<string, Record<string, unknown>> }>(
      await inject({ method: 'GET', url: '/api/openapi.json', headers: { cookie: ownerCookie } }),
    );
    // Written out here, not read from the product: what each route should need.
    const publicRoutes = new Set([
      'GET /api/health',
      'GET /api/auth/session',
      'POST /api/auth/sign-in',
      'POST /api/auth/sign-out',
    ]);
    const ownerPaths = ['/api/users', '/api/tokens', '/api/spend/limits', '/api/providers/settings'];
    // Reads that go by POST: asking what a render would cost queues nothing.
    const viewerPosts = new Set(['POST /api/projects/{id}/render-estimate']);
    const needs = (method: string, path: string) => {
      if (publicRoutes.has(`${method} ${path}`)) return 'public';
      if (viewerPosts.has(`${method} ${path}`)) return 'viewer';
      if (path.startsWith('/api/worker/')) return 'worker';
      if (ownerPaths.some((p) => path === p || path.startsWith(`${p}/`))) return 'owner';
      return method === 'GET' || method === 'HEAD' ? 'viewer' : 'editor';
    };
    const rank = { public: 0, viewer: 1, editor: 2, owner: 3 } as const;
    const callers = [
      { who: 'nobody', rank: 0, headers: {} },
      { who: 'viewer', rank: 1, headers: { cookie: cookies.viewer } },
      { who: 'editor', rank: 2, headers: { cookie: cookies.editor } },
      { who: 'owner', rank: 3, headers: { cookie: ownerCookie } },
    ];
    // The editor signed out above: sign it in again.
    callers[2]!.headers = {
      cookie: sessionCookie(
        await inject({
          method: 'POST',
          url: '/api/auth/sign-in',
          payload: { name: 'editor', password: 'editor password 123' },
        }),
      ),
    };
    const wrong: string[] = [];
    let walked = 0;
    for (const [path, operations] of Object.entries(doc.paths)) {
      for (const method of Object.keys(operations).map((m) => m.toUpperCase())) {
        if (method === 'POST' && path === '/api/auth/sign-out') continue; // would end the callers' sessions
        // Ids that match nothing: every call is refused or answers 404 after the access check, so the walk
        // changes nothing.
        const url = path.replace(/\{[^}]+\}/g, 'no-such-id-0000');
        const need = needs(method, path);
        for (const caller of callers) {
          const response = await inject({
            method: method as 'GET',
            url,
            headers: caller.headers,
            ...(method === 'GET' || method === 'HEAD' || method === 'DELETE' ? {} : { payload: {} }),
          });
          walked++;
          const refused = response.statusCode === 401 || response.statusCode === 403;
          const shouldRefuse =
            need === 'worker'
              ? true
              : need === 'public'
                ? false
                : caller.rank < rank[need as keyof typeof rank];
          if (refused !== shouldRefuse)
            wrong.push(`${method} ${path} as ${caller.who}: ${response.statusCode}`);
          if (refused) expect(errorOf(response).code).toMatch(/^(sign_in_required|forbidden|unauthorized)$/);
        }
      }
    }
    expect(walked).toBeGreaterThan(150);
    expect(wrong).toEqual([]);
    // The worker token opens the worker routes (and nothing a person signs in for).
    const claim = await inject({
      method: 'POST',
      url: '/api/worker/jobs/no-such-id-0000/claim',
      headers: { authorization: `Bearer ${WORKER_TOKEN}` },
      payload: {},
    });
    expect([401, 403]).not.toContain(claim.statusCode);
  });
});
