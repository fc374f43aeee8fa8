import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody, JobSummary } from '@ministudio/domain';
import Type from 'typebox';
import { IdParams } from './common';
import { refusal } from './render-refusal';

/** Queuing the film's assembly (the finished file is served by render-files.ts). */
const film: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/api/projects/:id/film',
    {
      schema: {
        tags: ['render'],
        description:
          'Queues the assembly of the film from the chosen takes (stream copy, a chapter per scene, soft subtitles); 409 not_ready while a shot has no finished take.',
        params: IdParams,
        response: { 202: Type.Object({ job: JobSummary }), 404: ErrorBody, 409: ErrorBody },
      },
    },
    async (request, reply) => {
      const job = await app.filmRepository.assemble(request.params.id).catch(refusal);
      return reply.status(202).send({ job });
    },
  );
};

export default film;
