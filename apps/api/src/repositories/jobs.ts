import type { Db } from '@ministudio/db';
import type { JobSummary } from '@ministudio/domain';
import { jobSummary, type RenderRuntime, toJobRecord } from '@ministudio/pipeline';
import { notFound } from '../lib/http-error';
import { assertProjectExists } from '../services/project-queries';

export type JobsRepository = ReturnType<typeof createJobsRepository>;

/** Render jobs as clients see them: always through the pipeline's jobSummary, as on the event stream. */
export function createJobsRepository(db: Db, renderer: RenderRuntime) {
  return {
    async forProject(projectId: string): Promise<JobSummary[]> {
      await assertProjectExists(db, projectId);
      const rows = await db.renderJob.findMany({ where: { projectId }, orderBy: { createdAt: 'asc' } });
      return rows.map((row) => jobSummary(toJobRecord(row)));
    },

    /** Cancels a job (and what depends on it); answers the job as it now is. */
    async cancel(jobId: string): Promise<JobSummary> {
      const job = await renderer.scheduler.get(jobId);
      if (!job) throw notFound('Job', jobId);
      await renderer.service.cancel([job.id]);
      const after = await renderer.scheduler.get(job.id);
      if (!after) throw notFound('Job', jobId);
      return jobSummary(after);
    },
  };
}
