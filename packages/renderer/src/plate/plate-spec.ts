import { createRandom, type EnvironmentContext, type EnvironmentIdentity } from '@ministudio/domain';
import { readColours } from '../colour/colour-words';
import { adjust, colourFromText, mix, parseCss, type Rgb } from '../colour/rgb';
import { styleTreatment } from '../style/style-treatment';

export type ElementKind =
  | 'bookshelves'
  | 'desk'
  | 'window'
  | 'plants'
  | 'server-racks'
  | 'monitors'
  | 'projector'
  | 'lamp'
  | 'prop';

/** One fixed element of the set, in plate pixels. */
export interface PlateElement {
  kind: ElementKind;
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

function kindOf(label: string): ElementKind {
  const t = label.toLowerCase();
  if (/shel|bookcase|books/.test(t)) return 'bookshelves';
  if (/server|rack/.test(t)) return 'server-racks';
  if (/monitor|screen|display/.test(t)) return 'monitors';
  if (/projector|hologra/.test(t)) return 'projector';
  if (/window/.test(t)) return 'window';
  if (/plant|fern|flower|vine/.test(t)) return 'plants';
  if (/lamp|light/.test(t)) return 'lamp';
  if (/desk|table|console|bench|counter/.test(t)) return 'desk';
  return 'prop';
}

const lightness = (x: Rgb) => 0.2126 * x.r + 0.7152 * x.g + 0.0722 * x.b;

/**
 * Plans the set from its description: pure and seeded, so the same environment, context, style, size
 * and scene seed always give the same plate, shot after shot and studio after studio.
 */
export function planPlate(input: PlateInput): PlateSpec {
  const { identity, context, width: W, height: H } = input;
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
  const grade = style.grade;

  const architecture = identity.architecture.toLowerCase();
  const labels = identity.fixedElements;
  const horizon = Math.round(H * (0.66 + random() * 0.04));
  const elements: PlateElement[] = [];
  // Wall elements share the back wall in order; jitter comes from the seed.
  const wallLabels = labels.filter((l) => kindOf(l) !== 'desk' && kindOf(l) !== 'projector');
  const floorLabels = labels.filter((l) => kindOf(l) === 'desk' || kindOf(l) === 'projector');
  const slot = W / Math.max(1, wallLabels.length);
  wallLabels.forEach((label, i) => {
    const kind = kindOf(label);
    const x0 = slot * i + slot * (0.08 + random() * 0.08);
    const w = slot * (0.6 + random() * 0.15);
    const base =
      kind === 'server-racks' || kind === 'monitors' ? cool : kind === 'plants' ? green : (wood ?? darkest);
    const colourFor = kind === 'prop' ? colourFromText(label) : base;
    const geometry: Record<ElementKind, [number, number]> = {
      bookshelves: [H * 0.12, horizon - H * 0.12],
      'server-racks': [H * 0.1, horizon - H * 0.1],
      window: [H * 0.12, H * 0.32],
      plants: [H * 0.02, H * 0.22],
      monitors: [horizon - H * 0.3, H * 0.16],
      lamp: [H * 0.06, H * 0.2],
      prop: [horizon - H * 0.28, H * 0.28],
      desk: [0, 0],
      projector: [0, 0],
    };
    const [y, h] = geometry[kind];
    elements.push({
      kind,
      label,
      x: x0,
      y,
      w,
      h,
      colour: grade(colourFor),
      accent: grade(kind === 'window' ? SKIES[mood][1] : accent),
      detailSeed: Math.floor(random() * 2 ** 31),
    });
  });
  floorLabels.forEach((label, i) => {
    const kind = kindOf(label);
    const w = kind === 'desk' ? W * 0.26 : W * 0.09;
    const x = W * (0.3 + ((i + 0.5) / floorLabels.length) * 0.4) - w / 2 + (random() - 0.5) * W * 0.04;
    const h = kind === 'desk' ? H * 0.13 : H * 0.06;
    elements.push({
      kind,
      label,
      x,
      y: horizon + H * 0.05,
      w,
      h,
      colour: grade(kind === 'desk' ? (wood ?? darkest) : cool),
      accent: grade(neon ? c('#27e8ff') : accent),
      detailSeed: Math.floor(random() * 2 ** 31),
    });
  });

  return {
    width: W,
    height: H,
    horizon,
    wall: grade(wall),
    floor: grade(floor),
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
