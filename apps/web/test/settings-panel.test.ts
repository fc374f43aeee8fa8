import { sizeFitsAspect } from '@ministudio/domain';
import { describe, expect, it } from 'vitest';
import { describeChange } from '../src/settings/describe-change';
import { currentSizeValue, fpsOptions, sizeOptions } from '../src/settings/frame-options';

describe('settings frame options', () => {
  it('offers only sizes of the ratio’s shape, the house size first', () => {
    for (const aspect of ['16:9', '9:16', '1:1'] as const) {
      const options = sizeOptions(aspect, { width: 1280, height: 720 });
      expect(options.every((o) => sizeFitsAspect(aspect, o.width, o.height))).toBe(true);
      expect(options.every((o) => o.width % 2 === 0 && o.height % 2 === 0)).toBe(true);
    }
    expect(sizeOptions('9:16', { width: 1280, height: 720 })[0]).toMatchObject({ width: 720, height: 1280 });
    expect(sizeOptions('1:1', { width: 1280, height: 720 })[0]).toMatchObject({ width: 1024, height: 1024 });
  });

  it('keeps an unusual current size that fits, once', () => {
    const values = sizeOptions('16:9', { width: 320, height: 180 }).map((o) => o.value);
    expect(values).toContain(currentSizeValue({ width: 320, height: 180 }));
    expect(new Set(values).size).toBe(values.length);
  });

  it('lists the project’s own frame rate among the usual ones', () => {
    expect(fpsOptions(12).map((o) => o.value)).toEqual(['12', '24', '25', '30']);
  });

  it('says what a change is', () => {
    expect(describeChange({ style: 'cyberpunk' })).toBe('Style → cyberpunk');
    expect(describeChange({ aspectRatio: '9:16', width: 720, height: 1280 })).toBe(
      'Aspect ratio → 9:16, Size → 720 × 1280',
    );
    expect(describeChange({ animaticText: 'dialogue-and-action' })).toBe(
      'Text on the animatic → dialogue and action',
    );
    expect(describeChange({ animaticText: 'none' })).toBe('Text on the animatic → nothing');
  });
});
