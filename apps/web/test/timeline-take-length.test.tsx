import type { ShotState } from '@ministudio/domain';
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { App } from '../src/app/app';
import { navigate, projectPath } from '../src/lib/router';
import { stubServer } from './editor-harness';
import { projectView } from './project-fixture';

// A take that lasts another length than its shot (a provider's nearest length): the clip is as long as
// what plays, and says how the two differ.

const project = projectView('tk', 'Dunes', ['Ava walks', 'Sand blows']);
const [walk, sand] = project.scenes[0]!.shots;
walk!.duration = 2;
sand!.duration = 2;
const state = (shotId: string, seconds: number): ShotState => ({
  shotId,
  chosenTakeId: `take-${shotId}`,
  status: 'succeeded',
  stale: false,
  posterUrl: null,
  videoUrl: `/api/assets/${shotId}`,
  filmstripUrl: null,
  waveformUrl: null,
  durationSeconds: seconds,
});

beforeAll(() => {
  stubServer([project], (request) =>
    request.path.endsWith('/shot-states') ? [state(walk!.id, 2.6), state(sand!.id, 2)] : undefined,
  );
  act(() => navigate(projectPath('tk')));
  render(<App />);
});
afterAll(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const clip = (n: number) =>
  within(screen.getByRole('region', { name: 'Timeline' })).getByRole('button', { name: `Shot ${n}` });
const width = (el: HTMLElement) => Number.parseFloat(el.style.width);

describe('a take longer than its shot on the timeline', () => {
  it('is as wide as the take, names both lengths and marks where the shot would end', async () => {
    await waitFor(() => expect(clip(1).title).toContain('take 2.6 s · shot 2 s'));
    expect(width(clip(1)) / width(clip(2))).toBeCloseTo(1.3, 5);
    expect(clip(1).querySelector('.timeline-clip-length-diff')?.textContent).toBe('take +0.6 s');
    expect(clip(1).querySelector<HTMLElement>('.timeline-clip-shot-end')?.style.left).toMatch(/^76\.9/);
    // A take as long as its shot is not marked.
    expect(clip(2).title).toMatch(/Shot 2: 2 s\./);
    expect(clip(2).querySelector('.timeline-clip-length-diff')).toBeNull();
  });
});
