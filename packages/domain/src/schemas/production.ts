import Type, { type Static } from 'typebox';
import { CharacterFields, EnvironmentFields, ProjectSettings, SceneFields, ShotFields } from './fields';
import { EntityKey, Nullable, Sha256 } from './helpers';

export const PRODUCTION_FORMAT = 'ministudio/production';
export const PRODUCTION_VERSION = 1;

const MIME_IMAGE = Type.String({ pattern: '^image/(png|jpeg|webp|gif)$' });

export const ProductionAsset = Type.Object(
  {
    mime: MIME_IMAGE,
    name: Type.String({ maxLength: 200 }),
    data: Type.String({ description: 'The file, base64-encoded', contentEncoding: 'base64' }),
  },
  { additionalProperties: false },
);
export type ProductionAsset = Static<typeof ProductionAsset>;

export const ProductionCharacter = Type.Object(
  {
    key: EntityKey,
    ...CharacterFields.properties,
    referenceImages: Type.Array(Sha256, { maxItems: 12, description: 'sha256 of entries in `assets`' }),
  },
  { additionalProperties: false },
);
export type ProductionCharacter = Static<typeof ProductionCharacter>;

export const ProductionEnvironment = Type.Object(
  {
    key: EntityKey,
    ...EnvironmentFields.properties,
    referenceImages: Type.Array(Sha256, { maxItems: 12 }),
    plate: Nullable(Sha256),
  },
  { additionalProperties: false },
);
export type ProductionEnvironment = Static<typeof ProductionEnvironment>;

export const ProductionShot = Type.Object(
  { key: EntityKey, ...ShotFields.properties },
  { additionalProperties: false },
);
export type ProductionShot = Static<typeof ProductionShot>;

export const ProductionScene = Type.Object(
  {
    key: EntityKey,
    ...SceneFields.properties,
    environment: Nullable(EntityKey),
    shots: Type.Array(ProductionShot, { maxItems: 500 }),
  },
  { additionalProperties: false },
);
export type ProductionScene = Static<typeof ProductionScene>;

export const Production = Type.Object(
  {
    format: Type.Literal(PRODUCTION_FORMAT),
    version: Type.Literal(PRODUCTION_VERSION),
    // Files written before the animatic's text was a setting lack it; importing them takes the default.
    project: Type.Object(
      { ...ProjectSettings.properties, animaticText: Type.Optional(ProjectSettings.properties.animaticText) },
      { additionalProperties: false },
    ),
    characters: Type.Array(ProductionCharacter, { maxItems: 200 }),
    environments: Type.Array(ProductionEnvironment, { maxItems: 200 }),
    scenes: Type.Array(ProductionScene, { maxItems: 500 }),
    assets: Type.Record(Sha256, ProductionAsset),
  },
  {
    $id: 'https://ministudio.dev/schema/production.json',
    title: 'MiniStudio production',
    description: 'A whole project: settings, characters, environments, scenes and shots, with its images.',
    additionalProperties: false,
  },
);
export type Production = Static<typeof Production>;
