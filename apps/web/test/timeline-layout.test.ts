import { defaultShot } from '@ministudio/domain';
import { describe, expect, it } from 'vitest';
import {
  estimateSpeechSeconds,
  fitZoom,
  formatTimecode,
  layoutTimeline,
  MAX_PIXELS_PER_SECOND,
  MIN_MAJOR_PIXELS,
  MIN_PIXELS_PER_SECOND,
  snapToFrame,
  tickSpacing,
  zoomAround,
} from '../src/timeline/timeline-layout';
import { currentTakeSeconds } from '../src/timeline/use-take-seconds';

const shot = (id: string, duration: number | 'speech', words = 0) => ({
  ...defaultShot(),
  id,
  duration,
  dialogue: words > 0 ? [{ character: 'ava', text: Array(words).fill('word').join(' ') }] : [],
});

// Every voice at rate 1, at 10 fps so estimates land on tenths.
const pace = { rateOf: () => 1, fps: 10 };

describe('layoutTimeline', () => {
  const scenes = [
    { id: 's1', title: 'Pier', shots: [shot('a', 2), shot('b', 4)] },
    { id: 's2', title: 'Dunes', shots: [shot('c', 'speech', 10), shot('d', 'speech')] },
  ];

  it('places shots end to end, as wide as they last, numbered across scenes', () => {
    const layout = layoutTimeline(scenes, new Map([['c', 3.5]]), 10, pace);
    expect(layout.clips.map((c) => [c.shotId, c.number, c.x, c.width])).toEqual([
      ['a', 1, 0, 20],
      ['b', 2, 20, 40],
      ['c', 3, 60, 35],
      ['d', 4, 95, 10],
    ]);
    expect(layout.totalSeconds).toBe(10.5);
    expect(layout.scenes).toEqual([
      { sceneId: 's1', number: 1, title: 'Pier', x: 0, width: 60 },
      { sceneId: 's2', number: 2, title: 'Dunes', x: 60, width: 45 },
    ]);
  });

  it('takes a speech shot’s length from its chosen take, and estimates it from its words without one', () => {
    const known = layoutTimeline(scenes, new Map([['c', 3.5]]), 10, pace).clips[2]!;
    expect(known).toMatchObject({ seconds: 3.5, followsSpeech: true, estimated: false });
    const guessed = layoutTimeline(scenes, new Map(), 10, pace).clips[2]!;
    // Ten words at 150 a minute (4 s), after the lead-in and with the tail the picture job adds (0.3 + 0.5 s).
    expect(guessed).toMatchObject({ seconds: 4.8, followsSpeech: true, estimated: true });
    expect(layoutTimeline(scenes, new Map(), 10, pace).clips[0]).toMatchObject({
      followsSpeech: false,
      estimated: false,
    });
  });

  it('makes a clip as long as its take when the take lasts another length than its shot, and says so', () => {
    const layout = layoutTimeline(scenes, new Map([['b', 4.7]]), 10, pace);
    expect(layout.clips[1]).toMatchObject({ seconds: 4.7, width: 47, shotSeconds: 4 });
    // What follows moves with it: the film plays the take.
    expect(layout.clips[2]!.startSeconds).toBeCloseTo(6.7, 9);
    // Under half a frame apart (10 fps) is the same length: the shot's, nothing marked.
    expect(layoutTimeline(scenes, new Map([['b', 4.04]]), 10, pace).clips[1]).toMatchObject({
      seconds: 4,
      shotSeconds: null,
    });
    // A speech shot's length is its take's by definition: nothing to mark.
    expect(layoutTimeline(scenes, new Map([['c', 3.5]]), 10, pace).clips[2]!.shotSeconds).toBeNull();
  });

  it('gives a speech shot with no words yet a clickable length', () => {
    expect(estimateSpeechSeconds({ dialogue: [], narration: '' }, pace)).toBe(1);
    expect(estimateSpeechSeconds({ dialogue: [], narration: 'five words of narration here' }, pace)).toBe(
      2.8,
    );
    // A slower voice speaks longer: half the rate, twice the words' time.
    const slow = { rateOf: (who: string | null) => (who === null ? 0.5 : 1), fps: 10 };
    expect(estimateSpeechSeconds({ dialogue: [], narration: 'five words of narration here' }, slow)).toBe(
      4.8,
    );
  });
});

describe('formatTimecode', () => {
  it('reads hours, minutes, seconds and frames at the project’s fps', () => {
    expect(formatTimecode(0, 24)).toBe('00:00:00:00');
    expect(formatTimecode(1.5, 24)).toBe('00:00:01:12');
    expect(formatTimecode(3723 + 29 / 30, 30)).toBe('01:02:03:29');
    expect(formatTimecode(59.999, 25)).toBe('00:01:00:00');
    expect(formatTimecode(-2, 24)).toBe('00:00:00:00');
  });

  it('snaps a time to the nearest frame', () => {
    expect(snapToFrame(1.03, 24)).toBeCloseTo(1 + 1 / 24, 10);
    expect(snapToFrame(0.01, 24)).toBe(0);
  });
});

describe('tickSpacing', () => {
  it('labels ticks far enough apart for a timecode, in whole frames, at every zoom', () => {
    for (const fps of [24, 25, 30, 60]) {
      for (const pps of [MIN_PIXELS_PER_SECOND, 7, 40, 120, MAX_PIXELS_PER_SECOND]) {
        const { majorFrames, minorFrames } = tickSpacing(pps, fps);
        expect(Number.isInteger(majorFrames) && Number.isInteger(minorFrames)).toBe(true);
        expect(majorFrames % minorFrames).toBe(0);
        expect((majorFrames / fps) * pps).toBeGreaterThanOrEqual(MIN_MAJOR_PIXELS);
      }
    }
  });

  it('steps in seconds when zoomed out and in frames when zoomed in', () => {
    expect(tickSpacing(40, 24)).toEqual({ majorFrames: 120, minorFrames: 12 });
    expect(tickSpacing(480, 24)).toEqual({ majorFrames: 5, minorFrames: 1 });
    expect(tickSpacing(2, 24).majorFrames).toBe(60 * 24);
  });
});

describe('zoom', () => {
  it('fits the film into a width, within the zoom limits', () => {
    expect(fitZoom(10, 800)).toBe(80);
    expect(fitZoom(10_000, 800)).toBe(MIN_PIXELS_PER_SECOND);
    expect(fitZoom(0, 800)).toBeGreaterThan(0);
  });

  it('keeps the time under the pointer where it is', () => {
    const before = { pps: 40, scroll: 200, pointer: 100 };
    const after = zoomAround(before.pps, 2, before.pointer, before.scroll);
    expect(after.pixelsPerSecond).toBe(80);
    const secondsBefore = (before.scroll + before.pointer) / before.pps;
    expect((after.scrollLeft + before.pointer) / after.pixelsPerSecond).toBeCloseTo(secondsBefore, 10);
    expect(zoomAround(40, 0.5, 300, 0).scrollLeft).toBe(0);
  });
});

describe('currentTakeSeconds', () => {
  const facts = new Map([
    ['fits', { seconds: 9.4, stale: false }],
    ['trimmed', { seconds: 8, stale: false }],
    ['stale', { seconds: 8, stale: true }],
    ['speech', { seconds: 3.2, stale: true }],
  ]);
  const madeFor = new Map<string, number | 'speech'>([
    ['fits', 8],
    ['trimmed', 8],
    ['stale', 8],
    ['speech', 'speech'],
  ]);
  it('keeps a take’s length only while the take was made for the shot as it is', () => {
    const lengths = new Map<string, number | 'speech'>([
      ['fits', 8],
      // Trimmed since the studio answered: the old take must not hold the clip at its old length.
      ['trimmed', 6],
      ['stale', 8],
      ['speech', 'speech'],
    ]);
    expect([...currentTakeSeconds(facts, lengths, madeFor)]).toEqual([
      ['fits', 9.4],
      ['speech', 3.2],
    ]);
  });
});
