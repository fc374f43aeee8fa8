import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSignInGate } from '../src/account/sign-in-gate';
import { ApiError, apiRequest, onSignInRequired } from '../src/api/http';

// A request that meets "sign in first" waits for the sign-in and is sent again: an edit made as the
// session ran out is saved, not lost. Other refusals (a wrong password, a role too low) are not held.

const answer = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const signInRequired = () => answer(401, { error: { code: 'sign_in_required', message: 'Sign in.' } });

afterEach(() => {
  onSignInRequired(null);
  vi.unstubAllGlobals();
});

describe('a request that needs a sign-in', () => {
  it('waits for the sign-in, then is sent again with the same body and answers', async () => {
    const gate = createSignInGate();
    onSignInRequired(() => gate.getState().wait());
    const sent: { body: unknown; ifMatch: string | null }[] = [];
    const answers = [signInRequired(), answer(200, { version: 8 })];
    vi.stubGlobal('fetch', async (_path: string, init: RequestInit) => {
      sent.push({ body: init.body, ifMatch: new Headers(init.headers).get('if-match') });
      return answers.shift()!;
    });
    const result = apiRequest<{ version: number }>({
      method: 'PATCH',
      path: '/api/projects/p',
      body: { title: 'Recut' },
      ifMatch: 7,
    });
    await vi.waitFor(() => expect(gate.getState().waiting).toBe(true));
    expect(sent).toHaveLength(1);
    gate.getState().release();
    await expect(result).resolves.toEqual({ version: 8 });
    expect(gate.getState().waiting).toBe(false);
    expect(sent).toEqual([
      { body: '{"title":"Recut"}', ifMatch: '7' },
      { body: '{"title":"Recut"}', ifMatch: '7' },
    ]);
  });

  it('every request waiting goes again after one sign-in', async () => {
    const gate = createSignInGate();
    onSignInRequired(() => gate.getState().wait());
    let signedIn = false;
    vi.stubGlobal('fetch', async () => (signedIn ? answer(200, []) : signInRequired()));
    const a = apiRequest({ method: 'GET', path: '/api/projects', body: null, ifMatch: null });
    const b = apiRequest({ method: 'GET', path: '/api/providers', body: null, ifMatch: null });
    await vi.waitFor(() => expect(gate.getState().waiting).toBe(true));
    signedIn = true;
    gate.getState().release();
    await expect(Promise.all([a, b])).resolves.toEqual([[], []]);
  });

  it('a wrong password and a role too low are errors at once, not held for a sign-in', async () => {
    const gate = createSignInGate();
    const wait = vi.fn(() => gate.getState().wait());
    onSignInRequired(wait);
    const answers = [
      answer(401, { error: { code: 'invalid_credentials', message: 'No match.' } }),
      answer(403, { error: { code: 'forbidden', message: 'This needs the editor role; you have viewer.' } }),
    ];
    vi.stubGlobal('fetch', async () => answers.shift()!);
    const wrong = apiRequest({ method: 'POST', path: '/api/auth/sign-in', body: {}, ifMatch: null });
    await expect(wrong).rejects.toMatchObject({ status: 401, code: 'invalid_credentials' });
    const refused = apiRequest({ method: 'POST', path: '/api/projects', body: {}, ifMatch: null });
    await expect(refused).rejects.toBeInstanceOf(ApiError);
    await expect(refused).rejects.toMatchObject({ status: 403, code: 'forbidden' });
    expect(wait).not.toHaveBeenCalled();
  });

  it('without a sign-in handler, sign_in_required is an ordinary error', async () => {
    vi.stubGlobal('fetch', async () => signInRequired());
    await expect(
      apiRequest({ method: 'GET', path: '/api/projects', body: null, ifMatch: null }),
    ).rejects.toMatchObject({
      code: 'sign_in_required',
    });
  });
});
