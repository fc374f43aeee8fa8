import type { Expression, IdentityPair, ShotContext } from '@ministudio/domain';
import { type ColourDomain, chooseColours, readColours } from '../colour/colour-words';
import { parseCss, type Rgb } from '../colour/rgb';
import { eyeToneFor, hairToneFor, paletteToneFor, skinToneFor } from '../colour/skin-palette';
import { expressionFor } from './expression';
import { type FigureForm, formOf } from './forms/form';

export type HairStyle = 'bob' | 'ponytail' | 'short' | 'long' | 'bald' | 'none';

/** Everything the figure drawer needs, read once per shot from the character's identity and state. */
export interface CharacterLook {
  key: string;
  name: string;
  skin: Rgb;
  hair: Rgb;
  hairStyle: HairStyle;
  eyes: Rgb;
  outfit: Rgb;
  /** The second garment colour ("... over a white shirt"), or the outfit again. */
  outfitAccent: Rgb;
  glasses: boolean;
  /** Height and width factors from the build ("tall", "slight"). */
  height: number;
  width: number;
  /** What body is drawn: a person unless the identity says otherwise ("robot", "cat"). */
  form: FigureForm;
  /** A non-human form of light ("liquid light hologram"): drawn translucent and glowing. */
  hologram: boolean;
  expression: Expression;
}

type Character = ShotContext['characters'][number];

const DEFAULT_OUTFIT = parseCss('#6b7b8c')!;

// The surface of a body that is not skin, when the identity names no colour for it: brushed steel, a
// pale glow, a grey-green alien; animals get a natural coat from their own palette.
const FORM_SURFACE: Partial<Record<FigureForm, Rgb>> = {
  robot: parseCss('#9aa3ad')!,
  ghost: parseCss('#e6eef8')!,
  alien: parseCss('#8fb98a')!,
};
const FORM_HEIGHT: Partial<Record<FigureForm, number>> = { cat: 0.42, dog: 0.5, bird: 0.34, alien: 0.92 };
const COATS: Partial<Record<FigureForm, Rgb[]>> = {
  cat: ['#c8742e', '#2a2522', '#8a8a8f', '#efe8dc', '#6b4a32', '#b59a78'].map((h) => parseCss(h)!),
  dog: ['#c09060', '#3a2a20', '#efe4d0', '#8a5a30', '#d8b070', '#2c2c2c'].map((h) => parseCss(h)!),
  bird: ['#3a3a40', '#d8d8d0', '#3f7fc4', '#c8402a', '#4e8a4a', '#e0b020'].map((h) => parseCss(h)!),
};

function field(identity: IdentityPair[], ...keys: string[]): string | null {
  for (const key of keys) {
    const pair = identity.find((p) => p.key.trim().toLowerCase() === key);
    if (pair?.value.trim()) return pair.value;
  }
  return null;
}

function hairStyleOf(text: string): HairStyle {
  const t = text.toLowerCase();
  if (/\bbald|shaved\b/.test(t)) return 'bald';
  if (/ponytail|bun|braid/.test(t)) return 'ponytail';
  if (/\bbob\b/.test(t)) return 'bob';
  if (/\blong\b|flowing|wavy/.test(t)) return 'long';
  return 'short';
}

/** Reads a character's look; words it cannot colour become warnings, never errors. */
export function characterLook(character: Character): { look: CharacterLook; warnings: string[] } {
  const warnings: string[] = [];
  const { identity } = character;
  const all = [...identity.map((p) => p.value), character.state.clothing ?? ''].join(' ').toLowerCase();
  const form = formOf(identity);
  const hologram = form === 'hologram';

  // A part nobody described takes its fallback as it is (a natural tone for a person), not a stand-in hue.
  const colour = (label: string, text: string | null, domain: ColourDomain, fallback: Rgb): Rgb[] => {
    if (text === null) return [fallback];
    const choice = chooseColours(`${character.name}'s ${label}`, text, domain);
    if (choice.warning && domain !== 'paint') {
      // A face, hair or eyes in a stand-in hue (green hair, purple skin) read as a different species:
      // keep a natural tone and say so.
      warnings.push(
        `${character.name}'s ${label}: no known colour in "${text.trim()}"; drawn in a natural tone`,
      );
      return [fallback];
    }
    if (choice.warning) warnings.push(choice.warning);
    return choice.colours;
  };
  const hairText = field(identity, 'hair');
  // The shot's clothing leads; the identity's outfit fills in the garments it does not name.
  const identityOutfit = field(identity, 'outfit', 'clothing', 'clothes');
  const stateClothing = character.state.clothing?.trim() ? character.state.clothing : null;
  const outfit = colour('outfit', stateClothing ?? identityOutfit, 'paint', DEFAULT_OUTFIT);
  if (stateClothing && identityOutfit) {
    for (const extra of readColours(identityOutfit, 'paint')) {
      if (!outfit.some((c) => c.r === extra.r && c.g === extra.g && c.b === extra.b)) outfit.push(extra);
    }
  }
  const build = (field(identity, 'build') ?? '').toLowerCase();
  const look: CharacterLook = {
    key: character.key,
    name: character.name,
    skin: colour('skin', field(identity, 'skin'), 'skin', skinToneFor(character.key))[0]!,
    hair: colour('hair', hairText, 'hair', hairToneFor(character.key))[0]!,
    hairStyle: form !== 'human' && hairText === null ? 'none' : hairStyleOf(hairText ?? ''),
    eyes: colour('eyes', field(identity, 'eyes'), 'eyes', eyeToneFor(character.key))[0]!,
    outfit: outfit[0]!,
    outfitAccent: outfit[1] ?? outfit[0]!,
    glasses: /glasses|spectacles/.test(all),
    // An animal is staged at its own size: a cat stands about as high as a person's knee.
    height:
      (FORM_HEIGHT[form] ?? 1) *
      (/\btall\b/.test(build) ? 1.08 : /\bshort\b|\bsmall\b|\bchild/.test(build) ? 0.88 : 1),
    width: /slight|slim|lean|thin/.test(build) ? 0.9 : /broad|heavy|stocky|large/.test(build) ? 1.15 : 1,
    form,
    hologram,
    expression: expressionFor(character.state.expression),
  };
  // A hologram's skin is its light: take the outfit's glow rather than a human skin tone.
  if (hologram && field(identity, 'skin') === null) look.skin = look.outfit;
  // Any other body that is not a person's: its surface is the described colour (fur, metal, plumage), else
  // the form's own; `skin` is what the form drawers paint the body with.
  if (form !== 'human' && form !== 'hologram') {
    const surfaceText = field(
      identity,
      'fur',
      'coat',
      'feathers',
      'plumage',
      'colour',
      'color',
      'finish',
      'skin',
    );
    const coats = COATS[form];
    const fallback = coats ? paletteToneFor(coats, character.key, form) : FORM_SURFACE[form]!;
    look.skin = surfaceText === null ? fallback : colour('body', surfaceText, 'paint', fallback)[0]!;
  }
  return { look, warnings };
}
