import { describe, expect, it } from 'vitest';
import {
  advance,
  type FilmShot,
  filmSeconds,
  filmShots,
  frameStep,
  locate,
  NO_MARKS,
  nextCut,
  playFrom,
  playRange,
  setMark,
  shuttle,
  speechPreviewUrl,
} from '../src/player/film-clock';
import { layoutTimeline, type SpeechPace } from '../src/timeline/timeline-layout';

const pace: SpeechPace = { fps: 24, rateOf: () => 1 };

// Shots of 2 s, 4 s and 3 s, laid out by the timeline's own layout; the second has a take.
function film(): FilmShot[] {
  const layout = layoutTimeline(
    [
      {
        id: 'a',
        title: '',
        shots: [
          { id: 's1', duration: 2, dialogue: [], narration: '' },
          { id: 's2', duration: 4, dialogue: [], narration: '' },
        ],
      },
      { id: 'b', title: '', shots: [{ id: 's3', duration: 3, dialogue: [], narration: '' }] },
    ],
    new Map(),
    1,
    pace,
  );
  return filmShots(layout.clips, new Map([['s2', { videoUrl: '/v2.mp4', posterUrl: '/p2.jpg' }]]));
}

describe('film shots', () => {
  it('start end to end across scenes and carry the chosen take', () => {
    const shots = film();
    expect(shots.map((s) => [s.shotId, s.number, s.start, s.seconds])).toEqual([
      ['s1', 1, 0, 2],
      ['s2', 2, 2, 4],
      ['s3', 3, 6, 3],
    ]);
    expect(shots.map((s) => s.videoUrl)).toEqual([null, '/v2.mp4', null]);
    expect(filmSeconds(shots)).toBe(9);
  });

  it('locates the shot at a time; a cut belongs to the shot it starts; past the end, the last frame', () => {
    const shots = film();
    expect(locate(shots, 0)).toEqual({ index: 0, offset: 0 });
    expect(locate(shots, 1.99)).toEqual({ index: 0, offset: 1.99 });
    expect(locate(shots, 2)).toEqual({ index: 1, offset: 0 });
    expect(locate(shots, 7.5)).toEqual({ index: 2, offset: 1.5 });
    expect(locate(shots, 12)).toEqual({ index: 2, offset: 3 });
    expect(locate([], 1)).toBeNull();
  });

  it('finds the next cut, the end counting as one', () => {
    const shots = film();
    expect(nextCut(shots, 0)).toBe(2);
    expect(nextCut(shots, 2)).toBe(6);
    expect(nextCut(shots, 6.5)).toBe(9);
    expect(nextCut(shots, 9)).toBeNull();
  });
});

describe('shuttle', () => {
  it('L plays, then 2×, then 4× and no faster; K stops; J goes backward the same way', () => {
    expect(shuttle(0, 'l')).toBe(1);
    expect(shuttle(1, 'l')).toBe(2);
    expect(shuttle(2, 'l')).toBe(4);
    expect(shuttle(4, 'l')).toBe(4);
    expect(shuttle(4, 'k')).toBe(0);
    expect(shuttle(0, 'j')).toBe(-1);
    expect(shuttle(-1, 'j')).toBe(-2);
    expect(shuttle(-4, 'j')).toBe(-4);
  });

  it('the other direction starts over at 1×', () => {
    expect(shuttle(4, 'j')).toBe(-1);
    expect(shuttle(-2, 'l')).toBe(1);
  });
});

describe('marks and loop', () => {
  it('a mark crossing the other clears it', () => {
    let marks = setMark(NO_MARKS, 'in', 2);
    marks = setMark(marks, 'out', 5);
    expect(marks).toEqual({ in: 2, out: 5 });
    expect(setMark(marks, 'in', 6)).toEqual({ in: 6, out: null });
    expect(setMark(marks, 'out', 1)).toEqual({ in: null, out: 1 });
  });

  it('the range is in to out, missing marks the film ends', () => {
    expect(playRange(NO_MARKS, 9)).toEqual({ start: 0, end: 9 });
    expect(playRange({ in: 3, out: null }, 9)).toEqual({ start: 3, end: 9 });
    expect(playRange({ in: null, out: 4 }, 9)).toEqual({ start: 0, end: 4 });
  });

  it('without marks, playback stops at the end; with marks it loops the range both ways', () => {
    expect(advance(8.9, 0.2, 1, NO_MARKS, 9)).toEqual({ t: 9, stop: true });
    expect(advance(1, 0.5, 2, NO_MARKS, 9)).toEqual({ t: 2, stop: false });
    expect(advance(0.1, 0.2, -1, NO_MARKS, 9)).toEqual({ t: 0, stop: true });
    const marks = { in: 2, out: 5 };
    expect(advance(4.95, 0.1, 1, marks, 9)).toEqual({ t: 2, stop: false });
    expect(advance(2.05, 0.1, -1, marks, 9)).toEqual({ t: 5, stop: false });
  });

  it('play starts inside the range, or from the start at the end', () => {
    expect(playFrom(9, NO_MARKS, 9)).toBe(0);
    expect(playFrom(4, NO_MARKS, 9)).toBe(4);
    expect(playFrom(7, { in: 2, out: 5 }, 9)).toBe(2);
    expect(playFrom(3, { in: 2, out: 5 }, 9)).toBe(3);
  });
});

describe('frame step', () => {
  it('steps one frame on frame boundaries, kept inside the film', () => {
    expect(frameStep(0, 24, 1, 9)).toBeCloseTo(1 / 24);
    expect(frameStep(1.01, 24, 1, 9)).toBeCloseTo(25 / 24);
    expect(frameStep(0, 24, -1, 9)).toBe(0);
    expect(frameStep(9, 24, 1, 9)).toBe(9);
  });
});

describe('speechPreviewUrl', () => {
  const voice = { provider: 'espeak', voiceId: 'en', rate: 1, pitch: 0 };
  it('is null for a shot with nothing to say, and names the shot otherwise', () => {
    expect(speechPreviewUrl('s1', [])).toBeNull();
    expect(speechPreviewUrl('s1', [{ text: '  ', voice }])).toBeNull();
    expect(speechPreviewUrl('s1', [{ text: 'Hi.', voice }])).toMatch(
      /^\/api\/shots\/s1\/speech-preview\?v=\w+$/,
    );
  });
  it('changes with a line or a voice, so the player loads the new sound, and only then', () => {
    const url = speechPreviewUrl('s1', [{ text: 'Hi.', voice }]);
    expect(speechPreviewUrl('s1', [{ text: 'Hi.', voice: { ...voice } }])).toBe(url);
    expect(speechPreviewUrl('s1', [{ text: 'Hi!', voice }])).not.toBe(url);
    expect(speechPreviewUrl('s1', [{ text: 'Hi.', voice: { ...voice, rate: 1.2 } }])).not.toBe(url);
  });
  it('is carried to the film shot that has it', () => {
    const shots = filmShots(
      [
        { shotId: 'a', number: 1, startSeconds: 0, seconds: 2 },
        { shotId: 'b', number: 2, startSeconds: 2, seconds: 2 },
      ],
      new Map(),
      new Map([['b', '/api/shots/b/speech-preview?v=1']]),
    );
    expect(shots.map((s) => s.speechUrl)).toEqual([null, '/api/shots/b/speech-preview?v=1']);
  });
});
