import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TestConnection } from '../src/providers-page/test-connection';

// A provider card's "Test connection": asks the server, then says in plain words what it found.

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('test connection', () => {
  it('posts to the provider’s test and shows the answer, good or bad', async () => {
    const calls: string[] = [];
    const answers = [
      { ok: true, message: 'Connected to Runway: the account has 1250 credits.' },
      { ok: false, message: 'Runway: reading the account: 401 (the key or token was refused)' },
    ];
    vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
      calls.push(`${init.method} ${url}`);
      return new Response(JSON.stringify(answers.shift()), { status: 200 });
    });
    render(<TestConnection id="runway" label="Runway" />);
    const button = screen.getByRole('button', { name: 'Test connection to Runway' });
    await act(async () => fireEvent.click(button));
    const status = await screen.findByRole('status', { name: 'Connection to Runway' });
    expect(status.textContent).toBe('✓ Connected to Runway: the account has 1250 credits.');
    expect(status.className).toBe('connection-ok');
    await act(async () => fireEvent.click(button));
    expect(screen.getByRole('status').textContent).toContain('the key or token was refused');
    expect(screen.getByRole('status').className).toBe('connection-failed');
    expect(calls).toEqual(['POST /api/providers/runway/test', 'POST /api/providers/runway/test']);
  });
});
