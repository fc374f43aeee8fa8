import type { JobSummary } from '@ministudio/domain';
import { act, cleanup, render, screen, within } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { App } from '../src/app/app';
import { navigate, projectPath } from '../src/lib/router';
import { stubServer } from './editor-harness';
import { projectView } from './project-fixture';
import { job } from './render-fixtures';

// What a shot card says about its render, from the jobs list the studio answers.

const project = projectView('pr', 'Bay', ['Rejected', 'No key on the worker', 'Estimated', 'Measured']);
const [rejected, noKey, estimated, measured] = project.scenes[0]!.shots.map((s) => s.id) as [
  string,
  string,
  string,
  string,
];
const failedJob = (shotId: string, code: string, message: string, advice: string): JobSummary =>
  job({
    kind: 'picture',
    shotId,
    takeId: `t-${shotId}`,
    status: 'failed',
    attempts: 1,
    error: { code, message, advice },
    finishedAt: '2026-01-01T00:01:00.000Z',
  });
const jobs: JobSummary[] = [
  failedJob(rejected, 'provider_rejected_input', 'bad size', 'The provider refused this request.'),
  failedJob(
    noKey,
    'worker_not_configured',
    'The render worker has no settings for the video provider "Runway": set RUNWAYML_API_SECRET in the workers\' environment and restart them.',
    'Set the setting named in the error in the workers’ environment.',
  ),
  job({
    kind: 'picture',
    shotId: estimated,
    takeId: 't-e',
    status: 'running',
    attempts: 1,
    progress: 0.4,
    progressEstimated: true,
  }),
  job({ kind: 'picture', shotId: measured, takeId: 't-m', status: 'running', attempts: 1, progress: 0.7 }),
];

beforeAll(() => {
  stubServer([project], ({ path }) => (path === '/api/projects/pr/jobs' ? jobs : undefined));
  act(() => navigate(projectPath('pr')));
  render(<App />);
});
afterAll(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const card = (shotId: string) => document.querySelector(`[data-shot-id="${shotId}"]`) as HTMLElement;

describe('a shot card', () => {
  it('explains a failed render with its code and advice', async () => {
    const note = await within(card(rejected)).findByRole('note');
    expect(note.textContent).toBe('provider_rejected_input The provider refused this request.');
  });

  it('names the setting when the failure is a missing key, since the advice only says to set it', async () => {
    const note = await within(card(noKey)).findByRole('note');
    expect(note.textContent).toContain('worker_not_configured');
    expect(note.textContent).toContain('set RUNWAYML_API_SECRET');
  });

  it('shows an estimated render as an estimate, and a measured one as a plain bar', async () => {
    const bar = await within(card(estimated)).findByRole('progressbar', { name: 'Render progress' });
    expect(bar.getAttribute('aria-valuetext')).toBe('≈ 40% (estimate)');
    expect(within(card(estimated)).getByText('≈ 40% (estimate)')).toBeTruthy();
    const plain = within(card(measured)).getByRole('progressbar', { name: 'Render progress' });
    expect(plain.getAttribute('aria-valuetext')).toBe('70%');
    expect(within(card(measured)).queryByText(/estimate/)).toBeNull();
    expect(screen.getByRole('status', { name: 'Render summary' }).textContent).toContain(
      'Rendering 2 shots · ≈ 55% (estimate)',
    );
  });
});
