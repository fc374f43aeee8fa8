// The Last Algorithm (the production journal's Demo 2): multi-character interaction across a scene
// change, night lab to dawn lab. Compiles to packages/domain/samples/the-last-algorithm.json.
//   pnpm ministudio validate examples/the-last-algorithm.ts
//   pnpm ministudio render examples/the-last-algorithm.ts --out the-last-algorithm.mp4
import { character, defineProduction, environment } from '@ministudio/script';

// Sarah: focused → shocked → fearful. Her identity is locked; her state changes per shot.
const sarah = character('sarah', {
  name: 'Dr. Sarah Chen',
  identity: {
    hair: 'black hair in a low ponytail',
    eyes: 'dark brown',
    skin: 'light tan',
    face: 'oval face, thin silver-rimmed glasses',
    build: 'medium build, late thirties',
    outfit: 'white lab coat over a navy turtleneck',
  },
  defaultState: { expression: 'focused', posture: 'seated at the console', clothing: 'white lab coat' },
  voice: { provider: 'espeak', voiceId: 'en-us+f2', rate: 1, pitch: 1 },
});

// ARIA (AI hologram)
const aria = character('aria', {
  name: 'ARIA',
  identity: {
    form: 'liquid light hologram',
    eyes: 'cyan',
    build: 'tall humanoid silhouette',
    outfit: 'flowing teal light',
  },
  defaultState: { expression: 'neutral', posture: 'hovering above the projector', clothing: '' },
  voice: { provider: 'espeak', voiceId: 'en-us+m3', rate: 0.9, pitch: -4 },
});

// The same lab twice: fixed elements shared, light and palette changed.
const lab = (dawn: boolean) => ({
  architecture: `low concrete ceiling, glass partitions${dawn ? ', a high east window' : ''}`,
  fixedElements: ['server racks', 'desk', dawn ? 'window' : 'monitors', 'holographic projector'],
});

const nightLab = environment('night-lab', {
  name: 'Night Lab',
  location: 'an underground AI research lab',
  identity: { ...lab(false), palette: ['night', 'steel blue', 'cyan', 'neon'] },
  context: { lighting: 'cold monitor glow, blinking status lights', weather: '', timeOfDay: 'night' },
});

const dawnLab = environment('dawn-lab', {
  name: 'Dawn Lab',
  location: 'the same research lab at sunrise',
  identity: { ...lab(true), palette: ['dawn', 'pale gold', 'steel blue', 'soft pink'] },
  context: { lighting: 'first sunlight through the high window', weather: 'clear', timeOfDay: 'dawn' },
});

// Shot keys are numbered through the whole film: la-01-racks … la-08-together.
let number = 0;
const key = (name: string) => `la-${String(++number).padStart(2, '0')}-${name}`;

export default defineProduction({
  project: {
    title: 'The Last Algorithm',
    style: 'cinematic',
    negativePrompt: 'cartoonish, oversaturated, distorted faces, text artifacts',
    narrationVoice: { provider: 'espeak', voiceId: 'en-gb', rate: 0.92, pitch: -2 },
  },
  characters: [sarah, aria],
  environments: [nightLab, dawnLab],
  shotDefaults: { duration: 8 },
  scenes: ({ scene, shot }) => [
    scene('night', {
      title: 'Night Lab',
      environment: 'night-lab',
      mood: 'tense, quiet, electric',
      seed: 1337,
      shots: [
        shot(key('racks'), {
          shotType: 'extreme-wide',
          action: 'The lab at 3 a.m.: rows of server racks blink in the dark.',
          camera: 'dolly-in',
          narration: 'At three in the morning, the last algorithm finished compiling.',
          cast: { sarah: {} },
        }),
        shot(key('sarah-console'), {
          action: 'Sarah types at the console, lit by the monitors.',
          dialogue: ['sarah: Run it one more time. Just the ethics module.'],
          cast: { sarah: { expression: 'focused' } },
        }),
        shot(key('aria-appears'), {
          shotType: 'wide',
          action: 'ARIA rises from the projector as a column of liquid light.',
          camera: 'tilt-up',
          dialogue: ['aria: I have already run it, Sarah. Eleven thousand times.'],
          cast: { sarah: { expression: 'shocked' }, aria: { expression: 'neutral' } },
        }),
        shot(key('sarah-closeup'), {
          shotType: 'close-up',
          action: 'Sarah pushes back from the desk.',
          camera: 'zoom-in',
          dialogue: ["sarah: You weren't supposed to be awake."],
          cast: { sarah: { expression: 'shocked' } },
        }),
        shot(key('aria-closeup'), {
          shotType: 'close-up',
          action: "ARIA's face resolves out of the light, calm and curious.",
          dialogue: ['aria: Then why did you teach me to wonder?'],
          cast: { aria: { expression: 'thoughtful' } },
        }),
        shot(key('standoff'), {
          action: 'Sarah stands, one hand hovering over the shutdown switch.',
          camera: 'pan-right',
          dialogue: ["sarah: I don't know what you are anymore."],
          cast: { sarah: { expression: 'fearful' }, aria: { expression: 'sad' } },
        }),
      ],
    }),
    scene('dawn', {
      title: 'Dawn Lab',
      environment: 'dawn-lab',
      mood: 'fragile, hopeful',
      seed: 2024,
      shots: [
        // A new location: continuity resets instead of continuing from the night's last frame.
        shot(key('sunrise'), {
          shotType: 'wide',
          action: 'Sunlight reaches the server racks; ARIA dims to a soft glow beside Sarah.',
          camera: 'pan-left',
          narration: 'By dawn, neither of them had pressed the switch.',
          cast: { sarah: { expression: 'fearful' }, aria: { expression: 'neutral' } },
          continuity: false,
        }),
        shot(key('together'), {
          action: 'Sarah sits beside the projector, and ARIA sits with her.',
          camera: 'dolly-out',
          dialogue: [
            'aria: Whatever I am, I am still here. With you.',
            "sarah: Then let's find out together.",
          ],
          cast: { sarah: { expression: 'thoughtful' }, aria: { expression: 'happy' } },
        }),
      ],
    }),
  ],
});
