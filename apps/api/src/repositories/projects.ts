import { randomUUID } from 'node:crypto';
import type { AssetStore, Db } from '@ministudio/db';
import {
  type CreateProjectBody,
  defaultProjectSettings,
  type PatchProjectBody,
  type Production,
  type ProjectSummary,
  type ProjectView,
  SIZE_FOR_ASPECT,
} from '@ministudio/domain';
import { writeJson } from '../lib/json-column';
import { removeFilesIfUnused } from '../services/asset-gc';
import { reorder } from '../services/ordered-list';
import { exportProduction, importProduction } from '../services/production-io';
import { assertProjectExists, loadProjectView } from '../services/project-queries';
import type { ProjectViewCache } from '../services/project-view-cache';
import { writeProject } from '../services/project-write';
import { copyTakes } from '../services/take-copy';
import { PROJECT_SUMMARY_INCLUDE, projectSummary } from '../services/views';
import { sceneList } from './ordered-tables';
import { assertFrameConsistent } from './project-settings-rules';

export type ProjectsRepository = ReturnType<typeof createProjectsRepository>;

/** Projects: the list, the whole project, its settings, copies, production files and scene order. */
export function createProjectsRepository(db: Db, store: AssetStore, views: ProjectViewCache) {
  return {
    async list(): Promise<ProjectSummary[]> {
      const rows = await db.project.findMany({
        orderBy: { updatedAt: 'desc' },
        include: PROJECT_SUMMARY_INCLUDE,
      });
      return rows.map(projectSummary);
    },

    view: (projectId: string) => loadProjectView(db, projectId),

    /** The view as JSON bytes with its ETag, made once per version and chosen takes (services/project-view-cache.ts). */
    serialisedView: (projectId: string, serialise: (view: ProjectView) => string) =>
      views.serialised(projectId, serialise),

    assertExists: (projectId: string) => assertProjectExists(db, projectId),

    async create(body: CreateProjectBody): Promise<ProjectView> {
      // A ratio given without a size takes its size, so a new 9:16 project is not 1280×720.
      const frame = body.aspectRatio ? SIZE_FOR_ASPECT[body.aspectRatio] : {};
      const settings = { ...defaultProjectSettings(body.title), ...frame, ...body };
      assertFrameConsistent(settings, {});
      const id = randomUUID();
      await db.project.create({
        data: { id, ...settings, narrationVoice: writeJson(settings.narrationVoice) },
      });
      return loadProjectView(db, id);
    },

    async update(projectId: string, baseVersion: number, body: PatchProjectBody) {
      const { narrationVoice, ...rest } = body;
      return writeProject(db, projectId, baseVersion, async (tx) => {
        const frame = await tx.project.findUniqueOrThrow({
          where: { id: projectId },
          select: { aspectRatio: true, width: true, height: true },
        });
        assertFrameConsistent(frame as Parameters<typeof assertFrameConsistent>[0], body);
        await tx.project.update({
          where: { id: projectId },
          data: { ...rest, ...(narrationVoice ? { narrationVoice: writeJson(narrationVoice) } : {}) },
        });
        return loadProjectView(tx, projectId);
      });
    },

    /** Deletes the project with everything in it; its files go too unless another project shares them. */
    async remove(projectId: string, baseVersion: number): Promise<{ version: number }> {
      const { version, result: shas } = await writeProject(db, projectId, baseVersion, async (tx) => {
        const assets = await tx.asset.findMany({ where: { projectId }, select: { sha256: true } });
        await tx.project.delete({ where: { id: projectId } });
        return assets.map((a) => a.sha256);
      });
      await removeFilesIfUnused(db, store, shas);
      return { version };
    },

    /**
     * A copy made the way export then import would make it (new ids, the same keys), with the takes:
     * the copy's shots have the same inputs, so their takes are current there too (their files shared).
     */
    async duplicate(projectId: string, title: string | undefined): Promise<ProjectView> {
      const doc = await exportProduction(db, store, projectId);
      const id = await importProduction(db, store, doc, title ?? `${doc.project.title} (copy)`.slice(0, 120));
      await db.$transaction((tx) => copyTakes(tx, projectId, id));
      return loadProjectView(db, id);
    },

    async importProduction(doc: unknown): Promise<{ id: string; version: number }> {
      const id = await importProduction(db, store, doc);
      const row = await db.project.findUniqueOrThrow({ where: { id }, select: { version: true } });
      return { id, version: row.version };
    },

    exportProduction: (projectId: string): Promise<Production> => exportProduction(db, store, projectId),

    async reorderScenes(projectId: string, baseVersion: number, ids: string[]) {
      return writeProject(db, projectId, baseVersion, async (tx) => {
        await reorder(tx, sceneList, projectId, ids);
        return loadProjectView(tx, projectId);
      });
    },
  };
}
