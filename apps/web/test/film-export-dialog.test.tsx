import type { JobSummary } from '@ministudio/domain';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { App } from '../src/app/app';
import { openSession } from '../src/app/session';
import { navigate, projectPath } from '../src/lib/router';
import { exportPhase, resolutionChoices } from '../src/render/film-export-state';
import { type SentRequest, stubServer } from './editor-harness';
import { projectView } from './project-fixture';
import { job } from './render-fixtures';

// The export dialog: choosing options, the film's progress with Cancel, and the downloads once it is made.

const project = { ...projectView('fx', 'Harbour', ['Dawn']), width: 1920, height: 1080 };
const filmJob = (partial: Partial<JobSummary>): JobSummary =>
  job({ id: 'film-1', kind: 'film', shotId: null, takeId: null, ...partial });

describe('export state', () => {
  it('follows only the job this dialog started', () => {
    const older = filmJob({ id: 'old', status: 'succeeded' });
    expect(exportPhase(older, null)).toBe('choose');
    expect(exportPhase(older, 'film-1')).toBe('running');
    expect(exportPhase(filmJob({ status: 'running' }), 'film-1')).toBe('running');
    expect(exportPhase(filmJob({ status: 'succeeded' }), 'film-1')).toBe('done');
    expect(exportPhase(filmJob({ status: 'cancelled' }), 'film-1')).toBe('cancelled');
  });
  it('offers only presets smaller than the project, with their real sizes', () => {
    expect(resolutionChoices({ width: 1280, height: 720 }).map((c) => c.label)).toEqual([
      'Project size (1280×720)',
      '540p (960×540)',
      '360p (640×360)',
    ]);
  });
});

describe('the export dialog', () => {
  let sent: SentRequest[];
  beforeAll(() => {
    sent = stubServer([project], ({ method, path }) =>
      method === 'POST' && path === '/api/projects/fx/film'
        ? { job: filmJob({ status: 'queued' }) }
        : undefined,
    );
    act(() => navigate(projectPath('fx')));
    render(<App />);
  });
  afterAll(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('sends the chosen options, shows progress with Cancel, then the downloads', async () => {
    fireEvent.click(await screen.findByRole('button', { name: 'Export film…' }));
    const dialog = screen.getByRole('dialog', { name: 'Export film' });
    expect(within(dialog).getByRole('radio', { name: /Soft/ })).toHaveProperty('checked', true);
    fireEvent.click(within(dialog).getByRole('radio', { name: /Burned in/ }));
    fireEvent.change(within(dialog).getByLabelText('Resolution'), { target: { value: '540p' } });
    fireEvent.click(within(dialog).getByRole('checkbox', { name: 'A chapter per scene' }));
    expect(within(dialog).getByText('Re-encodes the picture (slower).')).toBeTruthy();
    await act(async () => fireEvent.click(within(dialog).getByRole('button', { name: 'Export' })));
    expect(sent.find((r) => r.method === 'POST' && r.path === '/api/projects/fx/film')?.body).toEqual({
      subtitles: 'burn',
      resolution: '540p',
      chapters: false,
    });

    const store = openSession('fx').render;
    act(() => store.getState().apply([filmJob({ status: 'running', progress: 0.4 })]));
    expect(
      within(dialog).getByRole('progressbar', { name: 'Export progress' }).getAttribute('aria-valuenow'),
    ).toBe('40');
    // The options are fixed while the film is made (the fieldset disables them).
    expect(within(dialog).getByRole('radio', { name: /Soft/ }).matches(':disabled')).toBe(true);
    await act(async () => fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' })));
    expect(sent.some((r) => r.method === 'POST' && r.path === '/api/jobs/film-1/cancel')).toBe(true);

    act(() => store.getState().apply([filmJob({ status: 'succeeded', progress: 1 })]));
    const downloads = within(dialog).getByRole('navigation', { name: 'Downloads' });
    expect(
      within(downloads)
        .getAllByRole('link')
        .map((a) => a.getAttribute('href')),
    ).toEqual([
      '/api/projects/fx/film?v=film-1',
      '/api/projects/fx/film/subtitles.srt?v=film-1',
      '/api/projects/fx/film/subtitles.vtt?v=film-1',
    ]);
    expect(within(dialog).queryByRole('button', { name: 'Cancel' })).toBeNull();
  });
});
