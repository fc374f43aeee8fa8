import type { SessionView } from '@ministudio/domain';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, expect, it, vi } from 'vitest';
import { sessionKey } from '../src/account/account-api';
import { useSignInGate } from '../src/account/sign-in-gate';
import { SignInPage } from '../src/account/sign-in-page';

// The sign-in form against a stand-in studio: what it says for a wrong password, for too many
// attempts (counting down, the button held until then), and what signing in leaves behind.

const answer = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function renderPage(answers: Response[]) {
  const sent: unknown[] = [];
  vi.stubGlobal('fetch', async (_path: string, init: RequestInit) => {
    sent.push(JSON.parse(String(init.body)));
    return answers.shift()!;
  });
  const client = new QueryClient();
  render(
    <QueryClientProvider client={client}>
      <SignInPage />
    </QueryClientProvider>,
  );
  return { client, sent };
}

function submit(name: string, password: string) {
  fireEvent.change(screen.getByLabelText('Name'), { target: { value: name } });
  fireEvent.change(screen.getByLabelText('Password'), { target: { value: password } });
  fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
}

it('says a wrong password plainly, empties the password, and signs in on the next try', async () => {
  const { client, sent } = renderPage([
    answer(401, { error: { code: 'invalid_credentials', message: 'x' } }),
    answer(200, { id: 'u1', name: 'ada', role: 'owner', createdAt: '2026-12-04T00:00:00.000Z' }),
  ]);
  const release = vi.spyOn(useSignInGate.getState(), 'release');
  submit('ada', 'not-it');
  expect((await screen.findByRole('alert')).textContent).toBe(
    'That name and password do not match an account. Check both and try again.',
  );
  expect((screen.getByLabelText('Password') as HTMLInputElement).value).toBe('');
  submit(' ada ', 'lighthouse-keeper-42');
  await vi.waitFor(() =>
    expect(client.getQueryData<SessionView>(sessionKey)).toEqual({
      mode: 'accounts',
      user: { name: 'ada', role: 'owner' },
    }),
  );
  expect(sent).toEqual([
    { name: 'ada', password: 'not-it' },
    { name: 'ada', password: 'lighthouse-keeper-42' },
  ]);
  expect(release).toHaveBeenCalled();
});

it('after too many attempts counts the wait down with the button held, then lets the person try again', async () => {
  renderPage([
    answer(429, {
      error: { code: 'too_many_attempts', message: 'x', details: { retryAfterSeconds: 2 } },
    }),
  ]);
  vi.useFakeTimers({ shouldAdvanceTime: true });
  try {
    submit('ben', 'guess');
    expect((await screen.findByRole('alert')).textContent).toBe('Too many attempts — try again in 2 s.');
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'harbour-at-night-7' } });
    const button = screen.getByRole('button', { name: 'Sign in' }) as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    await act(async () => vi.advanceTimersByTime(1000));
    expect(screen.getByRole('alert').textContent).toBe('Too many attempts — try again in 1 s.');
    await act(async () => vi.advanceTimersByTime(1000));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(button.disabled).toBe(false);
  } finally {
    vi.useRealTimers();
  }
});
