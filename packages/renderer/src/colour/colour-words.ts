import { colorsNamed } from 'culori';
import { adjust, colourFromText, mix, parseCss, type Rgb } from './rgb';

/** Which part of a character or set a phrase describes: skin and hair words mean other shades than paint. */
export type ColourDomain = 'skin' | 'hair' | 'eyes' | 'paint';

// Common colour words that CSS lacks (culori covers the 148 CSS names: navy, teal, skyblue, ...).
const EXTRA_WORDS: Record<string, string> = {
  amber: '#ffbf00',
  auburn: '#a52a2a',
  blond: '#e6c67a',
  blonde: '#e6c67a',
  brunette: '#5a3a22',
  bronze: '#cd7f32',
  burgundy: '#800020',
  charcoal: '#36454f',
  chestnut: '#954535',
  copper: '#b87333',
  cream: '#fffdd0',
  emerald: '#50c878',
  ginger: '#b06500',
  hazel: '#8e7618',
  jade: '#00a86b',
  mahogany: '#c04000',
  mint: '#98ff98',
  moss: '#8a9a5b',
  mustard: '#e1ad01',
  ochre: '#cc7722',
  platinum: '#e5e4e2',
  ruby: '#e0115f',
  rust: '#b7410e',
  sapphire: '#0f52ba',
  scarlet: '#ff2400',
  taupe: '#483c32',
  terracotta: '#e2725b',
  denim: '#1560bd',
  ebony: '#3d2b1f',
  grey: '#808080',
  gray: '#808080',
  magenta: '#ff00ff',
};

// Words that mean something else on a face: "olive" skin is not the CSS olive (#808000).
const DOMAIN_WORDS: Record<ColourDomain, Record<string, string>> = {
  skin: {
    porcelain: '#f6e3d8',
    pale: '#f3d9c8',
    fair: '#f1d1bd',
    light: '#e8bfa2',
    medium: '#c99a74',
    tan: '#c89670',
    olive: '#b58a61',
    brown: '#8d5a3b',
    dark: '#5c3a26',
    deep: '#4a2d1d',
    ebony: '#3b2417',
  },
  hair: {
    // "dark hair" and "fair hair" name a shade, not a hue.
    dark: '#2a1f18',
    fair: '#d8bc84',
    light: '#b89a6a',
    sandy: '#c2a064',
    black: '#1f1a17',
    brown: '#5a3a22',
    red: '#a5432a',
    grey: '#9a9a9a',
    gray: '#9a9a9a',
    silver: '#c9c9cf',
    white: '#eeeeee',
  },
  eyes: { brown: '#5b3a1e', blue: '#3f7fc4', green: '#4e8a4a', grey: '#7d8a93', gray: '#7d8a93' },
  paint: {},
};

// A word before a colour that changes it: "dark brown", "pale gold", "warm cream".
const MODIFIERS: Record<string, { lightness: number; chroma: number; hue: number }> = {
  light: { lightness: 0.3, chroma: -0.02, hue: 0 },
  pale: { lightness: 0.4, chroma: -0.04, hue: 0 },
  soft: { lightness: 0.2, chroma: -0.03, hue: 0 },
  pastel: { lightness: 0.4, chroma: -0.05, hue: 0 },
  dark: { lightness: -0.3, chroma: 0, hue: 0 },
  deep: { lightness: -0.2, chroma: 0.03, hue: 0 },
  warm: { lightness: 0, chroma: 0.02, hue: -10 },
  cool: { lightness: 0, chroma: 0, hue: 14 },
  bright: { lightness: 0.1, chroma: 0.05, hue: 0 },
  vivid: { lightness: 0, chroma: 0.06, hue: 0 },
  muted: { lightness: 0, chroma: -0.05, hue: 0 },
  dusty: { lightness: 0.05, chroma: -0.05, hue: 0 },
};

function wordColour(word: string, domain: ColourDomain): Rgb | null {
  const special = DOMAIN_WORDS[domain][word] ?? EXTRA_WORDS[word];
  if (special) return parseCss(special);
  if (word in colorsNamed) return parseCss(word);
  return null;
}

/**
 * Reads the colours in a phrase, in order: "charcoal cardigan over a white shirt" gives charcoal then
 * white; adjacent colour words blend ("chestnut brown"); modifiers shade the colour after them.
 */
export function readColours(phrase: string, domain: ColourDomain): Rgb[] {
  const words = phrase
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter(Boolean);
  const found: Rgb[] = [];
  let pending: { lightness: number; chroma: number; hue: number }[] = [];
  let current: Rgb | null = null;
  const flush = () => {
    if (current) found.push(current);
    current = null;
  };
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const next = words[i + 1];
    // Two-word CSS names written apart: "sky blue", "steel blue", "hot pink".
    const joined = next !== undefined ? wordColour(word + next, domain) : null;
    const colour = joined ?? wordColour(word, domain);
    const modifier = MODIFIERS[word];
    // A modifier that is also a skin word ("light tan" vs "light") counts as a modifier when a colour follows.
    if (modifier && next !== undefined && (wordColour(next, domain) || MODIFIERS[next])) {
      flush();
      pending.push(modifier);
      continue;
    }
    if (colour) {
      let shaded = colour;
      for (const change of pending) shaded = adjust(shaded, change);
      pending = [];
      current = current ? mix(current, shaded, 0.5) : shaded;
      if (joined) i++;
      continue;
    }
    pending = [];
    flush();
  }
  flush();
  return found;
}

export interface ColourChoice {
  colours: Rgb[];
  /** Set when the phrase named no colour we know: says what was drawn instead. */
  warning: string | null;
}

/** Colours for a described part, or a deterministic stand-in and a warning; never throws. */
export function chooseColours(label: string, phrase: string, domain: ColourDomain): ColourChoice {
  const colours = readColours(phrase, domain);
  if (colours.length) return { colours, warning: null };
  const text = phrase.trim().toLowerCase();
  return {
    colours: [colourFromText(text)],
    warning: `${label}: no known colour in "${phrase.trim()}"; drawn in a stand-in colour`,
  };
}
