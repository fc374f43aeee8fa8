import { adjust, mix, type Rgb } from '../colour/rgb';

/**
 * How a style changes the picture: the colour grade applied to every colour before drawing, and the
 * line work. Layout never depends on it, so switching style keeps every shot's composition.
 */
export interface StyleTreatment {
  name: 'ghibli' | 'cinematic' | 'cyberpunk' | 'realistic';
  grade: (colour: Rgb) => Rgb;
  /** Outline width as a fraction of the frame height; 0 draws no outlines. */
  lineWidth: number;
  /** Outline colour, derived from the filled colour so lines stay in the palette. */
  lineColour: (fill: Rgb) => Rgb;
  /** Soft light added over the set (ghibli haze, cyberpunk glow); alpha 0 means none. */
  haze: { colour: Rgb; alpha: number };
}

const TEAL = { r: 0, g: 128, b: 128 };
const ORANGE = { r: 255, g: 150, b: 60 };
const MAGENTA = { r: 255, g: 40, b: 200 };
const CYAN = { r: 40, g: 230, b: 255 };

export function styleTreatment(style: string): StyleTreatment {
  const key = style.trim().toLowerCase();
  if (key.includes('cyberpunk') || key.includes('neon')) {
    return {
      name: 'cyberpunk',
      grade: (c) => adjust(mix(c, MAGENTA, 0.12), { lightness: -0.15, chroma: 0.05, hue: 0 }),
      lineWidth: 0.004,
      lineColour: (fill) => mix(fill, CYAN, 0.7),
      haze: { colour: MAGENTA, alpha: 0.06 },
    };
  }
  if (key.includes('cinematic') || key.includes('film')) {
    return {
      name: 'cinematic',
      // Teal shadows, orange highlights: the blockbuster grade.
      grade: (c) => {
        const luma = (0.2126 * c.r + 0.7152 * c.g + 0.0722 * c.b) / 255;
        return adjust(mix(c, luma > 0.5 ? ORANGE : TEAL, 0.15), { lightness: -0.05, chroma: 0.01, hue: 0 });
      },
      lineWidth: 0.0015,
      lineColour: (fill) => adjust(fill, { lightness: -0.6, chroma: 0, hue: 0 }),
      haze: { colour: ORANGE, alpha: 0 },
    };
  }
  if (key.includes('realistic') || key.includes('photo')) {
    return {
      name: 'realistic',
      grade: (c) => adjust(c, { lightness: 0, chroma: -0.03, hue: 0 }),
      lineWidth: 0,
      lineColour: (fill) => fill,
      haze: { colour: ORANGE, alpha: 0 },
    };
  }
  // Ghibli is the default for free-text styles too: soft, warm, hand-inked.
  return {
    name: 'ghibli',
    grade: (c) => adjust(c, { lightness: 0.06, chroma: 0.01, hue: -4 }),
    lineWidth: 0.0028,
    lineColour: (fill) => adjust(fill, { lightness: -0.55, chroma: 0.02, hue: 0 }),
    haze: { colour: { r: 255, g: 236, b: 190 }, alpha: 0.08 },
  };
}
