import { createRandom, type ShotContext } from '@ministudio/domain';

// The set pieces a location's words name, and where the plate puts them: pure data in fractions of the
// plate, so the plate drawer, the take's region sidecar (TakeRegions.elements) and tests all read the
// same layout. The layout is seeded by the location's key, so a place is laid out the same in every shot
// and scene that uses it.

/** The set-piece vocabulary; 'unknown' is a named element we cannot draw, shown as a labelled shape. */
export const SET_PIECE_KINDS = [
  'sky',
  'mountains',
  'sea',
  'quay',
  'road',
  'boat',
  'building',
  'wall',
  'window',
  'door',
  'shelves',
  'server-racks',
  'screen',
  'console',
  'lens',
  'projector',
  'plants',
  'trees',
  'street-lamp',
  'lamp',
  'desk',
  'table',
  'chair',
  'bed',
  'unknown',
] as const;
export type SetPieceKind = (typeof SET_PIECE_KINDS)[number];

/** `[x, y, w, h]` as fractions (0..1) of the plate's width and height, top-left origin. */
export type PieceBox = [number, number, number, number];

export interface SetPiece {
  /** Stable within the location: `<kind>-<n>`, n counting that kind in the order the words name it. */
  id: string;
  kind: SetPieceKind;
  /** The location's words the piece was drawn for (an element, or the location line it was read from). */
  label: string;
  box: PieceBox;
}

export interface SetPieceInput {
  /** The location's key; '' for a bare stage. Seeds the layout. */
  key: string;
  /** The location line ("a stone harbour with a fishing boat"): scene-scale pieces are read from it outdoors. */
  location: string;
  architecture: string;
  fixedElements: readonly string[];
}

export interface SetLayout {
  /** Where the ground people stand on meets what is behind it, as a fraction of the plate height. */
  horizon: number;
  /** Open air: a sky instead of a back wall. */
  outdoor: boolean;
  pieces: SetPiece[];
}

// Tried in order on each phrase; a match is blanked out before the next pattern, so "street lamp" is a
// lamp post and not also a road. A pattern may give several pieces: a harbour is water and a quay.
const VOCABULARY: { pattern: RegExp; kinds: SetPieceKind[] }[] = [
  { pattern: /street ?lamps?|lamp ?posts?|street ?lights?|gas ?lamps?/, kinds: ['street-lamp'] },
  { pattern: /harbou?rs?|\bports?\b|marinas?/, kinds: ['sea', 'quay'] },
  {
    pattern: /quays?|piers?|\bdocks?\b|jett(y|ies)|wharf|wharves|boardwalk|promenade|embankment/,
    kinds: ['quay'],
  },
  { pattern: /\bsea\b|ocean|water\b|\bbay\b|lakes?\b|river|waves|\bbeach|shore|coast/, kinds: ['sea'] },
  {
    pattern:
      /\b(boats?|ships?|dinghy|trawlers?|yachts?|canoes?|ferry|rowboats?|sailboats?|vessels?|fishing smack)\b/,
    kinds: ['boat'],
  },
  { pattern: /server|racks?\b/, kinds: ['server-racks'] },
  { pattern: /projector|hologra/, kinds: ['projector'] },
  { pattern: /consoles?|control panel|dashboard|terminals?|keyboards?|switchboard/, kinds: ['console'] },
  { pattern: /screens?|monitors?|displays?|\btvs?\b|television/, kinds: ['screen'] },
  { pattern: /lens(es)?\b|telescopes?|microscopes?|magnif/, kinds: ['lens'] },
  { pattern: /shel(f|ves)|bookcases?|books|cabinets?|cupboards?/, kinds: ['shelves'] },
  { pattern: /windows?|portholes?|skylights?/, kinds: ['window'] },
  { pattern: /doors?|doorways?|gates?\b|hatch/, kinds: ['door'] },
  { pattern: /\bsky\b|clouds?|\bstars\b|\bmoon\b|\bsun\b/, kinds: ['sky'] },
  { pattern: /mountains?|hills?|peaks?|cliffs?|dunes?/, kinds: ['mountains'] },
  {
    pattern: /\broads?\b|streets?|avenue|\blanes?\b|\bpaths?\b|alley|pavement|highway|square\b/,
    kinds: ['road'],
  },
  {
    pattern: /\b(buildings?|houses?|skyline|towers?|facades?|shops?|warehouses?|town|city|cottages?)\b/,
    kinds: ['building'],
  },
  { pattern: /\bwalls?\b|brickwork|bricks/, kinds: ['wall'] },
  { pattern: /trees?\b|forest|woods?\b|palms?\b|pines?\b|orchard/, kinds: ['trees'] },
  { pattern: /plants?|ferns?|flowers?|vines?|pot(ted)?\b|succulents?/, kinds: ['plants'] },
  { pattern: /\blamps?\b|lanterns?|chandeliers?|sconces?|\blights?\b|bulbs?/, kinds: ['lamp'] },
  { pattern: /desks?|workbench|\bbench(es)?\b|counters?|\bbar\b/, kinds: ['desk'] },
  { pattern: /tables?/, kinds: ['table'] },
  { pattern: /chairs?|stools?|armchairs?|sofas?|couch|\bseats?\b/, kinds: ['chair'] },
  { pattern: /\bbeds?\b|bunks?|\bcots?\b|hammock/, kinds: ['bed'] },
];

/** The pieces a phrase names, in vocabulary order; empty when it names none. */
export function setPieceKindsOf(phrase: string): SetPieceKind[] {
  let rest = ` ${phrase.toLowerCase()} `;
  const kinds: SetPieceKind[] = [];
  for (const entry of VOCABULARY) {
    const global = new RegExp(entry.pattern.source, 'g');
    if (!global.test(rest)) continue;
    // Word characters, so the blank never makes a word boundary ("lighthouse" minus "house" is not "light").
    rest = rest.replace(global, (m) => '_'.repeat(m.length));
    for (const kind of entry.kinds) if (!kinds.includes(kind)) kinds.push(kind);
  }
  return kinds;
}

const INDOOR =
  /\b(room|lab|laboratory|office|kitchen|studio|atelier|attic|interior|inside|library|workshop|archive|tram|train|bus|cabin|hall|bedroom|cellar|basement|bunker|shop floor|corridor|underground|apartment|flat|classroom|bar|cafe|café|warehouse)\b/;
const OUTDOOR =
  /\b(harbou?r|port|quay|pier|dock|beach|shore|coast|sea|ocean|street|road|alley|square|forest|woods|park|garden|rooftop|field|meadow|mountain|hill|desert|outside|outdoors|village|cliff|river|lake|jetty)\b/;
// Pieces that only make sense as the open air around people, read from the location line outdoors.
const SCENE_SCALE: readonly SetPieceKind[] = [
  'sky',
  'mountains',
  'sea',
  'quay',
  'road',
  'building',
  'trees',
  'boat',
];
const OPEN_AIR: readonly SetPieceKind[] = ['sky', 'mountains', 'sea', 'quay', 'road', 'trees', 'street-lamp'];

/** Wall row: standing against the back (or on the far side of the ground), side by side. */
const BACK_ROW: readonly SetPieceKind[] = [
  'building',
  'wall',
  'window',
  'door',
  'shelves',
  'server-racks',
  'screen',
  'lens',
  'plants',
  'trees',
  'street-lamp',
  'lamp',
  'unknown',
];
/** Floor row: standing on the ground in front of the back row, behind the people. */
const FLOOR_ROW: readonly SetPieceKind[] = ['desk', 'table', 'console', 'chair', 'bed', 'projector'];

const MAX_WIDTH: Partial<Record<SetPieceKind, number>> = {
  building: 0.34,
  wall: 0.5,
  window: 0.3,
  door: 0.2,
  shelves: 0.3,
  'server-racks': 0.36,
  screen: 0.34,
  lens: 0.2,
  plants: 0.34,
  trees: 0.45,
  'street-lamp': 0.16,
  lamp: 0.16,
  unknown: 0.2,
};

const r3 = (v: number) => Math.round(v * 1000) / 1000;
const clampBox = ([x, y, w, h]: PieceBox): PieceBox => {
  const x0 = Math.max(0, Math.min(1, x));
  const y0 = Math.max(0, Math.min(1, y));
  return [
    r3(x0),
    r3(y0),
    r3(Math.max(0, Math.min(1 - x0, w - (x0 - x)))),
    r3(Math.max(0, Math.min(1 - y0, h - (y0 - y)))),
  ];
};

function keySeed(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * Reads a location's set pieces and lays them out: every fixed element becomes the pieces it names (or
 * one 'unknown' labelled shape), and outdoors the location line adds the open air it names (a harbour
 * is water and a quay). Pure and seeded by the location key.
 */
export function planSet(input: SetPieceInput): SetLayout {
  const random = createRandom(keySeed(`set:${input.key}`));
  const horizon = r3(0.66 + random() * 0.04);
  const named: { kind: SetPieceKind; label: string }[] = [];
  for (const element of input.fixedElements) {
    const label = element.trim();
    if (!label) continue;
    const kinds = setPieceKindsOf(label);
    if (!kinds.length) named.push({ kind: 'unknown', label });
    for (const kind of kinds) named.push({ kind, label });
  }
  const placeWords = `${input.location} ${input.architecture}`.toLowerCase();
  const indoor = INDOOR.test(placeWords);
  const outdoor = !indoor && (OUTDOOR.test(placeWords) || named.some((n) => OPEN_AIR.includes(n.kind)));
  if (outdoor) {
    for (const kind of setPieceKindsOf(input.location)) {
      if (SCENE_SCALE.includes(kind) && !named.some((n) => n.kind === kind))
        named.push({ kind, label: input.location.trim() });
    }
  }

  const has = (kind: SetPieceKind) => named.some((n) => n.kind === kind);
  // Outdoors over water, the far shore sits higher than the ground people stand on: water between.
  const far = outdoor && has('sea') ? r3(horizon - 0.16 - random() * 0.04) : horizon;
  const counts = new Map<SetPieceKind, number>();
  const pieces: SetPiece[] = [];
  const add = (kind: SetPieceKind, label: string, box: PieceBox) => {
    const n = (counts.get(kind) ?? 0) + 1;
    counts.set(kind, n);
    pieces.push({ id: `${kind}-${n}`, kind, label, box: clampBox(box) });
  };

  // Full-width layers first, in painting order: sky, mountains, sea, the ground.
  for (const kind of ['sky', 'mountains', 'sea', 'quay', 'road'] as const) {
    for (const n of named.filter((p) => p.kind === kind)) {
      if (!outdoor && (kind === 'sky' || kind === 'mountains' || kind === 'sea')) continue;
      if (kind === 'sky') add(kind, n.label, [0, 0, 1, far]);
      if (kind === 'mountains') add(kind, n.label, [0, far - 0.2 - random() * 0.06, 1, 0.26]);
      if (kind === 'sea')
        add(kind, n.label, [0, far, 1, horizon - far + (has('quay') || has('road') ? 0 : 1 - horizon)]);
      if (kind === 'quay' || kind === 'road') add(kind, n.label, [0, horizon, 1, 1 - horizon]);
    }
  }
  // Boats float on the water (or sit on the far side of the ground when there is none).
  const boats = named.filter((p) => p.kind === 'boat');
  boats.forEach((n, i) => {
    const w = 0.2 + random() * 0.08;
    const x = (i + 0.5) / boats.length - w / 2 + (random() - 0.5) * 0.3;
    const waterline = outdoor && has('sea') ? far + (horizon - far) * 0.55 : horizon;
    add('boat', n.label, [Math.max(0.02, Math.min(0.98 - w, x)), waterline - 0.14, w, 0.17]);
  });

  // The back row shares the width in the order the words name it; indoors the open-air words that a
  // room cannot hold (a sea, a sky) hang on the wall as a view.
  const back = named.filter(
    (p) =>
      BACK_ROW.includes(p.kind) ||
      (!outdoor && (p.kind === 'sky' || p.kind === 'sea' || p.kind === 'mountains')),
  );
  const slot = 1 / Math.max(1, back.length);
  back.forEach((n, i) => {
    // Outdoors, buildings and trees stand on the far shore; smaller things stand at the back of the ground.
    const base =
      outdoor && (n.kind === 'building' || n.kind === 'trees' || n.kind === 'wall') ? far : horizon;
    // A lone piece does not stretch across the set: each kind has a widest it can be, centred in its slot.
    const w = Math.min(slot * (0.6 + random() * 0.15), MAX_WIDTH[n.kind] ?? 0.3);
    const x = slot * i + (slot - w) * (0.3 + random() * 0.4);
    const tall = (top: number) => [x, top, w, base - top] as PieceBox;
    const boxes: Partial<Record<SetPieceKind, PieceBox>> = {
      building: tall(base - 0.3 - random() * 0.2),
      wall: outdoor ? tall(base - 0.18) : [x, 0.04, w, base - 0.04],
      window: [x, 0.12, w, 0.3],
      door: [x + w * 0.2, base - 0.44, w * 0.6, 0.44],
      shelves: tall(0.12),
      'server-racks': tall(0.1),
      screen: [x, base - 0.34, w, 0.18],
      lens: [x + w * 0.1, base - 0.4, w * 0.8, 0.4],
      plants: [x, 0.02, w, 0.22],
      trees: tall(outdoor ? 0.08 + random() * 0.1 : 0.2),
      'street-lamp': [x + w * 0.35, base - 0.46, w * 0.3, 0.46],
      lamp: [x, 0.06, w, 0.2],
      unknown: [x, base - 0.28, w, 0.28],
      sky: [x, 0.12, w, 0.3],
      sea: [x, 0.12, w, 0.3],
      mountains: [x, 0.12, w, 0.3],
    };
    add(n.kind, n.label, boxes[n.kind] ?? [x, base - 0.28, w, 0.28]);
  });

  // The floor row stands just in front of the back wall, spread over the middle where people stand.
  const floor = named.filter((p) => FLOOR_ROW.includes(p.kind));
  const sizes: Record<string, [number, number]> = {
    desk: [0.26, 0.13],
    table: [0.22, 0.12],
    console: [0.3, 0.14],
    chair: [0.07, 0.14],
    bed: [0.3, 0.12],
    projector: [0.09, 0.06],
  };
  // Side by side with a gap, centred, shrunk to fit when there are many: furniture never overlaps.
  const gap = 0.03;
  const natural = floor.reduce((sum, n) => sum + (sizes[n.kind]?.[0] ?? 0.1), 0) + gap * (floor.length - 1);
  const fit = Math.min(1, 0.92 / Math.max(natural, 0.001));
  let cursor = 0.5 - (natural * fit) / 2 + (random() - 0.5) * 0.04 * fit;
  for (const n of floor) {
    const [w, h] = sizes[n.kind] ?? [0.1, 0.1];
    add(n.kind, n.label, [cursor, horizon + 0.05, w * fit, h * fit]);
    cursor += (w + gap) * fit;
  }
  return { horizon, outdoor, pieces };
}

/** The pieces of a location, laid out in fractions of the plate. The sidecar's `elements` read these. */
export function layoutSetPieces(input: SetPieceInput): SetPiece[] {
  return planSet(input).pieces;
}

/** The set-piece input of a shot's location (a bare stage when the shot has none). */
export function setPieceInputFor(shot: Pick<ShotContext, 'environment'>): SetPieceInput {
  const env = shot.environment;
  return {
    key: env?.key ?? '',
    location: env?.location ?? '',
    architecture: env?.identity.architecture ?? '',
    fixedElements: env?.identity.fixedElements ?? [],
  };
}

/** Notes for a take: the named elements the animatic could only draw as labelled shapes. */
export function unknownSetPieceNotes(pieces: readonly SetPiece[]): string[] {
  const unknown = pieces.filter((p) => p.kind === 'unknown').map((p) => `"${p.label}"`);
  if (!unknown.length) return [];
  return [`The animatic has no drawing for ${unknown.join(', ')}: drawn as a labelled shape.`];
}
