import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  type CastMember,
  CharacterBody,
  CharacterView,
  type DialogueLine,
  defaultCharacter,
  keyFromName,
  VersionOnly,
  WriteResult,
} from '@ministudio/domain';
import Type from 'typebox';
import { HttpError, notFound } from '../lib/http-error';
import { readJson, writeJson } from '../lib/json-column';
import { removeFilesIfUnused } from '../services/asset-gc';
import { projectOfCharacter } from '../services/project-queries';
import { parseIfMatch, type Tx, writeProject } from '../services/project-write';
import { characterReferences } from '../services/references';
import { characterView } from '../services/views';
import { IdParams, IfMatchHeader, writeErrors } from './common';
import { registerReferenceRoutes } from './reference-routes';

const CharacterWrite = WriteResult('character', CharacterView);
const tags = ['characters'];
const include = { references: { include: { asset: true } } } as const;

async function loadCharacter(tx: Tx, id: string) {
  const row = await tx.character.findUnique({ where: { id }, include });
  if (!row) throw notFound('Character', id);
  return characterView(row);
}

const characters: FastifyPluginAsyncTypebox = async (app) => {
  const { db } = app;

  app.post(
    '/api/projects/:id/characters',
    {
      schema: {
        tags,
        params: IdParams,
        headers: IfMatchHeader,
        body: CharacterBody,
        response: { 201: CharacterWrite, ...writeErrors },
      },
    },
    async (request, reply) => {
      const base = parseIfMatch(request.headers['if-match']);
      const projectId = request.params.id;
      const fields = { ...defaultCharacter(request.body.name ?? 'New character'), ...request.body };
      const { version, result } = await writeProject(db, projectId, base, async (tx) => {
        const existing = await tx.character.findMany({ where: { projectId }, select: { key: true } });
        const id = randomUUID();
        await tx.character.create({
          data: {
            id,
            projectId,
            key: keyFromName(
              fields.name,
              existing.map((c) => c.key),
            ),
            name: fields.name,
            position: existing.length,
            identity: writeJson(fields.identity),
            defaultState: writeJson(fields.defaultState),
            voice: writeJson(fields.voice),
          },
        });
        return loadCharacter(tx, id);
      });
      return reply.status(201).send({ version, character: result });
    },
  );

  app.patch(
    '/api/characters/:id',
    {
      schema: {
        tags,
        params: IdParams,
        headers: IfMatchHeader,
        body: CharacterBody,
        response: { 200: CharacterWrite, ...writeErrors },
      },
    },
    async (request) => {
      const base = parseIfMatch(request.headers['if-match']);
      const id = request.params.id;
      const body = request.body;
      const { version, result } = await writeProject(
        db,
        await projectOfCharacter(db, id),
        base,
        async (tx) => {
          await tx.character.update({
            where: { id },
            data: {
              ...(body.name !== undefined ? { name: body.name } : {}),
              ...(body.identity !== undefined ? { identity: writeJson(body.identity) } : {}),
              ...(body.defaultState !== undefined ? { defaultState: writeJson(body.defaultState) } : {}),
              ...(body.voice !== undefined ? { voice: writeJson(body.voice) } : {}),
            },
          });
          return loadCharacter(tx, id);
        },
      );
      return { version, character: result };
    },
  );

  app.delete(
    '/api/characters/:id',
    {
      schema: {
        tags,
        description:
          'Deletes a character. If shots cast it or give it lines, answers 409 in_use unless ?force=true, which also removes it from those shots.',
        params: IdParams,
        headers: IfMatchHeader,
        querystring: Type.Object({
          force: Type.Optional(Type.Union([Type.Literal('true'), Type.Literal('false')])),
        }),
        response: { 200: VersionOnly, ...writeErrors },
      },
    },
    async (request) => {
      const base = parseIfMatch(request.headers['if-match']);
      const id = request.params.id;
      const force = request.query.force === 'true';
      const { version, result: shas } = await writeProject(
        db,
        await projectOfCharacter(db, id),
        base,
        async (tx) => {
          const character = await tx.character.findUniqueOrThrow({ where: { id }, include });
          const shots = await tx.shot.findMany({ where: { scene: { projectId: character.projectId } } });
          const using = shots.filter(
            (shot) =>
              readJson<DialogueLine[]>(shot.dialogue).some((line) => line.character === character.key) ||
              readJson<CastMember[]>(shot.cast).some((member) => member.character === character.key),
          );
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
                cast: writeJson(
                  readJson<CastMember[]>(shot.cast).filter((m) => m.character !== character.key),
                ),
              },
            });
          }
          await tx.character.delete({ where: { id } });
          await tx.character.updateMany({
            where: { projectId: character.projectId, position: { gt: character.position } },
            data: { position: { decrement: 1 } },
          });
          const assetIds = character.references.map((r) => r.assetId);
          await tx.asset.deleteMany({ where: { id: { in: assetIds } } });
          return character.references.map((r) => r.asset.sha256);
        },
      );
      await removeFilesIfUnused(db, app.assets, shas);
      return { version };
    },
  );

  registerReferenceRoutes(app, {
    owner: 'character',
    plural: 'characters',
    table: characterReferences,
    writeResult: CharacterWrite,
    projectOf: projectOfCharacter,
    load: loadCharacter,
  });
};

export default characters;
