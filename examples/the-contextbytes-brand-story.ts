// The ContextBytes Brand Story (the production journal's Demo 1): a one-minute emotional journey with
// two consistent characters in one locked environment. Compiles to
// packages/domain/samples/the-contextbytes-brand-story.json.
//   pnpm ministudio render examples/the-contextbytes-brand-story.ts --out contextbytes.mp4
import { character, defineProduction, environment, type ShotSpec } from '@ministudio/script';

// EMMA identity grounding
const emma = character('emma', {
  name: 'Emma',
  identity: {
    hair: 'chestnut brown bob',
    eyes: 'amber',
    skin: 'fair with light freckles',
    build: 'slight, early twenties',
    outfit: 'blue sweater',
  },
  defaultState: { expression: 'thoughtful', posture: 'leaning over the desk', clothing: 'blue sweater' },
  voice: { provider: 'espeak', voiceId: 'en-us+f3', rate: 1, pitch: 2 },
});

const david = character('david', {
  name: 'David',
  identity: {
    hair: 'short black hair',
    eyes: 'dark brown',
    skin: 'warm olive',
    build: 'tall, lean, thirties',
    outfit: 'charcoal cardigan over a white shirt, round glasses',
  },
  defaultState: { expression: 'focused', posture: 'standing by the shelves', clothing: 'charcoal cardigan' },
  voice: { provider: 'espeak', voiceId: 'en-us', rate: 0.95, pitch: -3 },
});

const GHIBLI_ATELIER = environment('ghibli-atelier', {
  name: 'GHIBLI_ATELIER',
  location: 'a sunlit attic atelier above a seaside town',
  identity: {
    architecture: 'slanted wooden beams, a round attic window',
    fixedElements: ['mahogany bookshelves', 'desk', 'window', 'hanging plants'],
    palette: ['mahogany', 'warm cream', 'sky blue', 'moss green'],
  },
  context: { lighting: 'soft golden afternoon light', weather: 'clear', timeOfDay: 'afternoon' },
});

type Beat = [name: string, spec: ShotSpec<'emma' | 'david'>];

// The story as beats; keys and numbering are generated (cb-01-establish … cb-06-window).
const beats: Beat[] = [
  [
    'establish',
    {
      shotType: 'extreme-wide',
      action: 'The atelier in afternoon light; dust drifts past the mahogany bookshelves.',
      camera: 'pan-right',
      narration: 'Every story begins with a little context.',
      cast: { emma: {} },
    },
  ],
  [
    'emma-desk',
    {
      action: 'Emma sorts handwritten notes at the desk, frowning at a pile that never ends.',
      camera: 'dolly-in',
      dialogue: ['emma: There has to be a better way to remember all of this.'],
      cast: { emma: { expression: 'thoughtful' } },
    },
  ],
  [
    'david-shelves',
    {
      shotType: 'wide',
      action: 'David pulls a worn notebook from the mahogany shelves and crosses to the desk.',
      camera: 'pan-left',
      dialogue: ['david: What if the notes could remember each other?'],
      cast: { emma: { expression: 'neutral' }, david: { expression: 'focused' } },
    },
  ],
  [
    // Scene 4: The Bloom
    'bloom',
    {
      action: 'Glowing vines of data grow around the desk.',
      camera: 'zoom-out',
      narration: 'Context grows when it is connected.',
      cast: { emma: { expression: 'shocked' }, david: { expression: 'happy' } },
    },
  ],
  [
    'emma-closeup',
    {
      shotType: 'close-up',
      action: 'Emma watches the vines light up, her amber eyes reflecting the glow.',
      dialogue: ["emma: It's all connected. Every idea, right where I need it."],
      cast: { emma: { expression: 'happy' } },
    },
  ],
  [
    'window',
    {
      shotType: 'extreme-wide',
      action: 'The two of them at the round window as the town lights come on below.',
      camera: 'tilt-up',
      narration: 'ContextBytes. Your ideas, connected.',
      cast: { emma: { expression: 'happy' }, david: { expression: 'happy' } },
    },
  ],
];

export default defineProduction({
  project: {
    title: 'The ContextBytes Brand Story',
    style: 'ghibli',
    negativePrompt: 'blurry, distorted faces, extra fingers, text artifacts',
    narrationVoice: { provider: 'espeak', voiceId: 'en-gb', rate: 0.92, pitch: -2 },
  },
  characters: [emma, david],
  environments: [GHIBLI_ATELIER],
  shotDefaults: { duration: 8 },
  scenes: ({ scene, shot }) => [
    scene('atelier', {
      title: 'The Atelier',
      environment: 'ghibli-atelier',
      mood: 'warm, curious, hopeful',
      seed: 424242,
      shots: beats.map(([name, spec], i) => shot(`cb-${String(i + 1).padStart(2, '0')}-${name}`, spec)),
    }),
  ],
});
