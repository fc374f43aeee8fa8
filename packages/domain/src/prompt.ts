import type { CharacterState, EnvironmentContext, EnvironmentIdentity, IdentityPair } from './schemas/fields';
import type { CameraMove, ShotType } from './vocabulary';

// The prompt compiler: one shot's description to the text a generation model receives. Pure, and
// always in the same section order, so the same shot gives the same prompt (and the same input hash).

export interface PromptInput {
  style: string;
  mood: string;
  shotType: ShotType;
  camera: CameraMove;
  action: string;
  narration: string;
  dialogue: { speaker: string; text: string }[];
  characters: { name: string; identity: IdentityPair[]; state: CharacterState }[];
  environment: {
    name: string;
    location: string;
    identity: EnvironmentIdentity;
    context: EnvironmentContext;
  } | null;
  /** The previous shot's narration, for story continuity across the cut. */
  previousNarration: string | null;
  continuesFromPrevious: boolean;
}

export const STYLE_BIBLES: Record<string, string> = {
  ghibli:
    'Hand-painted Studio Ghibli style animation: soft watercolour backgrounds, warm natural light, clean expressive line art, gentle colour palette.',
  cinematic:
    'Cinematic live-action look: anamorphic 35mm lens, shallow depth of field, motivated lighting, filmic colour grade, natural skin tones.',
  cyberpunk:
    'Cyberpunk style: neon magenta and cyan light, wet reflective surfaces, haze, high contrast, dense futuristic detail.',
  realistic:
    'Photorealistic: natural daylight behaviour, true-to-life materials and proportions, documentary camera.',
};

const SHOT_WORDS: Record<ShotType, string> = {
  'extreme-wide': 'Extreme wide shot',
  wide: 'Wide shot',
  medium: 'Medium shot',
  'close-up': 'Close-up',
  'extreme-close-up': 'Extreme close-up',
};

const CAMERA_WORDS: Record<CameraMove, string> = {
  static: 'static camera',
  'pan-left': 'slow pan left',
  'pan-right': 'slow pan right',
  'tilt-up': 'slow tilt up',
  'tilt-down': 'slow tilt down',
  'dolly-in': 'slow dolly in',
  'dolly-out': 'slow dolly out',
  'zoom-in': 'slow zoom in',
  'zoom-out': 'slow zoom out',
};

const clean = (text: string) => text.replace(/\s+/g, ' ').trim();
const sentence = (text: string) => {
  const t = clean(text);
  return t === '' ? '' : /[.!?]$/.test(t) ? t : `${t}.`;
};

function stateWords(state: CharacterState): string {
  return [
    state.expression ? `${state.expression} expression` : '',
    state.posture ? clean(state.posture) : '',
    state.clothing ? `wearing ${clean(state.clothing)}` : '',
  ]
    .filter(Boolean)
    .join(', ');
}

interface Section {
  text: string;
  /** Sections a short prompt can lose, lowest value first; identity locks, set, camera and action never go. */
  optional: number | null;
  /** A shorter form to try before dropping the section. */
  short: string | null;
}

/**
 * Sections in a fixed order: style, consistency, characters, environment, camera, action, speech,
 * continuity. With `maxLength` (a model's prompt limit), optional sections shrink or go, least useful
 * first, and the order never changes; a prompt that is still too long is left for the capability check.
 */
export function compilePrompt(input: PromptInput, maxLength: number | null = null): string {
  const sections: Section[] = [];
  const add = (text: string, optional: number | null = null, short: string | null = null) =>
    sections.push({ text, optional, short });
  const named = STYLE_BIBLES[input.style.toLowerCase()];
  add(
    named ?? `Style: ${sentence(input.style)}`,
    null,
    named ? `Style: ${input.style.toLowerCase()}.` : null,
  );
  if (input.previousNarration) add(`Previously: ${sentence(input.previousNarration)}`, 1);
  add(
    'Maintain absolute visual consistency with the reference images: same faces, hair, clothing colours and set.',
    5,
    'Consistent with the references.',
  );
  for (const c of input.characters) {
    const identity = c.identity
      .filter((p) => clean(p.value) !== '')
      .map((p) => `${clean(p.key)}: ${clean(p.value)}`);
    const state = stateWords(c.state);
    add(
      `${clean(c.name)} (identity locked — ${identity.length ? identity.join('; ') : 'as in the references'})${state ? `, now ${state}` : ''}.`,
    );
  }
  if (input.environment) {
    const e = input.environment;
    const parts = [
      e.location ? clean(e.location) : '',
      e.identity.architecture ? clean(e.identity.architecture) : '',
      e.identity.fixedElements.length
        ? `fixed elements: ${e.identity.fixedElements.map(clean).join(', ')}`
        : '',
      e.identity.palette.length ? `palette: ${e.identity.palette.map(clean).join(', ')}` : '',
    ].filter(Boolean);
    add(`Setting: ${clean(e.name)}${parts.length ? ` — ${parts.join('; ')}` : ''}.`);
    const light = [e.context.lighting, e.context.weather, e.context.timeOfDay].map(clean).filter(Boolean);
    if (light.length) add(`Lighting and time: ${light.join(', ')}.`, 4);
  }
  if (input.mood) add(`Mood: ${sentence(input.mood)}`, 2);
  add(`${SHOT_WORDS[input.shotType]}, ${CAMERA_WORDS[input.camera]}.`);
  if (input.action) add(`Action: ${sentence(input.action)}`);
  for (const line of input.dialogue) add(`${clean(line.speaker)} says: "${clean(line.text)}"`, 6);
  if (input.narration) add(`Narration: "${clean(input.narration)}"`, 3);
  add(
    input.continuesFromPrevious
      ? 'Continue seamlessly from the previous shot’s last frame; keep every character and the set unchanged.'
      : 'Keep every character and the set exactly as established.',
    7,
    input.continuesFromPrevious ? 'Continue from the previous shot’s last frame.' : null,
  );
  const text = () => sections.map((section) => section.text).join('\n');
  if (maxLength === null) return text();
  // First the short forms (the style bible becomes its name), then whole optional sections.
  for (const section of sections) {
    if (text().length <= maxLength) break;
    if (section.short) section.text = section.short;
  }
  const droppable = sections
    .filter((section) => section.optional !== null)
    .sort((a, b) => a.optional! - b.optional!);
  for (const section of droppable) {
    if (text().length <= maxLength) break;
    sections.splice(sections.indexOf(section), 1);
  }
  return text();
}
