import type { Production, ProductionShot } from '../schemas/production';
import { CAMERA_MOVES, SHOT_TYPES } from '../vocabulary';

// A long production for measuring the studio at feature-film scale: the API test of a 500-shot project
// and `pnpm bench editor` import the same document. Deterministic (no clock, no randomness): the same
// options always give the same JSON, so a baseline measured on it stays comparable.

export interface LongProductionOptions {
  /** How many shots in all (default 500). */
  shots?: number;
  /** Over how many scenes they are spread (default 25). */
  scenes?: number;
  title?: string;
}

const CHARACTERS = [
  {
    key: 'ada',
    name: 'Ada Quill',
    voiceId: 'en-us+f2',
    hair: 'short copper hair',
    outfit: 'grey field jacket',
  },
  {
    key: 'bram',
    name: 'Bram Osei',
    voiceId: 'en-gb',
    hair: 'close-cropped black hair',
    outfit: 'navy overcoat',
  },
  { key: 'cyd', name: 'Cyd Marrow', voiceId: 'en-us+m3', hair: 'long silver braid', outfit: 'oilskin coat' },
  { key: 'dov', name: 'Dov Ilan', voiceId: 'en-us', hair: 'curly brown hair', outfit: 'mechanic overalls' },
] as const;

const ENVIRONMENTS = [
  { key: 'harbour', name: 'Harbour', location: 'a fog-bound fishing harbour', time: 'dawn' },
  { key: 'archive', name: 'Archive', location: 'a vaulted city archive', time: 'night' },
  { key: 'rooftop', name: 'Rooftop', location: 'a rooftop garden above the city', time: 'dusk' },
  { key: 'tram', name: 'Night Tram', location: 'the last tram across the river', time: 'night' },
  { key: 'workshop', name: 'Workshop', location: 'a cluttered clockmaker’s workshop', time: 'afternoon' },
] as const;

const MOODS = ['quiet, expectant', 'tense', 'warm, nostalgic', 'urgent', 'melancholy'] as const;
const LINES = [
  'We should have left an hour ago.',
  'Keep the lantern low; they watch the water.',
  'Every ledger in here lies a little.',
  'Then we find the one that lies the least.',
  'The clock is running fast again.',
  'No. Everything else is running slow.',
] as const;

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** The shot key of shot `n` (1-based) in the long production: "s07-0123". */
export function longShotKey(scene: number, n: number): string {
  return `s${pad(scene, 2)}-${pad(n, 4)}`;
}

/**
 * A valid production of `shots` shots over `scenes` scenes, four characters and five environments;
 * about a third of the shots speak (dialogue or narration), a sixth follow their speech ("speech"
 * duration), the rest last 2–8 s (7–8 s when they speak). Every tenth shot chooses its own seed, every other one continues.
 */
export function longProduction(options: LongProductionOptions = {}): Production {
  const total = options.shots ?? 500;
  const sceneCount = Math.max(1, Math.min(options.scenes ?? 25, total));
  const perScene = Math.ceil(total / sceneCount);
  let made = 0;
  const scenes: Production['scenes'] = [];
  for (let s = 1; s <= sceneCount && made < total; s++) {
    const env = ENVIRONMENTS[(s - 1) % ENVIRONMENTS.length]!;
    const shots: ProductionShot[] = [];
    for (let i = 0; i < perScene && made < total; i++) {
      made++;
      shots.push(longShot(s, made));
    }
    scenes.push({
      key: `scene-${pad(s, 2)}`,
      title: `Scene ${s}: ${env.name}`,
      environment: env.key,
      mood: MOODS[(s - 1) % MOODS.length]!,
      seed: 1000 + s * 7,
      shots,
    });
  }
  return {
    format: 'ministudio/production',
    version: 1,
    project: {
      title: options.title ?? `Long production (${total} shots)`,
      aspectRatio: '16:9',
      width: 1280,
      height: 720,
      fps: 24,
      style: 'cinematic',
      negativePrompt: 'distorted faces, text artifacts',
      defaultProvider: 'local',
      fitMode: 'letterbox',
      narrationVoice: { provider: 'espeak', voiceId: 'en-gb', rate: 0.95, pitch: 0 },
    },
    characters: CHARACTERS.map((c) => ({
      key: c.key,
      name: c.name,
      identity: [
        { key: 'hair', value: c.hair },
        { key: 'outfit', value: c.outfit },
      ],
      defaultState: { expression: 'watchful', posture: 'standing', clothing: c.outfit },
      voice: { provider: 'espeak', voiceId: c.voiceId, rate: 1, pitch: 0 },
      referenceImages: [],
    })),
    environments: ENVIRONMENTS.map((e) => ({
      key: e.key,
      name: e.name,
      location: e.location,
      identity: { architecture: '', fixedElements: [], palette: [] },
      context: { lighting: '', weather: '', timeOfDay: e.time },
      referenceImages: [],
      plate: null,
    })),
    scenes,
    assets: {},
  };
}

function longShot(scene: number, n: number): ProductionShot {
  const a = CHARACTERS[n % CHARACTERS.length]!;
  const b = CHARACTERS[(n + 1) % CHARACTERS.length]!;
  const speaks = n % 3 === 0;
  const narrates = n % 7 === 0;
  const followsSpeech = speaks && n % 2 === 0;
  return {
    key: longShotKey(scene, n),
    shotType: SHOT_TYPES[n % SHOT_TYPES.length]!,
    action: `${a.name} crosses the frame while ${b.name} watches (shot ${n}).`,
    camera: CAMERA_MOVES[n % CAMERA_MOVES.length]!,
    // A fixed-length shot that speaks is long enough for its line and narration (else it is refused).
    duration: followsSpeech ? 'speech' : speaks || narrates ? 7 + (n % 2) : 2 + (n % 7),
    dialogue: speaks ? [{ character: a.key, text: LINES[n % LINES.length]! }] : [],
    narration: narrates ? `Hour ${n % 24}: the city holds its breath.` : '',
    cast: [
      { character: a.key, state: {} },
      { character: b.key, state: n % 5 === 0 ? { expression: 'uneasy' } : {} },
    ],
    continuity: n % 2 === 0,
    seed: n % 10 === 0 ? n * 31 : null,
    provider: null,
    audioFit: 'auto',
  };
}
