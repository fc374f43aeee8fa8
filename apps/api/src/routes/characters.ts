import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { CharacterBody, CharacterCreateBody, type CharacterFields, CharacterView } from '@ministudio/domain';
import { assertVoicesKnown } from '../services/voice-check';
import { registerEntityRoutes } from './project-entities';

const characters: FastifyPluginAsyncTypebox = async (app) => {
  registerEntityRoutes(app, {
    singular: 'character',
    plural: 'characters',
    body: CharacterBody,
    createBody: CharacterCreateBody,
    view: CharacterView,
    repository: app.charactersRepository,
    deleteDescription:
      'Deletes a character. If shots cast it or give it lines, answers 409 in_use unless ?force=true, which also removes it from those shots.',
    forceDelete: true,
    checkBody: async (body: Partial<CharacterFields>) => {
      if (body.voice) await assertVoicesKnown(app.providers, [{ path: 'body/voice', voice: body.voice }]);
    },
  });
};

export default characters;
