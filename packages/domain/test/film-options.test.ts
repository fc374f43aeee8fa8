import { describe, expect, it } from 'vitest';
import { DEFAULT_FILM_OPTIONS, filmOptions, filmSize } from '../src';

describe('film options', () => {
  it("fills what the body leaves out with today's film", () => {
    expect(filmOptions(undefined)).toEqual(DEFAULT_FILM_OPTIONS);
    expect(filmOptions({ subtitles: 'burn' })).toEqual({
      subtitles: 'burn',
      resolution: 'project',
      chapters: true,
    });
  });
  it('sizes a preset by its short side keeping the aspect ratio, even, never above the project', () => {
    expect(filmSize({ width: 1920, height: 1080 }, '540p')).toEqual({ width: 960, height: 540 });
    expect(filmSize({ width: 1080, height: 1920 }, '360p')).toEqual({ width: 360, height: 640 });
    expect(filmSize({ width: 1000, height: 750 }, '360p')).toEqual({ width: 480, height: 360 });
    expect(filmSize({ width: 320, height: 180 }, '720p')).toEqual({ width: 320, height: 180 });
    expect(filmSize({ width: 1280, height: 720 }, 'project')).toEqual({ width: 1280, height: 720 });
  });
});
