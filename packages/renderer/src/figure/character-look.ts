import type { Expression, IdentityPair, ShotContext } from '@ministudio/domain';
import { type ColourDomain, chooseColours, readColours } from '../colour/colour-words';
import type { Rgb } from '../colour/rgb';
import { expressionFor } from './expression';

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
  /** A non-human form of light ("liquid light hologram"): drawn translucent and glowing. */
  hologram: boolean;
  expression: Expression;
}

type Character = ShotContext['characters'][number];

const DEFAULTS = { skin: '#e0b899', hair: '#4a3526', eyes: '#4a3526', outfit: '#6b7b8c' };

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
  const form = field(identity, 'form', 'species', 'body') ?? '';
  const hologram = /hologra|light being|liquid light|ghost|spectral|projection/.test(form.toLowerCase());

  const colour = (label: string, text: string | null, domain: ColourDomain, fallback: string): Rgb[] => {
    if (text === null) return chooseColours(label, fallback, domain).colours;
    const choice = chooseColours(`${character.name}'s ${label}`, text, domain);
    if (choice.warning) warnings.push(choice.warning);
    return choice.colours;
  };
  const hairText = field(identity, 'hair');
  // The shot's clothing leads; the identity's outfit fills in the garments it does not name.
  const identityOutfit = field(identity, 'outfit', 'clothing', 'clothes');
  const stateClothing = character.state.clothing?.trim() ? character.state.clothing : null;
  const outfit = colour('outfit', stateClothing ?? identityOutfit, 'paint', DEFAULTS.outfit);
  if (stateClothing && identityOutfit) {
    for (const extra of readColours(identityOutfit, 'paint')) {
      if (!outfit.some((c) => c.r === extra.r && c.g === extra.g && c.b === extra.b)) outfit.push(extra);
    }
  }
  const build = (field(identity, 'build') ?? '').toLowerCase();
  const look: CharacterLook = {
    key: character.key,
    name: character.name,
    skin: colour('skin', field(identity, 'skin'), 'skin', DEFAULTS.skin)[0]!,
    hair: colour('hair', hairText, 'hair', DEFAULTS.hair)[0]!,
    hairStyle: hologram && hairText === null ? 'none' : hairStyleOf(hairText ?? ''),
    eyes: colour('eyes', field(identity, 'eyes'), 'eyes', DEFAULTS.eyes)[0]!,
    outfit: outfit[0]!,
    outfitAccent: outfit[1] ?? outfit[0]!,
    glasses: /glasses|spectacles/.test(all),
    height: /\btall\b/.test(build) ? 1.08 : /\bshort\b|\bsmall\b|\bchild/.test(build) ? 0.88 : 1,
    width: /slight|slim|lean|thin/.test(build) ? 0.9 : /broad|heavy|stocky|large/.test(build) ? 1.15 : 1,
    hologram,
    expression: expressionFor(character.state.expression),
  };
  // A hologram's skin is its light: take the outfit's glow rather than a human skin tone.
  if (hologram && field(identity, 'skin') === null) look.skin = look.outfit;
  return { look, warnings };
}
