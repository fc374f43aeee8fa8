import {
  type CharacterBody,
  CharacterFields,
  type CharacterView,
  defaultCharacter,
} from '@ministudio/domain';
import * as api from '../api/endpoints';
import { upsertCharacter } from '../api/project-patches';
import { addCharacter, editCharacter } from '../commands/entity-commands';
import { deleteCharacter } from '../commands/entity-delete-commands';
import { characterImpact } from './deletion-impact';
import type { EntityKind, Saved } from './entity-kind';

const saved = (r: { version: number; character: CharacterView }): Saved<CharacterView> => ({
  version: r.version,
  entity: r.character,
});

export const CHARACTERS: EntityKind<CharacterView, CharacterBody> = {
  selection: 'character',
  noun: 'character',
  title: 'Character',
  heading: 'Cast',
  nameSchema: CharacterFields.properties.name,
  all: (p) => p.characters,
  thumb: (c) => c.references[0] ?? null,
  summary: (c) => `${c.references.length} ${c.references.length === 1 ? 'reference' : 'references'}`,
  create: defaultCharacter,
  add: addCharacter,
  edit: editCharacter,
  upsert: upsertCharacter,
  remove: deleteCharacter,
  impact: (p, c) => ({ shots: characterImpact(p, c.key), scenes: [] }),
  images: (c) => c.references.length,
  uploadReference: (id, file, v) => api.uploadCharacterReference(id, file, v).then(saved),
  deleteReference: (id, assetId, v) => api.deleteCharacterReference(id, assetId, v).then(saved),
};
