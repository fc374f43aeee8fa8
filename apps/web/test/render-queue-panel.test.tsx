import type { JobSummary } from '@ministudio/domain';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { App } from '../src/app/app';
import { navigate, projectPath } from '../src/lib/router';
import { type SentRequest, stubServer } from './editor-harness';
import { projectView } from './project-fixture';
import { job } from './render-fixtures';

// The render queue panel from the jobs list the studio answers: what each render says and does.

const project = projectView('pq', 'Quay', ['Refused', 'Running', 'Waiting']);
const [refused, running, waiting] = project.scenes[0]!.shots.map((s) => s.id) as [string, string, string];
const jobs: JobSummary[] = [
  job({
    kind: 'picture',
    shotId: refused,
    takeId: 't-r',
    status: 'failed',
    attempts: 1,
    error: {
      code: 'provider_rejected_input',
      message: 'The provider refused the prompt.',
      advice: 'Reword the action and render again.',
    },
    finishedAt: '2026-01-01T00:01:00.000Z',
  }),
  job({ kind: 'picture', shotId: running, takeId: 't-run', status: 'running', attempts: 1, progress: 0.5 }),
  job({ kind: 'previews', shotId: running, takeId: 't-run', status: 'queued' }),
  job({ kind: 'picture', shotId: waiting, takeId: 't-w', status: 'queued' }),
];
let sent: SentRequest[] = [];

beforeAll(() => {
  sent = stubServer([project], ({ path }) =>
    path === '/api/projects/pq/jobs'
      ? jobs
      : path === '/api/projects/pq/render'
        ? { jobs: [], shots: [{ shotId: refused, takeId: 't-new', outcome: 'queued' }] }
        : undefined,
  );
  act(() => navigate(projectPath('pq')));
  render(<App />);
});
afterAll(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('the render queue panel', () => {
  it('opens from the render bar, which counts the renders under way', async () => {
    fireEvent.click(await screen.findByRole('button', { name: 'Queue (2)' }));
    expect(screen.getByRole('region', { name: 'Render queue' })).toBeTruthy();
  });

  it('lists the running render first, then the waiting one, then the failure', () => {
    const queue = screen.getByRole('region', { name: 'Render queue' });
    const items = within(queue)
      .getAllByRole('listitem')
      .filter((li) => li.hasAttribute('aria-label'));
    expect(items.map((li) => [li.getAttribute('aria-label'), li.dataset.status])).toEqual([
      ['Shot 2 render', 'running'],
      ['Shot 3 render', 'queued'],
      ['Shot 1 render', 'failed'],
    ]);
    expect(within(items[0]!).getByRole('progressbar', { name: 'Shot 2 progress' })).toBeTruthy();
    expect(items[0]!.querySelector('[data-kind="previews"]')?.getAttribute('data-status')).toBe('queued');
  });

  it('says why a render failed in plain words, and Retry renders that shot again', async () => {
    const failed = screen.getByRole('listitem', { name: 'Shot 1 render' });
    expect(failed.textContent).toContain('The provider refused the prompt.');
    expect(failed.textContent).toContain('Reword the action and render again.');
    expect(within(failed).queryByRole('button', { name: 'Cancel Shot 1' })).toBeNull();
    await act(async () => {
      fireEvent.click(within(failed).getByRole('button', { name: 'Retry Shot 1' }));
    });
    const post = sent.find((r) => r.method === 'POST' && r.path === '/api/projects/pq/render');
    expect(post?.body).toEqual({ shotIds: [refused] });
  });

  it('cancels a waiting render through its jobs', async () => {
    const item = screen.getByRole('listitem', { name: 'Shot 3 render' });
    expect(within(item).queryByRole('button', { name: 'Retry Shot 3' })).toBeNull();
    await act(async () => {
      fireEvent.click(within(item).getByRole('button', { name: 'Cancel Shot 3' }));
    });
    expect(sent.some((r) => r.method === 'POST' && r.path === `/api/jobs/${jobs[3]!.id}/cancel`)).toBe(true);
  });
});

describe('the render bar’s scopes', () => {
  const posts = () => sent.filter((r) => r.method === 'POST' && r.path === '/api/projects/pq/render');
  const bar = () => screen.getByRole('toolbar', { name: 'Render' });

  it('renders the selection or its scene only once a shot is selected', async () => {
    expect(
      (within(bar()).getByRole('button', { name: 'Render selected' }) as HTMLButtonElement).disabled,
    ).toBe(true);
    expect((within(bar()).getByRole('button', { name: 'Render scene' }) as HTMLButtonElement).disabled).toBe(
      true,
    );
    const card = document.querySelector(`[data-shot-id="${waiting}"] .shot-select`) as HTMLElement;
    act(() => fireEvent.click(card));
    const before = posts().length;
    await act(async () => {
      fireEvent.click(within(bar()).getByRole('button', { name: 'Render selected' }));
    });
    expect(posts()[before]?.body).toEqual({ shotIds: [waiting] });
    await act(async () => {
      fireEvent.click(within(bar()).getByRole('button', { name: 'Render scene' }));
    });
    expect(posts()[before + 1]?.body).toEqual({ sceneIds: [project.scenes[0]!.id] });
  });

  it('renders everything with an empty body', async () => {
    const before = posts().length;
    await act(async () => {
      fireEvent.click(within(bar()).getByRole('button', { name: 'Render all' }));
    });
    expect(posts()[before]?.body).toEqual({});
  });
});
