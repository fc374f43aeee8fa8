import type { AssetStore, Db } from '@ministudio/db';
import {
  type CastMember,
  type CharacterFields,
  type CharacterView,
  type DialogueLine,
  defaultCharacter,
} from '@ministudio/domain';
import { HttpError } from '../lib/http-error';
import { readJson, writeJson } from '../lib/json-column';
import type { Tx } from '../services/project-write';
import { characterReferences } from '../services/references';
import { CHARACTER_INCLUDE, characterView } from '../services/views';
import { characterList } from './ordered-tables';
import { createProjectEntityRepository, type EntityTable } from './project-entities';

export type CharactersRepository = ReturnType<typeof createCharactersRepository>;

type CharacterRow = NonNullable<Awaited<ReturnType<typeof findCharacter>>>;
const findCharacter = (tx: Tx, id: string) =>
  tx.character.findUnique({ where: { id }, include: CHARACTER_INCLUDE });

/** API fields to columns (the reverse of characterView); only the fields present are written. */
function characterColumns(body: Partial<CharacterFields>) {
  return {
    ...(body.name !== undefined ? { name: body.name } : {}),
    ...(body.identity !== undefined ? { identity: writeJson(body.identity) } : {}),
    ...(body.defaultState !== undefined ? { defaultState: writeJson(body.defaultState) } : {}),
    ...(body.voice !== undefined ? { voice: writeJson(body.voice) } : {}),
  };
}

/**
 * Shots name characters by key in their dialogue and cast: deleting a character they use is refused
 * (409 in_use) unless forced, which removes it from those shots.
 */
async function releaseFromShots(tx: Tx, character: CharacterRow, force: boolean) {
  const shots = await tx.shot.findMany({ where: { scene: { projectId: character.projectId } } });
  const speaks = (shot: { dialogue: string }) =>
    readJson<DialogueLine[]>(shot.dialogue).some((line) => line.character === character.key);
  const cast = (shot: { cast: string }) =>
    readJson<CastMember[]>(shot.cast).some((member) => member.character === character.key);
  const using = shots.filter((shot) => speaks(shot) || cast(shot));
  if (using.length && !force) {
    throw new HttpError('in_use', `${character.name} appears in ${using.length} shot(s)`, {
      shotIds: using.map((shot) => shot.id),
    });
  }
  for (const shot of using) {
    await tx.shot.update({
      where: { id: shot.id },
      data: {
        dialogue: writeJson(
          readJson<DialogueLine[]>(shot.dialogue).filter((l) => l.character !== character.key),
        ),
        cast: writeJson(readJson<CastMember[]>(shot.cast).filter((m) => m.character !== character.key)),
      },
    });
  }
}

export const characterTable: EntityTable<CharacterRow, CharacterView, CharacterFields> = {
  label: 'Character',
  list: characterList,
  references: characterReferences,
  find: findCharacter,
  keys: async (tx, projectId) =>
    (await tx.character.findMany({ where: { projectId }, select: { key: true } })).map((c) => c.key),
  create: (tx, row, fields) =>
    tx.character.create({ data: { ...row, ...characterColumns(fields), name: fields.name } }),
  update: (tx, id, fields) => tx.character.update({ where: { id }, data: characterColumns(fields) }),
  delete: (tx, id) => tx.character.delete({ where: { id } }),
  view: characterView,
  defaults: (name) => defaultCharacter(name ?? 'New character'),
  ownedFiles: () => [],
  beforeDelete: releaseFromShots,
};

export function createCharactersRepository(db: Db, store: AssetStore) {
  return createProjectEntityRepository(db, store, characterTable);
}
