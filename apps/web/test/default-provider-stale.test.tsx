import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { App } from '../src/app/app';
import { navigate, projectPath } from '../src/lib/router';
import { type SentRequest, stubServer } from './editor-harness';
import { projectView } from './project-fixture';

// The render bar's default provider is a project setting: when a change would make rendered shots stale,
// the editor says how many and writes nothing until Apply.

const video = (id: string, label: string) => ({
  id,
  label,
  kind: 'video',
  configured: true,
  models: [],
  settings: [],
  required: [],
});

let sent: SentRequest[] = [];
beforeAll(() => {
  sent = stubServer([projectView('pd', 'Harbour', ['Ava waves from the pier'])], (request) => {
    if (request.path === '/api/providers')
      return [video('local', 'Local animatic'), video('runway', 'Runway')];
    if (request.path.endsWith('/settings-impact')) return { staleShots: 1, shotIds: ['pd-shot-0'] };
    if (request.method === 'PATCH') return { project: { ...projectView('pd', 'Harbour', []), version: 2 } };
    return undefined;
  });
});
afterAll(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const patches = () => sent.filter((r) => r.method === 'PATCH');

describe('the default provider in the render bar', () => {
  it('warns of the shots it makes stale and writes only on Apply', async () => {
    act(() => navigate(projectPath('pd')));
    render(<App />);
    const select = (await screen.findByLabelText('Default provider')) as HTMLSelectElement;
    await screen.findByRole('option', { name: 'Runway' });
    fireEvent.change(select, { target: { value: 'runway' } });

    const warning = (await screen.findByText(/This makes 1 shot stale/)).closest(
      '[role="alert"]',
    ) as HTMLElement;
    expect(warning.textContent).toContain('Default provider → runway');
    expect(sent.some((r) => r.path.endsWith('/settings-impact'))).toBe(true);
    expect(patches()).toEqual([]);

    fireEvent.click(within(warning).getByRole('button', { name: 'Apply' }));
    await vi.waitFor(() => expect(patches()).toHaveLength(1));
    expect(patches()[0]!.body).toMatchObject({ defaultProvider: 'runway' });
  });
});
