import { describe, expect, it } from 'vitest';
import { keyAction } from '../src/project-page/key-action';
import { excerpt, formatDuration, shotAbout, shotSummary } from '../src/storyboard/shot-summary';

const key = (
  k: string,
  mods: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }> = {},
) => keyAction({ key: k, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods });

describe('keyAction', () => {
  it('maps undo and redo', () => {
    expect(key('z', { ctrlKey: true })).toEqual({ type: 'undo' });
    expect(key('Z', { ctrlKey: true, shiftKey: true })).toEqual({ type: 'redo' });
    expect(key('z', { metaKey: true, shiftKey: true })).toEqual({ type: 'redo' });
    expect(key('y', { ctrlKey: true })).toEqual({ type: 'redo' });
    expect(key('z')).toBeNull();
  });

  it('maps selection, moves and delete', () => {
    expect(key('ArrowDown')).toEqual({ type: 'select', delta: 1 });
    expect(key('ArrowLeft')).toEqual({ type: 'select', delta: -1 });
    expect(key('ArrowUp', { altKey: true })).toEqual({ type: 'move', delta: -1 });
    expect(key('ArrowRight', { altKey: true })).toEqual({ type: 'move', delta: 1 });
    expect(key('ArrowDown', { shiftKey: true })).toBeNull();
    expect(key('Delete')).toEqual({ type: 'delete' });
    expect(key('Backspace')).toEqual({ type: 'delete' });
    expect(key('Escape')).toEqual({ type: 'deselect' });
    expect(key('ArrowDown', { ctrlKey: true })).toBeNull();
  });
});

describe('shot summary', () => {
  it('cuts long actions at a word', () => {
    expect(excerpt('short', 10)).toBe('short');
    expect(excerpt('the quick brown fox jumps', 12)).toBe('the quick…');
    expect(excerpt('  spaced\n\nout  ', 20)).toBe('spaced out');
  });

  it('formats durations and names the cast', () => {
    expect(formatDuration(4)).toBe('4 s');
    expect(formatDuration(2.25)).toBe('2.3 s');
    expect(formatDuration('speech')).toBe('speech');
    const s = shotSummary(
      {
        shotType: 'close-up',
        action: '',
        dialogue: [],
        narration: '',
        duration: 3,
        cast: [
          { character: 'emma', state: {} },
          { character: 'ghost', state: {} },
        ],
      },
      { emma: 'Emma' },
    );
    expect(s).toEqual({ title: 'Close-up', action: 'No action yet', duration: '3 s', cast: 'Emma, ghost' });
  });

  it('says what a shot without an action is about: its first line, else its narration', () => {
    const shot = { action: ' ', dialogue: [], narration: '' };
    const names = { emma: 'Emma' };
    expect(shotAbout(shot, names)).toBe('');
    expect(shotAbout({ ...shot, narration: 'Years later.' }, names)).toBe('Narration: “Years later.”');
    const speaking = {
      ...shot,
      narration: 'Years later.',
      dialogue: [
        { character: 'emma', text: '  ' },
        { character: 'emma', text: 'Where is the light?' },
      ],
    };
    expect(shotAbout(speaking, names)).toBe('Emma: “Where is the light?”');
    expect(shotAbout({ ...speaking, action: 'Emma climbs the stairs' }, names)).toBe(
      'Emma climbs the stairs',
    );
    const card = shotSummary({ ...speaking, shotType: 'medium', duration: 4, cast: [] }, names);
    expect(card.action).toBe('Emma: “Where is the light?”');
    expect(card.title).toBe('Medium');
  });
});
