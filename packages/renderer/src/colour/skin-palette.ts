import { hash32 } from '@ministudio/domain';
import { parseCss, type Rgb } from './rgb';

// Natural tones for a person whose description names none. A stand-in hue (colourFromText) is right for a
// prop nobody coloured, but on a face it gave purple and green people; a person gets a real tone instead.

/**
 * The Monk Skin Tone scale (Ellis Monk, 2019; the ten orbs Google published as sRGB), lightest to
 * deepest: a range of real human skin tones.
 */
export const SKIN_TONES: readonly Rgb[] = [
  '#f6ede4',
  '#f3e7db',
  '#f7ead0',
  '#eadaba',
  '#d7bd96',
  '#a07e56',
  '#825c43',
  '#604134',
  '#3a312a',
  '#292420',
].map((h) => parseCss(h)!);

/** Natural hair colours: black, dark brown, brown, auburn, dark blond, blond, grey. */
export const HAIR_TONES: readonly Rgb[] = [
  '#1f1a17',
  '#3b2a1e',
  '#5a3a22',
  '#7a3b22',
  '#a07a4a',
  '#d2b27a',
  '#9a9a9a',
].map((h) => parseCss(h)!);

/** Natural eye colours: brown, dark brown, hazel, green, blue, grey. */
export const EYE_TONES: readonly Rgb[] = [
  '#5b3a1e',
  '#3a2414',
  '#8e7618',
  '#4e8a4a',
  '#3f7fc4',
  '#7d8a93',
].map((h) => parseCss(h)!);

/** A tone from a palette for a character key: the same key always gets the same tone. */
export function paletteToneFor(palette: readonly Rgb[], key: string, salt: string): Rgb {
  return palette[hash32(`${salt}:${key}`) % palette.length]!;
}

export const skinToneFor = (key: string): Rgb => paletteToneFor(SKIN_TONES, key, 'skin');
export const hairToneFor = (key: string): Rgb => paletteToneFor(HAIR_TONES, key, 'hair');
export const eyeToneFor = (key: string): Rgb => paletteToneFor(EYE_TONES, key, 'eyes');
