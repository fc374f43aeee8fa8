import type { Db } from '@ministudio/db';
import { type FilmOptionsBody, filmOptions, type JobSummary } from '@ministudio/domain';
import { jobSummary, type RenderRuntime } from '@ministudio/pipeline';
import { HttpError, notFound } from '../lib/http-error';
import { loadProjectView } from '../services/project-queries';

export type FilmRepository = ReturnType<typeof createFilmRepository>;

/** Which of the finished film's files: the MP4 or a subtitle sidecar. */
export type FilmFileKind = 'video' | 'srt' | 'vtt';

const EXTENSIONS: Record<FilmFileKind, string> = { video: 'mp4', srt: 'srt', vtt: 'vtt' };

/** The project's film: queuing its assembly and finding the finished files. */
export function createFilmRepository(db: Db, renderer: RenderRuntime) {
  return {
    /** Queues the film; options left out take today's film (soft subtitles, project size, chapters). */
    async assemble(projectId: string, body: FilmOptionsBody): Promise<JobSummary> {
      return jobSummary(await renderer.film.film(await loadProjectView(db, projectId), filmOptions(body)));
    },

    /** A file of the latest finished film, with the name it is served under. */
    async file(
      projectId: string,
      kind: FilmFileKind = 'video',
    ): Promise<{ assetId: string; filename: string }> {
      const project = await db.project.findUnique({ where: { id: projectId }, select: { title: true } });
      if (!project) throw notFound('Project', projectId);
      const files = await renderer.film.filmFiles(projectId);
      if (!files) {
        throw new HttpError(
          'not_found',
          'The film has not been assembled yet: POST /api/projects/:id/film first',
          null,
        );
      }
      const assetId = files[kind];
      if (!assetId) {
        throw new HttpError(
          'not_found',
          'This film was made before subtitle files were kept: assemble it again to get them',
          null,
        );
      }
      return { assetId, filename: `${project.title}.${EXTENSIONS[kind]}` };
    },
  };
}
