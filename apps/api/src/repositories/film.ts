import type { Db } from '@ministudio/db';
import type { JobSummary } from '@ministudio/domain';
import { jobSummary, type RenderRuntime } from '@ministudio/pipeline';
import { HttpError, notFound } from '../lib/http-error';
import { loadProjectView } from '../services/project-queries';

export type FilmRepository = ReturnType<typeof createFilmRepository>;

/** The project's film: queuing its assembly and finding the finished file. */
export function createFilmRepository(db: Db, renderer: RenderRuntime) {
  return {
    async assemble(projectId: string): Promise<JobSummary> {
      return jobSummary(await renderer.film.film(await loadProjectView(db, projectId)));
    },

    /** The latest finished film, with the file name it is served under. */
    async file(projectId: string): Promise<{ assetId: string; filename: string }> {
      const project = await db.project.findUnique({ where: { id: projectId }, select: { title: true } });
      if (!project) throw notFound('Project', projectId);
      const assetId = await renderer.film.filmAsset(projectId);
      if (!assetId) {
        throw new HttpError(
          'not_found',
          'The film has not been assembled yet: POST /api/projects/:id/film first',
          null,
        );
      }
      return { assetId, filename: `${project.title}.mp4` };
    },
  };
}
