import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { CharacterBody, CharacterView } from '@ministudio/domain';
import { registerEntityRoutes } from './project-entities';

const characters: FastifyPluginAsyncTypebox = async (app) => {
  registerEntityRoutes(app, {
    singular: 'character',
    plural: 'characters',
    body: CharacterBody,
    view: CharacterView,
    repository: app.charactersRepository,
    deleteDescription:
      'Deletes a character. If shots cast it or give it lines, answers 409 in_use unless ?force=true, which also removes it from those shots.',
    forceDelete: true,
  });
};

export default characters;
