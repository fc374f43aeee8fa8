import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { App } from '../src/app/app';
import { navigate, projectPath } from '../src/lib/router';
import { stubServer } from './editor-harness';
import { projectView } from './project-fixture';

// The timeline under the storyboard, as the user meets it in the editor.

const project = projectView('tl', 'Harbour', [
  'Ava waves from the pier',
  'Gulls circle the mast',
  'Ava sings',
]);
const [two, four, speech] = project.scenes[0]!.shots;
two!.duration = 2;
four!.duration = 4;
speech!.duration = 'speech';
speech!.dialogue = [{ character: 'tl-char', text: 'one two three four five' }];

beforeAll(() => {
  stubServer([project]);
  act(() => navigate(projectPath('tl')));
  render(<App />);
});
afterAll(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const timeline = () => screen.getByRole('region', { name: 'Timeline' });
const clip = (n: number) => within(timeline()).getByRole('button', { name: `Shot ${n}` });
const width = (el: HTMLElement) => Number.parseFloat(el.style.width);

describe('the timeline', () => {
  it('shows each shot as a clip as wide as it lasts, numbered in the film', () => {
    expect(width(clip(2))).toBeGreaterThan(0);
    expect(width(clip(2)) / width(clip(1))).toBeCloseTo(2, 5);
    expect(clip(1).title).toContain('2 s');
    expect(clip(2).title).toContain('4 s');
    expect(Number.parseFloat(clip(2).style.left)).toBeCloseTo(width(clip(1)), 5);
    // Unrendered: the shot type and action instead of a poster, and the card's status word.
    expect(clip(1).textContent).toContain('Ava waves from the pier');
    expect(clip(1).querySelector('[data-render-status]')?.getAttribute('data-render-status')).toBe('none');
  });

  it('marks a shot that follows its speech, with its estimated length', () => {
    expect(clip(3).className).toContain('follows-speech');
    expect(clip(3).title).toMatch(/follows speech \(estimated\)/);
    // Five words at 150 a minute (2 s), with the lead-in and tail the picture job adds (0.3 + 0.5 s): 2.8 s,
    // rounded up to whole frames at 24 fps (68 frames). Clip 1 lasts 2 s.
    expect(width(clip(3)) / width(clip(1))).toBeCloseTo(68 / 24 / 2, 5);
  });

  it('spans each scene over its shots', () => {
    const scene = within(timeline()).getByTitle(/^Scene 1\b/);
    expect(width(scene)).toBeCloseTo(width(clip(1)) + width(clip(2)) + width(clip(3)), 5);
  });

  it('zooms with its buttons, keeping the proportions', () => {
    const before = width(clip(1));
    fireEvent.click(within(timeline()).getByRole('button', { name: 'Zoom in' }));
    expect(width(clip(1))).toBeGreaterThan(before);
    expect(width(clip(2)) / width(clip(1))).toBeCloseTo(2, 5);
    fireEvent.click(within(timeline()).getByRole('button', { name: 'Zoom out' }));
    expect(width(clip(1))).toBeCloseTo(before, 5);
  });

  it('moves the playhead a frame at a time from the keyboard and shows its timecode', () => {
    const playhead = within(timeline()).getByRole('slider', { name: 'Playhead' });
    fireEvent.keyDown(playhead, { key: 'ArrowRight' });
    fireEvent.keyDown(playhead, { key: 'ArrowRight', shiftKey: true });
    expect(within(timeline()).getByLabelText('Playhead position').textContent).toBe('00:00:01:01');
    expect(playhead.getAttribute('aria-valuenow')).toBe(String(project.fps + 1));
  });

  it('selects the shot when its clip is clicked, so the inspector opens it', () => {
    fireEvent.click(clip(2));
    const inspector = screen.getByRole('complementary', { name: 'Inspector' });
    expect(within(inspector).getByRole('form', { name: 'Shot 2 inspector' })).toBeTruthy();
    expect(clip(2).getAttribute('aria-current')).toBe('true');
    expect(clip(1).getAttribute('aria-current')).toBeNull();
  });
});
