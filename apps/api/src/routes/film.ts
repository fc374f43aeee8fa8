import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody, FilmOptionsBody, JobSummary } from '@ministudio/domain';
import Type from 'typebox';
import { IdParams } from './common';
import { refusal } from './render-refusal';

/** Queuing the film's assembly (the finished file is served by render-files.ts). */
const film: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/api/projects/:id/film',
    {
      // No body at all is today's film, like {}.
      preValidation: async (request) => {
        request.body ??= {};
      },
      schema: {
        tags: ['render'],
        description:
          'Queues the assembly of the film from the chosen takes. Options, all optional: subtitles none | soft (a text track, the default) | burn; resolution project (the default) | 720p | 540p | 360p (the short side, aspect ratio kept; burn or a smaller size re-encode, otherwise stream copy); chapters (a chapter per scene, default true). SRT and WebVTT files of the dialogue and narration are kept beside it. 409 not_ready while a shot has no finished take.',
        params: IdParams,
        body: FilmOptionsBody,
        response: {
          202: Type.Object({ job: JobSummary }),
          400: ErrorBody,
          404: ErrorBody,
          409: ErrorBody,
        },
      },
    },
    async (request, reply) => {
      const job = await app.filmRepository.assemble(request.params.id, request.body).catch(refusal);
      request.log.info({ jobIds: [job.id] }, 'jobs queued');
      return reply.status(202).send({ job });
    },
  );
};

export default film;
