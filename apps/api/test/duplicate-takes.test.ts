import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { ShotState } from '@ministudio/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json } from './helpers';
import { type RenderStudio, renderedProject, startRenderStudio } from './render-harness';

// Duplicating a project keeps its takes: the copy's shots show the same chosen takes, current (not
// stale), playing the same files. Files are shared by content hash: the duplicate stores nothing new,
// and deleting the original leaves the copy's media in place.

function storedFiles(dir: string): string[] {
  const found: string[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d)) {
      const full = path.join(d, entry);
      if (statSync(full).isDirectory()) walk(full);
      else found.push(full);
    }
  };
  walk(dir);
  return found.sort();
}

describe('duplicating a rendered project', () => {
  let studio: RenderStudio;
  let projectId: string;
  beforeAll(async () => {
    studio = await startRenderStudio('embedded');
    projectId = await renderedProject(studio.app);
  }, 180_000);
  afterAll(async () => studio?.close());

  const states = async (id: string) =>
    json<ShotState[]>(await studio.app.inject(`/api/projects/${id}/shot-states`));
  const takesOf = async (shotId: string) =>
    json<{ id: string; status: string; durationSeconds: number; videoUrl: string | null }[]>(
      await studio.app.inject(`/api/shots/${shotId}/takes`),
    );

  it('keeps every take, current, with its files shared rather than copied', async () => {
    const media = path.join(studio.dataDir, 'media');
    const filesBefore = storedFiles(media);
    const original = await states(projectId);
    expect(original.every((s) => s.status === 'succeeded')).toBe(true);
    const { version } = json<{ version: number }>(await studio.app.inject(`/api/projects/${projectId}`));

    const response = await studio.app.inject({
      method: 'POST',
      url: `/api/projects/${projectId}/duplicate`,
      headers: { 'if-match': String(version) },
      payload: {},
    });
    expect(response.statusCode, response.body).toBe(201);
    const copyId = json<{ project: { id: string } }>(response).project.id;
    expect(copyId).not.toBe(projectId);

    const copied = await states(copyId);
    expect(copied).toHaveLength(original.length);
    for (const [i, state] of copied.entries()) {
      expect(state.status).toBe('succeeded');
      expect(state.stale).toBe(false);
      expect(state.chosenTakeId).not.toBe(original[i]!.chosenTakeId);
      expect(state.durationSeconds).toBe(original[i]!.durationSeconds);
      const takes = await takesOf(state.shotId);
      expect(takes.map((t) => t.status)).toEqual(['succeeded']);
      // The same bytes: the copy's video is the original's file.
      const [a, b] = await Promise.all([
        studio.app.inject(state.videoUrl!),
        studio.app.inject(original[i]!.videoUrl!),
      ]);
      expect(a.statusCode).toBe(200);
      expect(a.rawPayload.equals(b.rawPayload)).toBe(true);
    }
    // Nothing was stored twice.
    expect(storedFiles(media)).toEqual(filesBefore);

    // Deleting the original keeps the copy's media.
    const now = json<{ version: number }>(await studio.app.inject(`/api/projects/${projectId}`)).version;
    const deleted = await studio.app.inject({
      method: 'DELETE',
      url: `/api/projects/${projectId}`,
      headers: { 'if-match': String(now) },
    });
    expect(deleted.statusCode, deleted.body).toBe(200);
    for (const state of await states(copyId)) {
      expect((await studio.app.inject(state.videoUrl!)).statusCode).toBe(200);
      expect((await studio.app.inject(state.posterUrl!)).statusCode).toBe(200);
    }
  }, 120_000);
});
