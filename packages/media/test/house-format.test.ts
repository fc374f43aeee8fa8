import { describe, expect, it } from 'vitest';
import { DEFAULT_CRF, DEFAULT_PRESET, houseCodecArgs } from '../src/index';

/** Option values by name, so the test reads what ffmpeg will be told rather than positions in a list. */
function options(args: string[]): Record<string, string> {
  const found: Record<string, string> = {};
  for (let i = 0; i < args.length; i += 2) {
    const name = args[i]!;
    expect(name.startsWith('-')).toBe(true);
    expect(found[name]).toBeUndefined();
    found[name] = args[i + 1]!;
  }
  return found;
}

describe('houseCodecArgs', () => {
  it('encodes the picture as H.264 High yuv420p, a keyframe every second, no B-frames, house defaults', () => {
    const args = houseCodecArgs({
      video: { fps: 24, preset: null, crf: null, keyframeIntervalFrames: null },
      audio: null,
    });
    expect(options(args)).toEqual({
      '-c:v': 'libx264',
      '-profile:v': 'high',
      '-pix_fmt': 'yuv420p',
      '-preset': DEFAULT_PRESET,
      '-crf': String(DEFAULT_CRF),
      '-g': '24',
      '-keyint_min': '24',
      '-sc_threshold': '0',
      '-bf': '0',
      '-r': '24',
      '-video_track_timescale': '24000',
    });
  });

  it('takes the preset, quality and keyframe interval it is given', () => {
    const video = options(
      houseCodecArgs({
        video: { fps: 30, preset: 'medium', crf: 26, keyframeIntervalFrames: 12 },
        audio: null,
      }),
    );
    expect(video).toMatchObject({
      '-preset': 'medium',
      '-crf': '26',
      '-g': '12',
      '-keyint_min': '12',
      '-r': '30',
      '-video_track_timescale': '30000',
    });
  });

  it('encodes the sound as AAC 48 kHz stereo', () => {
    expect(options(houseCodecArgs({ video: null, audio: 'encode' }))).toEqual({
      '-c:a': 'aac',
      '-b:a': '160k',
      '-ar': '48000',
      '-ac': '2',
    });
  });

  it('copies streams, combines parts video first, and adds nothing for a part left to the caller', () => {
    expect(houseCodecArgs({ video: 'copy', audio: 'copy' })).toEqual(['-c:v', 'copy', '-c:a', 'copy']);
    expect(houseCodecArgs({ video: null, audio: null })).toEqual([]);
    const both = houseCodecArgs({
      video: { fps: 25, preset: null, crf: null, keyframeIntervalFrames: null },
      audio: 'encode',
    });
    expect(both.slice(0, 2)).toEqual(['-c:v', 'libx264']);
    expect(both.slice(-8)).toEqual(houseCodecArgs({ video: null, audio: 'encode' }));
  });
});
