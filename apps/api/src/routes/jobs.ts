import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody, JobSummary } from '@ministudio/domain';
import Type from 'typebox';
import { IdParams } from './common';

const tags = ['render'];

/** Render jobs: listing a project's and cancelling one. */
const jobs: FastifyPluginAsyncTypebox = async (app) => {
  const repository = app.jobsRepository;

  app.get(
    '/api/projects/:id/jobs',
    {
      schema: {
        tags,
        description: 'The project’s render and film jobs, oldest first, with a failed job’s advice.',
        params: IdParams,
        response: { 200: Type.Array(JobSummary), 404: ErrorBody },
      },
    },
    async (request) => repository.forProject(request.params.id),
  );

  app.post(
    '/api/jobs/:id/cancel',
    {
      schema: {
        tags,
        description: 'Cancels a job and the jobs waiting on it; answers the job as it now is.',
        params: IdParams,
        response: { 200: JobSummary, 404: ErrorBody },
      },
    },
    async (request) => repository.cancel(request.params.id),
  );
};

export default jobs;
