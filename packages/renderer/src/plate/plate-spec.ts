import { createRandom, type EnvironmentContext, type EnvironmentIdentity } from '@ministudio/domain';
import { readColours } from '../colour/colour-words';
import { adjust, colourFromText, mix, parseCss, type Rgb } from '../colour/rgb';
import { styleTreatment } from '../style/style-treatment';
import { planSet, type SetPieceKind } from './set-pieces';

/** What the plate draws an element as: the set-piece vocabulary (an unknown word is a labelled shape). */
export type ElementKind = SetPieceKind;

/** One fixed element of the set, in plate pixels. */
export interface PlateElement {
  kind: ElementKind;
  /** The set piece's id in the layout (`boat-1`), as the take's region sidecar names it. */
  id: string;
  label: string;
  x: number;
  y: number;
  w: number;
  h: number;
  colour: Rgb;
  accent: Rgb;
  /** Seed for the element's own details (book spines, status lights). */
  detailSeed: number;
}

export interface PlateSpec {
  width: number;
  height: number;
  /** Where the back wall meets the floor. */
  horizon: number;
  /** Open air: the back of the set is sky, not a wall. */
  outdoor: boolean;
  wall: Rgb;
  floor: Rgb;
  sky: [Rgb, Rgb];
  /** Light over the whole set: colour and strength (night darkens, dawn warms). */
  light: { colour: Rgb; alpha: number };
  glow: Rgb | null;
  beams: boolean;
  roundWindow: boolean;
  partitions: boolean;
  elements: PlateElement[];
  lineWidth: number;
  lineColour: (fill: Rgb) => Rgb;
  haze: { colour: Rgb; alpha: number };
}

export interface PlateInput {
  /** The location's key ('' for a bare stage): seeds the set's layout, the same in every scene. */
  key: string;
  /** The location line, read for the open air it names outdoors ("a stone harbour"). */
  location: string;
  identity: EnvironmentIdentity;
  context: EnvironmentContext;
  style: string;
  width: number;
  height: number;
  seed: number;
}

type Mood = 'night' | 'dawn' | 'dusk' | 'golden' | 'day';

function moodOf(words: string): Mood {
  if (/night|midnight|moon/.test(words)) return 'night';
  if (/dawn|sunrise|first sunlight/.test(words)) return 'dawn';
  if (/dusk|sunset|twilight|evening/.test(words)) return 'dusk';
  if (/golden|afternoon/.test(words)) return 'golden';
  return 'day';
}

const c = (text: string) => parseCss(text)!;

const SKIES: Record<Mood, [Rgb, Rgb]> = {
  night: [c('#070b22'), c('#1d2a55')],
  dawn: [c('#f5a9b0'), c('#ffe0a8')],
  dusk: [c('#3d2a6b'), c('#ff9a5a')],
  golden: [c('#8ccbef'), c('#ffedc2')],
  day: [c('#7ec0ee'), c('#dff1ff')],
};

const LIGHTS: Record<Mood, { colour: Rgb; alpha: number }> = {
  night: { colour: c('#0a1238'), alpha: 0.5 },
  dawn: { colour: c('#ffb3a0'), alpha: 0.12 },
  dusk: { colour: c('#7a3d8c'), alpha: 0.2 },
  golden: { colour: c('#ffc46b'), alpha: 0.12 },
  day: { colour: c('#ffffff'), alpha: 0 },
};

const lightness = (x: Rgb) => 0.2126 * x.r + 0.7152 * x.g + 0.0722 * x.b;

/**
 * Plans the set from its description: pure and seeded, so the same environment, context, style, size
 * and scene seed always give the same plate, shot after shot and studio after studio.
 */
export function planPlate(input: PlateInput): PlateSpec {
  const { identity, context, width: W, height: H } = input;
  // The scene seed shades the details (book spines, a boat's paint); the layout comes from the location key.
  const random = createRandom(input.seed);
  const style = styleTreatment(input.style);
  const moodWords = [...identity.palette, context.timeOfDay, context.lighting].join(' ').toLowerCase();
  const mood = moodOf(moodWords);
  const neon = /neon|cyber/.test(moodWords) || style.name === 'cyberpunk';

  const palette = identity.palette.flatMap((word) => readColours(word, 'paint'));
  const sorted = [...palette].sort((a, b) => lightness(a) - lightness(b));
  const wood =
    palette.find((_, i) => /mahogany|oak|walnut|wood|teak|chestnut/.test(identity.palette[i] ?? '')) ?? null;
  const darkest = sorted[0] ?? c('#6b4a35');
  const lightest = sorted[sorted.length - 1] ?? c('#e8dcc8');
  const green = palette.find((p) => p.g > p.r && p.g > p.b) ?? c('#6f8f4e');
  const cool = palette.find((p) => p.b > p.r) ?? c('#5a7da0');
  const accent = sorted[Math.floor(sorted.length / 2)] ?? c('#c8a060');

  let wall = mix(lightest, darkest, 0.15);
  if (mood === 'night') wall = adjust(mix(lightest, cool, 0.5), { lightness: -0.55, chroma: 0, hue: 0 });
  const floor = adjust(wood ?? darkest, { lightness: -0.25, chroma: 0, hue: 0 });
  const ground = mix(green, c('#6b5a3a'), 0.55);
  const grade = style.grade;

  const architecture = identity.architecture.toLowerCase();
  const set = planSet({
    key: input.key,
    location: input.location,
    architecture: identity.architecture,
    fixedElements: identity.fixedElements,
  });
  const horizon = Math.round(H * set.horizon);
  // A colour the element's own words name ("a red door") leads; else the kind's colour from the palette.
  const kindColour = (kind: ElementKind, label: string): Rgb => {
    if (kind === 'unknown') return colourFromText(label);
    const named = readColours(label, 'paint')[0];
    if (named) return named;
    switch (kind) {
      case 'server-racks':
      case 'screen':
      case 'console':
      case 'lens':
        return cool;
      case 'plants':
      case 'trees':
        return green;
      case 'sea':
        return mix(cool, c('#2d6f8f'), 0.6);
      case 'sky':
        return SKIES[mood][0];
      case 'mountains':
        return mix(cool, SKIES[mood][1], 0.35);
      case 'quay':
      case 'wall':
        return c('#8d877d');
      case 'road':
        return c('#4a4a4f');
      case 'building':
        return mix(lightest, c('#a08c7a'), 0.5);
      case 'boat':
        return [c('#b8412e'), c('#2f5f8a'), c('#e8e2d4'), c('#3f6e4a')][Math.floor(random() * 4)]!;
      case 'street-lamp':
        return c('#2e3236');
      case 'projector':
        return cool;
      default:
        return wood ?? darkest;
    }
  };
  const elements: PlateElement[] = set.pieces.map((piece) => {
    const [fx, fy, fw, fh] = piece.box;
    const kind = piece.kind;
    return {
      kind,
      id: piece.id,
      label: piece.label,
      x: fx * W,
      y: fy * H,
      w: fw * W,
      h: fh * H,
      colour: grade(kindColour(kind, piece.label)),
      accent: grade(
        kind === 'window' || kind === 'sky'
          ? SKIES[mood][1]
          : kind === 'projector' && neon
            ? c('#27e8ff')
            : kind === 'street-lamp' || kind === 'lamp'
              ? c('#ffd77a')
              : accent,
      ),
      detailSeed: Math.floor(random() * 2 ** 31),
    };
  });

  return {
    width: W,
    height: H,
    horizon,
    outdoor: set.outdoor,
    wall: grade(wall),
    floor: grade(set.outdoor ? ground : floor),
    sky: [grade(SKIES[mood][0]), grade(SKIES[mood][1])],
    light: LIGHTS[mood],
    glow: neon ? grade(c('#ff2fd0')) : null,
    beams: /beam|rafter|timber/.test(architecture),
    roundWindow: /round/.test(architecture),
    partitions: /glass|partition/.test(architecture),
    elements,
    lineWidth: style.lineWidth * H,
    lineColour: (fill) => style.lineColour(fill),
    haze: style.haze,
  };
}
