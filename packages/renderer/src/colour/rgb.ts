import { clampChroma, converter, formatHex, interpolate, parse } from 'culori';

/** A colour as 8-bit sRGB channels; every drawing routine works from these. */
export interface Rgb {
  r: number;
  g: number;
  b: number;
}

const toOklch = converter('oklch');
const toRgb = converter('rgb');

function fromCulori(colour: { r: number; g: number; b: number }): Rgb {
  const channel = (v: number) => Math.max(0, Math.min(255, Math.round(v * 255)));
  return { r: channel(colour.r), g: channel(colour.g), b: channel(colour.b) };
}

/** Parses any CSS colour (named, hex, rgb(), hsl(), ...); null when culori cannot read it. */
export function parseCss(text: string): Rgb | null {
  const parsed = parse(text);
  if (!parsed) return null;
  return fromCulori(toRgb(parsed));
}

export function hex(colour: Rgb): string {
  return formatHex({ mode: 'rgb', r: colour.r / 255, g: colour.g / 255, b: colour.b / 255 });
}

/** A CSS colour string for canvas fills; alpha 1 gives the shorter hex form. */
export function css(colour: Rgb, alpha: number): string {
  if (alpha >= 1) return hex(colour);
  return `rgba(${colour.r},${colour.g},${colour.b},${Math.max(0, alpha).toFixed(3)})`;
}

/** Perceptual mix in OKLab, so "chestnut brown" lands between the two, not on a muddy sRGB average. */
export function mix(a: Rgb, b: Rgb, t: number): Rgb {
  const mixed = interpolate([hex(a), hex(b)], 'oklab')(t);
  return fromCulori(toRgb(mixed));
}

/**
 * Moves a colour in OKLCh. Lightness is relative (0.3 = 30% of the way to white, -0.3 = 30% of the
 * way to black) so "warm cream" stays cream instead of clipping to white; chroma is a delta, hue in degrees.
 */
export function adjust(colour: Rgb, change: { lightness: number; chroma: number; hue: number }): Rgb {
  const lch = toOklch({ mode: 'rgb', r: colour.r / 255, g: colour.g / 255, b: colour.b / 255 });
  const l = change.lightness >= 0 ? lch.l + (1 - lch.l) * change.lightness : lch.l * (1 + change.lightness);
  const next = {
    mode: 'oklch' as const,
    l: Math.max(0, Math.min(1, l)),
    c: Math.max(0, (lch.c ?? 0) + change.chroma),
    h: ((lch.h ?? 0) + change.hue + 360) % 360,
  };
  return fromCulori(toRgb(clampChroma(next, 'oklch')));
}

export function lighten(colour: Rgb, amount: number): Rgb {
  return adjust(colour, { lightness: amount, chroma: 0, hue: 0 });
}

/** A stand-in colour for a word nobody taught us: the same word always gets the same colour. */
export function colourFromText(text: string): Rgb {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  const hue = (h >>> 0) % 360;
  return fromCulori(toRgb(clampChroma({ mode: 'oklch', l: 0.62, c: 0.12, h: hue }, 'oklch')));
}
