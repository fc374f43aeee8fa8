import type { ProviderDescription } from '@ministudio/domain';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ProviderCard } from '../src/providers-page/provider-card';

// The providers page's key form: only an owner sees it; a typed key goes to the server once and the
// card shows at most its last four characters; saving tests the connection again.

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const gemini = (set: boolean): ProviderDescription => ({
  id: 'gemini-veo',
  label: 'Google Veo (Gemini API)',
  kind: 'video',
  configured: set,
  models: [],
  required: [['GEMINI_API_KEY']],
  settings: [
    { name: 'GEMINI_API_KEY', set, secret: true, source: set ? 'file' : null, hint: set ? '…8e41' : null },
    { name: 'MINISTUDIO_GEMINI_BASE_URL', set: false, secret: false, source: null, hint: null },
  ],
});

function showCard(role: 'owner' | 'viewer', provider: ProviderDescription) {
  const calls: { method: string; url: string; body: unknown }[] = [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit = {}) => {
    const method = init.method ?? 'GET';
    calls.push({ method, url, body: init.body ? JSON.parse(String(init.body)) : null });
    if (url === '/api/auth/session') return Response.json({ mode: 'accounts', user: { name: 'ana', role } });
    if (method === 'PUT' && url === '/api/providers/settings')
      return Response.json({ providers: [gemini(true)], environmentWins: [] });
    if (method === 'POST' && url === '/api/providers/gemini-veo/test')
      return Response.json({ ok: true, message: 'Connected to the Gemini API: the key was accepted.' });
    return Response.json({});
  });
  render(
    <QueryClientProvider client={new QueryClient()}>
      <ul>
        <ProviderCard provider={provider} />
      </ul>
    </QueryClientProvider>,
  );
  return calls;
}

describe('entering a provider’s key', () => {
  it('lets an owner type a key into a password field, saves it, and tests the connection again', async () => {
    const calls = showCard('owner', gemini(false));
    const form = await screen.findByRole('form', { name: 'Settings of Google Veo (Gemini API) to change' });
    // The base-URL override is for proxies and tests: not in the form.
    expect(within(form).queryByLabelText('MINISTUDIO_GEMINI_BASE_URL')).toBeNull();
    const field = within(form).getByLabelText('GEMINI_API_KEY') as HTMLInputElement;
    expect(field.type).toBe('password');
    expect(field.placeholder).toBe('not set');
    const save = within(form).getByRole('button', { name: 'Save and test' }) as HTMLButtonElement;
    expect(save.disabled).toBe(true);
    fireEvent.change(field, { target: { value: 'AIza-typed-in-the-page-8e41' } });
    await act(async () => fireEvent.click(save));
    expect(await screen.findByRole('status', { name: 'Settings of Google Veo (Gemini API)' })).toHaveProperty(
      'textContent',
      'Saved to providers.json; in use now.',
    );
    const status = await screen.findByRole('status', { name: 'Connection to Google Veo (Gemini API)' });
    expect(status.textContent).toContain('the key was accepted');
    expect(field.value).toBe('');
    const writes = calls.filter((c) => c.method !== 'GET');
    expect(writes).toEqual([
      {
        method: 'PUT',
        url: '/api/providers/settings',
        body: { values: { GEMINI_API_KEY: 'AIza-typed-in-the-page-8e41' } },
      },
      { method: 'POST', url: '/api/providers/gemini-veo/test', body: null },
    ]);
  });

  it('shows a set key only by its last four characters, and clears it with null', async () => {
    const calls = showCard('owner', gemini(true));
    const form = await screen.findByRole('form', { name: 'Settings of Google Veo (Gemini API) to change' });
    expect((within(form).getByLabelText('GEMINI_API_KEY') as HTMLInputElement).placeholder).toBe(
      'set in providers.json (…8e41)',
    );
    await act(async () =>
      fireEvent.click(within(form).getByRole('button', { name: 'Clear GEMINI_API_KEY' })),
    );
    await act(async () => fireEvent.click(within(form).getByRole('button', { name: 'Save and test' })));
    await screen.findByRole('status', { name: 'Settings of Google Veo (Gemini API)' });
    expect(calls.find((c) => c.method === 'PUT')?.body).toEqual({ values: { GEMINI_API_KEY: null } });
  });

  it('shows no form to a viewer', async () => {
    const calls = showCard('viewer', gemini(true));
    await vi.waitFor(() => expect(calls.some((c) => c.url === '/api/auth/session')).toBe(true));
    await act(async () => {});
    expect(screen.queryByText('Change settings')).toBeNull();
    expect(screen.getByText('…8e41')).toBeTruthy();
  });
});
