import { ANIMATIC_TEXT, type AnimaticText, type ShotContext } from '@ministudio/domain';
import { createCanvas } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { burnedCaption, captionBandHeight } from '../src/caption/draw-caption';
import { createShotDrawer } from '../src/index';
import { contextBytes } from './helpers/fixtures';

const W = 320;
const H = 180;

// A plain grey set, so the band's pixels change only with the text written on it.
const plate = (() => {
  const canvas = createCanvas(W, H);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#777777';
  ctx.fillRect(0, 0, W, H);
  return canvas;
})();

/** The caption band's pixels of frame 0, the line spoken from 0 s when `speaking`. */
function band(mode: AnimaticText | undefined, speaking: boolean): Buffer {
  const base = contextBytes().find((s) => s.action.trim() && s.characters.length)!;
  const shot: ShotContext = {
    ...base,
    animaticText: mode,
    speech: speaking
      ? [
          {
            character: base.characters[0]!.key,
            text: 'We begin.',
            path: '',
            startSeconds: 0,
            durationSeconds: 1,
          },
        ]
      : [],
  };
  const drawer = createShotDrawer({
    shot,
    width: W,
    height: H,
    fps: 12,
    durationSeconds: 1,
    seed: 5,
    plate,
    envelopes: shot.speech.map(() => null),
    captions: true,
  });
  drawer.draw(0);
  const data = drawer.canvas.data();
  const top = H - captionBandHeight(H);
  return Buffer.from(data.subarray(top * W * 4));
}

describe('text on the animatic', () => {
  it('follows the project setting: nothing, dialogue, or dialogue and action', () => {
    expect(burnedCaption('none', 'Emma types.', { speaker: 'Emma', text: 'Hi' })).toEqual({
      action: '',
      line: null,
    });
    expect(burnedCaption('dialogue', 'Emma types.', { speaker: 'Emma', text: 'Hi' })).toEqual({
      action: '',
      line: { speaker: 'Emma', text: 'Hi' },
    });
    expect(burnedCaption('dialogue-and-action', 'Emma types.', null)).toEqual({
      action: 'Emma types.',
      line: null,
    });
    // A job queued before the setting existed draws what the animatic always drew.
    expect(burnedCaption(undefined, 'Emma types.', null).action).toBe('Emma types.');
  });

  it('writes the action on the picture only with "dialogue and action", and the line with either', () => {
    const clean = band('none', true);
    // Nothing written: the band is the bare set, speech or not.
    expect(band('none', false).equals(clean)).toBe(true);
    // Dialogue: the action is absent (no line spoken → a bare band), the spoken line is there.
    expect(band('dialogue', false).equals(clean)).toBe(true);
    expect(band('dialogue', true).equals(clean)).toBe(false);
    // Dialogue and action: the action is written even with nobody speaking, and adds to the line.
    expect(band('dialogue-and-action', false).equals(clean)).toBe(false);
    expect(band('dialogue-and-action', true).equals(band('dialogue', true))).toBe(false);
    expect(ANIMATIC_TEXT).toEqual(['none', 'dialogue', 'dialogue-and-action']);
  });
});
