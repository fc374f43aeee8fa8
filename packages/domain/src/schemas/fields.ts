import Type, { type Static } from 'typebox';
import {
  ANIMATIC_TEXT,
  ASPECT_RATIOS,
  AUDIO_FIT_POLICIES,
  CAMERA_MOVES,
  FIT_MODES,
  SHOT_TYPES,
} from '../vocabulary';
import { EntityKey, Nullable, StringEnum } from './helpers';

// Editable fields of each entity, shared by the production format, the HTTP API and the editor.

export const SEED_MAX = 2_147_483_647;
export const Seed = Type.Integer({ minimum: 0, maximum: SEED_MAX });

const ShortText = (max: number) => Type.String({ maxLength: max });
const Name = Type.String({ minLength: 1, maxLength: 80 });

export const Voice = Type.Object(
  {
    provider: Type.String({ maxLength: 40, description: 'Speech provider id, e.g. espeak' }),
    voiceId: Type.String({ maxLength: 120 }),
    rate: Type.Number({ minimum: 0.5, maximum: 2, description: 'Speaking rate, 1 = normal' }),
    pitch: Type.Number({ minimum: -12, maximum: 12, description: 'Pitch offset in semitones' }),
  },
  { additionalProperties: false },
);
export type Voice = Static<typeof Voice>;

export const CharacterState = Type.Object(
  {
    expression: Type.Optional(ShortText(60)),
    posture: Type.Optional(ShortText(120)),
    clothing: Type.Optional(ShortText(200)),
  },
  { additionalProperties: false },
);
export type CharacterState = Static<typeof CharacterState>;

export const IdentityPair = Type.Object(
  { key: Type.String({ minLength: 1, maxLength: 40 }), value: ShortText(500) },
  { additionalProperties: false },
);
export type IdentityPair = Static<typeof IdentityPair>;

export const CharacterFields = Type.Object(
  {
    name: Name,
    identity: Type.Array(IdentityPair, { maxItems: 40 }),
    defaultState: CharacterState,
    voice: Voice,
  },
  { additionalProperties: false },
);
export type CharacterFields = Static<typeof CharacterFields>;

export const EnvironmentIdentity = Type.Object(
  {
    architecture: ShortText(500),
    fixedElements: Type.Array(Type.String({ minLength: 1, maxLength: 80 }), { maxItems: 40 }),
    palette: Type.Array(Type.String({ minLength: 1, maxLength: 80 }), { maxItems: 20 }),
  },
  { additionalProperties: false },
);
export type EnvironmentIdentity = Static<typeof EnvironmentIdentity>;

export const EnvironmentContext = Type.Object(
  { lighting: ShortText(200), weather: ShortText(200), timeOfDay: ShortText(60) },
  { additionalProperties: false },
);
export type EnvironmentContext = Static<typeof EnvironmentContext>;

export const EnvironmentFields = Type.Object(
  {
    name: Name,
    location: ShortText(200),
    identity: EnvironmentIdentity,
    context: EnvironmentContext,
  },
  { additionalProperties: false },
);
export type EnvironmentFields = Static<typeof EnvironmentFields>;

export const SceneFields = Type.Object(
  {
    title: ShortText(120),
    mood: ShortText(200),
    seed: Seed,
  },
  { additionalProperties: false },
);
export type SceneFields = Static<typeof SceneFields>;

export const DialogueLine = Type.Object(
  { character: EntityKey, text: Type.String({ minLength: 1, maxLength: 2000 }) },
  { additionalProperties: false },
);
export type DialogueLine = Static<typeof DialogueLine>;

export const CastMember = Type.Object(
  { character: EntityKey, state: CharacterState },
  { additionalProperties: false },
);
export type CastMember = Static<typeof CastMember>;

export const MIN_SHOT_SECONDS = 0.5;
export const MAX_SHOT_SECONDS = 120;

export const ShotDuration = Type.Union(
  [
    Type.Number({ minimum: MIN_SHOT_SECONDS, maximum: MAX_SHOT_SECONDS }),
    Type.Literal('speech', { description: 'The shot lasts as long as its speech' }),
  ],
  { description: 'Seconds, or "speech" to follow the spoken lines' },
);
export type ShotDuration = Static<typeof ShotDuration>;

export const ShotFields = Type.Object(
  {
    shotType: StringEnum(SHOT_TYPES),
    action: ShortText(2000),
    camera: StringEnum(CAMERA_MOVES),
    duration: ShotDuration,
    dialogue: Type.Array(DialogueLine, { maxItems: 50 }),
    narration: ShortText(4000),
    cast: Type.Array(CastMember, { maxItems: 20 }),
    continuity: Type.Boolean({ description: 'Continue from the previous shot’s last frame' }),
    seed: Nullable(Seed),
    provider: Nullable(Type.String({ minLength: 1, maxLength: 40 })),
    audioFit: StringEnum(AUDIO_FIT_POLICIES),
  },
  { additionalProperties: false },
);
export type ShotFields = Static<typeof ShotFields>;

export const ProjectSettings = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: 120 }),
    aspectRatio: StringEnum(ASPECT_RATIOS),
    width: Type.Integer({ minimum: 64, maximum: 3840, multipleOf: 2 }),
    height: Type.Integer({ minimum: 64, maximum: 3840, multipleOf: 2 }),
    fps: Type.Integer({ minimum: 1, maximum: 60 }),
    style: Type.String({
      minLength: 1,
      maxLength: 200,
      description: 'ghibli, cinematic, cyberpunk, realistic or free text',
    }),
    negativePrompt: ShortText(2000),
    defaultProvider: Type.String({ minLength: 1, maxLength: 40 }),
    fitMode: StringEnum(FIT_MODES),
    narrationVoice: Voice,
    animaticText: StringEnum(ANIMATIC_TEXT, {
      description: 'What the built-in animatic writes on the picture: none, dialogue, or dialogue-and-action',
    }),
  },
  { additionalProperties: false },
);
export type ProjectSettings = Static<typeof ProjectSettings>;
