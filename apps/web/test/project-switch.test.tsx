import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { App } from '../src/app/app';
import { navigate, projectPath } from '../src/lib/router';
import { stubServer } from './editor-harness';
import { projectView } from './project-fixture';

// The editor as the user meets it, on two projects.
beforeAll(() => {
  stubServer([
    projectView('pa', 'Harbour', ['Ava waves from the pier']),
    projectView('pb', 'Desert', ['A jeep crosses the dunes']),
  ]);
});
afterAll(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const inspector = () => screen.getByRole('complementary', { name: 'Inspector' });
const pressed = () => screen.queryAllByRole('button', { pressed: true });

describe('switching projects', () => {
  it('shows nothing selected in the other project, and the first project’s selection on return', () => {
    act(() => navigate(projectPath('pa')));
    render(<App />);
    fireEvent.click(screen.getByRole('button', { name: /^Shot 1: / }));
    expect(within(inspector()).getByRole('form', { name: 'Shot 1 inspector' })).toBeTruthy();

    act(() => navigate(projectPath('pb')));
    expect(screen.getByRole('button', { name: /^Shot 1: / }).textContent).toContain('A jeep crosses');
    expect(pressed()).toEqual([]);
    expect(within(inspector()).getByText(/Select a shot to edit it/)).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: /Desert lead/ }));
    expect(within(inspector()).getByRole('form', { name: 'Character Desert lead' })).toBeTruthy();

    act(() => navigate(projectPath('pa')));
    expect(pressed().map((b) => b.textContent)).toEqual([expect.stringContaining('Ava waves')]);
    expect(within(inspector()).getByRole('form', { name: 'Shot 1 inspector' })).toBeTruthy();
  });
});
