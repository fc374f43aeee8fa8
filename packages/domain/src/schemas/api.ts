import Type, { type Static, type TSchema } from 'typebox';
import {
  CharacterFields,
  EnvironmentFields,
  ProjectSettings,
  SceneFields,
  Seed,
  ShotFields,
  Voice,
} from './fields';
import { EntityKey, Nullable } from './helpers';

// The HTTP API's shapes: what the server returns and accepts. The editor and scripts use the same
// definitions, so a field renamed here is renamed everywhere at compile time.

const Id = Type.String({ minLength: 1, maxLength: 64 });
const Timestamp = Type.String({ format: 'date-time' });

export const ErrorBody = Type.Object({
  error: Type.Object({
    code: Type.String(),
    message: Type.String(),
    details: Type.Unknown(),
  }),
});
export type ErrorBody = Static<typeof ErrorBody>;

export const AssetRef = Type.Object({
  id: Id,
  kind: Type.String(),
  mime: Type.String(),
  bytes: Type.Integer(),
  sha256: Type.String(),
  width: Nullable(Type.Integer()),
  height: Nullable(Type.Integer()),
  durationSeconds: Nullable(Type.Number()),
  name: Type.String(),
  url: Type.String(),
  thumbnailUrl: Nullable(Type.String()),
});
export type AssetRef = Static<typeof AssetRef>;

export const CharacterView = Type.Object({
  id: Id,
  key: Type.String(),
  ...CharacterFields.properties,
  references: Type.Array(AssetRef),
});
export type CharacterView = Static<typeof CharacterView>;

export const EnvironmentView = Type.Object({
  id: Id,
  key: Type.String(),
  ...EnvironmentFields.properties,
  references: Type.Array(AssetRef),
  plate: Nullable(AssetRef),
});
export type EnvironmentView = Static<typeof EnvironmentView>;

export const ShotView = Type.Object({
  id: Id,
  key: Type.String(),
  sceneId: Id,
  ...ShotFields.properties,
  effectiveSeed: Seed,
  chosenTakeId: Nullable(Id),
});
export type ShotView = Static<typeof ShotView>;

export const SceneView = Type.Object({
  id: Id,
  key: Type.String(),
  ...SceneFields.properties,
  environmentId: Nullable(Id),
  shots: Type.Array(ShotView),
});
export type SceneView = Static<typeof SceneView>;

export const ProjectSummary = Type.Object({
  id: Id,
  title: Type.String(),
  aspectRatio: Type.String(),
  style: Type.String(),
  version: Type.Integer(),
  sceneCount: Type.Integer(),
  shotCount: Type.Integer(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type ProjectSummary = Static<typeof ProjectSummary>;

export const ProjectView = Type.Object({
  id: Id,
  version: Type.Integer(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  ...ProjectSettings.properties,
  characters: Type.Array(CharacterView),
  environments: Type.Array(EnvironmentView),
  scenes: Type.Array(SceneView),
});
export type ProjectView = Static<typeof ProjectView>;

/** Every write answers with the project's new version and the entity as it now is. */
export function WriteResult<K extends string, T extends TSchema>(name: K, schema: T) {
  return Type.Object({ version: Type.Integer(), [name]: schema } as {
    version: ReturnType<typeof Type.Integer>;
  } & {
    [P in K]: T;
  });
}
export const VersionOnly = Type.Object({ version: Type.Integer() });

const Position = Type.Integer({ minimum: 0, description: 'Insert at this index (default: at the end)' });

export const CreateProjectBody = Type.Object(
  { ...Type.Partial(ProjectSettings).properties, title: ProjectSettings.properties.title },
  { additionalProperties: false },
);
export type CreateProjectBody = Static<typeof CreateProjectBody>;
export const PatchProjectBody = Type.Partial(ProjectSettings, {
  additionalProperties: false,
  minProperties: 1,
});
export type PatchProjectBody = Static<typeof PatchProjectBody>;

export const CharacterBody = Type.Partial(CharacterFields, { additionalProperties: false });
export type CharacterBody = Static<typeof CharacterBody>;
export const EnvironmentBody = Type.Partial(EnvironmentFields, { additionalProperties: false });
export type EnvironmentBody = Static<typeof EnvironmentBody>;
/**
 * Adding one: its place in the list and its key may be given (undoing a delete puts it back where it
 * was, under the key shots and seeds know it by); a key already taken gives way to one from the name.
 */
const RestoreKey = Type.Optional(EntityKey);
export const CharacterCreateBody = Type.Object(
  { ...CharacterBody.properties, key: RestoreKey, position: Type.Optional(Position) },
  { additionalProperties: false },
);
export type CharacterCreateBody = Static<typeof CharacterCreateBody>;
export const EnvironmentCreateBody = Type.Object(
  { ...EnvironmentBody.properties, key: RestoreKey, position: Type.Optional(Position) },
  { additionalProperties: false },
);
export type EnvironmentCreateBody = Static<typeof EnvironmentCreateBody>;

export const SceneBody = Type.Object(
  {
    ...Type.Partial(SceneFields).properties,
    environmentId: Type.Optional(Nullable(Id)),
    position: Type.Optional(Position),
  },
  { additionalProperties: false },
);
export type SceneBody = Static<typeof SceneBody>;

export const ShotBody = Type.Object(
  {
    ...Type.Partial(ShotFields).properties,
    position: Type.Optional(Position),
    sceneId: Type.Optional(Id),
  },
  { additionalProperties: false },
);
export type ShotBody = Static<typeof ShotBody>;

export const OrderBody = Type.Object(
  { ids: Type.Array(Id, { maxItems: 1000, uniqueItems: true }) },
  { additionalProperties: false },
);
export type OrderBody = Static<typeof OrderBody>;

export const ERROR_CODES = {
  validation_failed: 400,
  unauthorized: 401,
  /** No session or token on a studio with accounts. */
  sign_in_required: 401,
  invalid_credentials: 401,
  /** Signed in, but the role is too low for the route. */
  forbidden: 403,
  /** A browser write from a page on another site. */
  cross_origin: 403,
  not_found: 404,
  version_conflict: 409,
  in_use: 409,
  name_taken: 409,
  last_owner: 409,
  not_ready: 409,
  unsupported_by_provider: 422,
  provider_not_configured: 422,
  /** A fixed-length shot whose speech is estimated to run well past its end (refused before queueing). */
  speech_does_not_fit: 422,
  /** A render that would go past a daily or monthly spend limit (refused before queueing; remaining in details). */
  over_spend_limit: 422,
  /** A render on a model with no price while a spend limit applies: the limit could not count it. */
  price_unknown_under_limit: 422,
  version_required: 428,
  payload_too_large: 413,
  unsupported_media_type: 415,
  /** A path parameter longer than the router accepts (see app.ts's maxParamLength). */
  uri_too_long: 414,
  range_not_satisfiable: 416,
  /** The Host header names something other than this studio (DNS rebinding). */
  unknown_host: 421,
  too_many_attempts: 429,
  internal: 500,
} as const;
export type ErrorCode = keyof typeof ERROR_CODES;

/** What a settings change would do to the rendered shots, before it is applied. */
export const SettingsImpact = Type.Object({
  staleShots: Type.Integer({ minimum: 0, description: 'Shots whose chosen take the change makes stale' }),
  shotIds: Type.Array(Type.String()),
});
export type SettingsImpact = Static<typeof SettingsImpact>;

/** A sample line spoken in a voice, to choose the voice by ear. */
export const VoiceSampleBody = Type.Object(
  {
    voiceId: Voice.properties.voiceId,
    rate: Voice.properties.rate,
    pitch: Voice.properties.pitch,
    text: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  },
  { additionalProperties: false },
);
export type VoiceSampleBody = Static<typeof VoiceSampleBody>;
