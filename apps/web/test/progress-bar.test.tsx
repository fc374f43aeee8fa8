import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ProgressBar } from '../src/render/progress-bar';

afterEach(cleanup);

describe('ProgressBar', () => {
  it('shows a measured figure as a plain bar', () => {
    render(<ProgressBar value={0.4} label="Render progress" />);
    const bar = screen.getByRole('progressbar', { name: 'Render progress' });
    expect(bar.getAttribute('aria-valuenow')).toBe('40');
    expect(bar.getAttribute('aria-valuetext')).toBe('40%');
    expect(bar.classList.contains('progress-estimated')).toBe(false);
    expect(screen.queryByText(/estimate/)).toBeNull();
  });

  it('shows an estimate striped, says so beside the bar and to a screen reader', () => {
    render(<ProgressBar value={0.4} estimated label="Render progress" />);
    const bar = screen.getByRole('progressbar', { name: 'Render progress' });
    expect(bar.getAttribute('aria-valuetext')).toBe('≈ 40% (estimate)');
    expect(bar.classList.contains('progress-estimated')).toBe(true);
    expect(screen.getByText('≈ 40% (estimate)')).toBeTruthy();
  });

  it('leaves the words to its surroundings when asked to', () => {
    render(<ProgressBar value={0.4} estimated caption={false} label="Project render progress" />);
    expect(screen.getByRole('progressbar').getAttribute('aria-valuetext')).toBe('≈ 40% (estimate)');
    expect(screen.queryByText('≈ 40% (estimate)')).toBeNull();
  });
});
