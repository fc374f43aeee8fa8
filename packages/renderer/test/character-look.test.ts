import { describe, expect, it } from 'vitest';
import { characterLook, expressionFor, faceShape, hex, readColours } from '../src/index';
import { contextBytes, lastAlgorithm } from './helpers/fixtures';

describe('characterLook', () => {
  it('takes Emma’s colours from her identity and her clothing from the merged state', () => {
    const emma = contextBytes()[1]!.characters[0]!;
    const { look, warnings } = characterLook(emma);
    expect(warnings).toEqual([]);
    expect(hex(look.eyes)).toBe('#ffbf00');
    expect(hex(look.outfit)).toBe('#0000ff');
    expect(hex(look.hair)).toBe(hex(readColours('chestnut brown bob', 'hair')[0]!));
    expect(look.hairStyle).toBe('bob');
    expect(look.expression).toBe('thoughtful');
    expect(look.hologram).toBe(false);
  });

  it('finds David’s glasses and two-garment outfit', () => {
    const david = contextBytes()[2]!.characters[1]!;
    const { look } = characterLook(david);
    expect(look.glasses).toBe(true);
    expect(hex(look.outfitAccent)).toBe('#ffffff');
    expect(look.height).toBeGreaterThan(1);
  });

  it('treats a "liquid light hologram" form as a hologram', () => {
    const aria = lastAlgorithm()
      .flatMap((s) => s.characters)
      .find((c) => c.key === 'aria')!;
    const { look, warnings } = characterLook(aria);
    expect(look.hologram).toBe(true);
    expect(look.hairStyle).toBe('none');
    expect(hex(look.eyes)).toBe('#00ffff');
    expect(warnings).toEqual([]);
  });

  it('warns about colour words it does not know and still returns a look', () => {
    const { look, warnings } = characterLook({
      key: 'zed',
      name: 'Zed',
      identity: [
        { key: 'hair', value: 'glorpish mop' },
        { key: 'eyes', value: 'blue' },
      ],
      state: { clothing: 'a frumious tabard', expression: 'angry' },
    });
    expect(warnings).toHaveLength(2);
    expect(warnings.some((w) => w.includes("Zed's hair") && w.includes('glorpish mop'))).toBe(true);
    expect(warnings.some((w) => w.includes("Zed's outfit"))).toBe(true);
    expect(look.expression).toBe('angry');
  });
});

describe('expressions', () => {
  it('reads the eight expressions and common synonyms, neutral otherwise', () => {
    expect(expressionFor('fearful')).toBe('fearful');
    expect(expressionFor('quietly shocked')).toBe('shocked');
    expect(expressionFor('terrified')).toBe('fearful');
    expect(expressionFor('smiling')).toBe('happy');
    expect(expressionFor('inscrutable')).toBe('neutral');
    expect(expressionFor(undefined)).toBe('neutral');
  });

  it('grows with intensity: more intensity, more of the expression', () => {
    expect(faceShape('happy', 1.3).smile).toBeGreaterThan(faceShape('happy', 0.8).smile);
    expect(faceShape('angry', 1.3).browTilt).toBeGreaterThan(faceShape('angry', 0.8).browTilt);
    expect(faceShape('shocked', 1).eyeOpen).toBeGreaterThan(faceShape('neutral', 1).eyeOpen);
    expect(faceShape('sad', 1).smile).toBeLessThan(0);
  });
});
