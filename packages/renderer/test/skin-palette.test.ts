import { describe, expect, it } from 'vitest';
import { SKIN_TONES, skinToneFor } from '../src/colour/skin-palette';
import { formOf, formOfWords } from '../src/figure/forms/form';
import { characterLook, hex } from '../src/index';
import { contextBytes, lastAlgorithm } from './helpers/fixtures';

const palette = new Set(SKIN_TONES.map(hex));
const person = (key: string, identity: { key: string; value: string }[] = []) => ({
  key,
  name: key,
  identity,
  state: {},
});

describe('skin tones', () => {
  it('gives every sample character without a skin trait, and many random keys, a tone from the human palette', () => {
    const samples = [...contextBytes(), ...lastAlgorithm()].flatMap((s) => s.characters);
    expect(samples.length).toBeGreaterThan(0);
    for (const c of samples) {
      const bare = { ...c, identity: c.identity.filter((p) => p.key !== 'skin' && p.key !== 'form') };
      expect(palette.has(hex(characterLook(bare).look.skin))).toBe(true);
    }
    const used = new Set<string>();
    for (let i = 0; i < 500; i++) {
      const key = `person-${i}-${(i * 7919).toString(36)}`;
      const { look, warnings } = characterLook(person(key));
      expect(palette.has(hex(look.skin))).toBe(true);
      expect(warnings).toEqual([]);
      used.add(hex(look.skin));
    }
    // The whole range is used, not one tone for everybody.
    expect(used.size).toBe(SKIN_TONES.length);
  });

  it('gives the same key the same tone every time', () => {
    for (const key of ['mara', 'cyd', 'dov', 'a', 'b']) {
      expect(hex(characterLook(person(key)).look.skin)).toBe(hex(skinToneFor(key)));
      expect(hex(characterLook(person(key)).look.skin)).toBe(hex(characterLook(person(key)).look.skin));
    }
  });

  it('keeps a described skin, and a skin phrase with no colour falls back to a natural tone with a warning', () => {
    expect(hex(characterLook(person('d', [{ key: 'skin', value: 'deep brown' }])).look.skin)).not.toBe(
      hex(skinToneFor('d')),
    );
    const { look, warnings } = characterLook(person('f', [{ key: 'skin', value: 'freckled' }]));
    expect(palette.has(hex(look.skin))).toBe(true);
    expect(warnings).toEqual([`f's skin: no known colour in "freckled"; drawn in a natural tone`]);
  });
});

describe('forms', () => {
  it('chooses a form from the words of an identity', () => {
    expect(formOfWords('liquid light hologram')).toBe('hologram');
    expect(formOfWords('a rusty service robot')).toBe('robot');
    expect(formOfWords('android')).toBe('robot');
    expect(formOfWords('ginger tabby cat')).toBe('cat');
    expect(formOfWords('scruffy terrier')).toBe('dog');
    expect(formOfWords('a grey seagull')).toBe('bird');
    expect(formOfWords('the ghost of a sailor')).toBe('ghost');
    expect(formOfWords('little green alien')).toBe('alien');
    expect(formOfWords('delicate scholar')).toBeNull();
    expect(formOf([{ key: 'species', value: 'cat' }])).toBe('cat');
    expect(formOf([{ key: 'build', value: 'tall humanoid robot' }])).toBe('robot');
    // Clothes do not change what someone is.
    expect(formOf([{ key: 'outfit', value: 'a cat-print robot T-shirt' }])).toBe('human');
    expect(formOf([])).toBe('human');
  });

  it('reads ARIA as a hologram and gives animals a coat, not a human skin tone', () => {
    const aria = lastAlgorithm()
      .flatMap((s) => s.characters)
      .find((c) => c.key === 'aria')!;
    expect(characterLook(aria).look.form).toBe('hologram');
    const cat = characterLook(
      person('tom', [
        { key: 'species', value: 'cat' },
        { key: 'fur', value: 'black' },
      ]),
    );
    expect(cat.look.form).toBe('cat');
    expect(hex(cat.look.skin)).toBe('#000000');
    const robot = characterLook(person('unit-7', [{ key: 'form', value: 'robot' }])).look;
    expect(robot.form).toBe('robot');
    expect(palette.has(hex(robot.skin))).toBe(false);
  });
});

describe('hair and eyes without a known colour', () => {
  it('draws "dark hair" dark and an unknown hair word in a natural hair colour, with a warning', async () => {
    const { HAIR_TONES } = await import('../src/colour/skin-palette');
    const dark = characterLook(person('m', [{ key: 'hair', value: 'long dark hair' }]));
    expect(dark.warnings).toEqual([]);
    expect(dark.look.hair.r + dark.look.hair.g + dark.look.hair.b).toBeLessThan(150);
    const odd = characterLook(person('z', [{ key: 'hair', value: 'glorpish mop' }]));
    expect(HAIR_TONES.map(hex)).toContain(hex(odd.look.hair));
    expect(odd.warnings).toEqual([`z's hair: no known colour in "glorpish mop"; drawn in a natural tone`]);
  });
});
