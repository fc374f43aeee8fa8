import { describe, expect, it } from 'vitest';
import { chooseColours, hex, parseCss, readColours } from '../src/index';

const hexes = (phrase: string, domain: Parameters<typeof readColours>[1]) =>
  readColours(phrase, domain).map(hex);

describe('readColours', () => {
  it('reads CSS names, extra colour words and two-word CSS names written apart', () => {
    expect(hexes('blue sweater', 'paint')).toEqual(['#0000ff']);
    expect(hexes('amber', 'eyes')).toEqual(['#ffbf00']);
    expect(hexes('sky blue', 'paint')).toEqual([hex(parseCss('skyblue')!)]);
    expect(hexes('steel blue', 'paint')).toEqual(['#4682b4']);
  });

  it('blends adjacent colour words into one compound colour', () => {
    const [chestnutBrown] = readColours('chestnut brown bob', 'hair');
    const [chestnut] = readColours('chestnut', 'hair');
    const [brown] = readColours('brown', 'hair');
    expect(chestnutBrown).toBeDefined();
    expect(hex(chestnutBrown!)).not.toBe(hex(chestnut!));
    expect(hex(chestnutBrown!)).not.toBe(hex(brown!));
    // Between the two on every channel.
    for (const k of ['r', 'g', 'b'] as const) {
      expect(chestnutBrown![k]).toBeGreaterThanOrEqual(Math.min(chestnut![k], brown![k]) - 2);
      expect(chestnutBrown![k]).toBeLessThanOrEqual(Math.max(chestnut![k], brown![k]) + 2);
    }
  });

  it('keeps the garments of an outfit in order', () => {
    expect(hexes('charcoal cardigan over a white shirt, round glasses', 'paint')).toEqual([
      '#36454f',
      '#ffffff',
    ]);
    expect(hexes('white lab coat over a navy turtleneck', 'paint')).toEqual(['#ffffff', '#000080']);
  });

  it('shades a colour by the modifier before it, without clipping light colours to white', () => {
    const [brown] = readColours('brown', 'paint');
    const [dark] = readColours('dark brown', 'paint');
    const lum = (c: { r: number; g: number; b: number }) => c.r + c.g + c.b;
    expect(lum(dark!)).toBeLessThan(lum(brown!));
    expect(hexes('warm cream', 'paint')[0]).not.toBe('#ffffff');
  });

  it('uses skin shades for skin words, not paint', () => {
    const [olive] = readColours('warm olive', 'skin');
    expect(hex(olive!)).not.toBe('#808000');
    expect(olive!.r).toBeGreaterThan(olive!.b);
  });

  it('finds nothing in a phrase with no colour word', () => {
    expect(readColours('tall humanoid silhouette', 'paint')).toEqual([]);
  });
});

describe('chooseColours', () => {
  it('gives an unknown word a deterministic stand-in colour and a warning', () => {
    const a = chooseColours("Zed's hair", 'glorp-coloured tufts', 'hair');
    const b = chooseColours("Zed's hair", 'glorp-coloured tufts', 'hair');
    const c = chooseColours("Zed's hair", 'blarf tufts', 'hair');
    expect(a.colours.map(hex)).toEqual(b.colours.map(hex));
    expect(a.colours.map(hex)).not.toEqual(c.colours.map(hex));
    expect(a.warning).toContain("Zed's hair");
    expect(a.warning).toContain('glorp-coloured tufts');
  });

  it('gives no warning when a colour is found', () => {
    expect(chooseColours('eyes', 'dark brown', 'eyes').warning).toBeNull();
  });
});
