import type { ProviderSettingsFile } from '@ministudio/domain';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SettingsFileNote } from '../src/providers-page/settings-file-note';

// The providers page names the real settings file of this studio's data folder and shows an example.

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function show(file: ProviderSettingsFile) {
  vi.stubGlobal('fetch', async () => new Response(JSON.stringify(file), { status: 200 }));
  const client = new QueryClient();
  render(
    <QueryClientProvider client={client}>
      <SettingsFileNote />
    </QueryClientProvider>,
  );
  return screen.getByRole('region', { name: 'Where keys live' });
}

describe('the settings file note', () => {
  it('shows the real path, the names the file sets and an example', async () => {
    const note = show({
      path: '/srv/studio-data/providers.json',
      exists: true,
      example: '{\n  "RUNWAYML_API_SECRET": "your-runwayml-api-secret"\n}',
      namesSet: ['RUNWAYML_API_SECRET'],
    });
    expect((await within(note).findByText('/srv/studio-data/providers.json')).tagName).toBe('CODE');
    expect(note.textContent).toContain('(it sets RUNWAYML_API_SECRET)');
    expect(within(note).getByText('Example of providers.json')).toBeTruthy();
    expect(note.querySelector('pre')?.textContent).toContain(
      '"RUNWAYML_API_SECRET": "your-runwayml-api-secret"',
    );
  });

  it('says when the file is not there yet', async () => {
    const note = show({ path: '/d/providers.json', exists: false, example: '{}', namesSet: [] });
    await within(note).findByText('/d/providers.json');
    expect(note.textContent).toContain('(not created yet)');
  });
});
