import { describe, expect, it } from 'vitest';
import { buildAssembleJob, filmVideoFilter, type SubtitleCue, vttText } from '../src';

const cues: SubtitleCue[] = [
  { startSeconds: 3.5, endSeconds: 4, text: 'Run <now> & hide!', kind: 'dialogue', speaker: 'Mara' },
  { startSeconds: 0, endSeconds: 61.25, text: 'Once, long ago.', kind: 'narration', speaker: null },
  { startSeconds: 5, endSeconds: 5, text: 'Never shown', kind: 'dialogue', speaker: null },
];

describe('vttText', () => {
  it('writes WebVTT in time order with full-stop milliseconds, escaped text and italic narration', () => {
    expect(vttText(cues)).toBe(
      'WEBVTT\n\n1\n00:00:00.000 --> 00:01:01.250\n<i>Once, long ago.</i>\n\n' +
        '2\n00:00:03.500 --> 00:00:04.000\nMara: Run &lt;now&gt; &amp; hide!\n',
    );
  });
  it('is a bare header when nothing is said', () => {
    expect(vttText([])).toBe('WEBVTT\n');
  });
});

describe('film export arguments', () => {
  const optionsOf = (job: ReturnType<typeof buildAssembleJob>) => job.outputs[0]!.options;

  it('keeps the default film a stream copy with chapters and a soft text track', () => {
    const job = buildAssembleJob('list', 'meta', { path: 'subs.srt', mode: 'soft' }, 24, 'out.mp4');
    const options = optionsOf(job);
    expect(options).not.toContain('-vf');
    expect(options.join(' ')).toContain('-c:v copy');
    expect(options.join(' ')).toContain('-map_chapters 1');
    expect(options.join(' ')).toContain('-c:s mov_text');
    expect(job.inputs.map((i) => i.source)).toEqual(['list', 'meta', 'subs.srt']);
  });

  it('scales to a smaller size and burns subtitles after the scale, re-encoding through the house encoder', () => {
    const job = buildAssembleJob('list', 'meta', { path: '/tmp/s.srt', mode: 'burn' }, 24, 'out.mp4', {
      size: { width: 960, height: 540 },
      chapters: false,
    });
    const options = optionsOf(job);
    const filter = options[options.indexOf('-vf') + 1]!;
    expect(filter.indexOf('scale=960:540')).toBeLessThan(filter.indexOf('subtitles='));
    expect(filter).toMatch(/format=yuv420p$/);
    expect(options.join(' ')).toContain('-c:v libx264');
    expect(options.join(' ')).toContain('-map_chapters -1');
    expect(options).not.toContain('mov_text');
    expect(job.inputs).toHaveLength(2);
  });

  it('re-encodes for a smaller size alone, and refuses an odd size', () => {
    expect(filmVideoFilter(null, { width: 640, height: 360 })).toBe(
      'scale=640:360:flags=lanczos,setsar=1,format=yuv420p',
    );
    expect(filmVideoFilter({ path: 's.srt', mode: 'soft' }, null)).toBeNull();
    expect(() => filmVideoFilter(null, { width: 641, height: 360 })).toThrow(/even/);
  });
});
