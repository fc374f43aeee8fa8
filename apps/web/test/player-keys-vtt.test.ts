import { describe, expect, it } from 'vitest';
import { playerKey } from '../src/player/player-keys';
import { parseVtt } from '../src/player/webvtt';

const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {}) =>
  playerKey({ key: k, ctrlKey: false, metaKey: false, altKey: false, ...mods });

describe('player keys', () => {
  it('maps the NLE transport keys, letters case-blind', () => {
    expect(key(' ')).toEqual({ type: 'toggle' });
    expect(key('L')).toEqual({ type: 'shuttle', key: 'l' });
    expect(key('j')).toEqual({ type: 'shuttle', key: 'j' });
    expect(key(',')).toEqual({ type: 'step', frames: -1 });
    expect(key('.')).toEqual({ type: 'step', frames: 1 });
    expect(key('Home')).toEqual({ type: 'home' });
    expect(key('End')).toEqual({ type: 'end' });
    expect(key('i')).toEqual({ type: 'mark', which: 'in' });
    expect(key('O')).toEqual({ type: 'mark', which: 'out' });
  });

  it('leaves modified keys and other keys alone', () => {
    expect(key('l', { ctrlKey: true })).toBeNull();
    expect(key('i', { metaKey: true })).toBeNull();
    expect(key(' ', { altKey: true })).toBeNull();
    expect(key('ArrowLeft')).toBeNull();
    expect(key('z')).toBeNull();
  });
});

describe('WebVTT', () => {
  it('reads cues in film time and skips the header, notes and broken blocks', () => {
    const vtt = [
      'WEBVTT',
      '',
      'NOTE made by MiniStudio',
      '',
      '1',
      '00:00:00.500 --> 00:00:02.000',
      '<v Ava>Hello there, sailor!',
      '',
      '00:01:02.250 --> 00:01:03.000 align:center',
      'Line one',
      'line two',
      '',
      '00:00:05.000 --> 00:00:04.000',
      'backwards',
      '',
    ].join('\r\n');
    expect(parseVtt(vtt)).toEqual([
      { start: 0.5, end: 2, text: 'Hello there, sailor!' },
      { start: 62.25, end: 63, text: 'Line one\nline two' },
    ]);
  });
});
