import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BackupError, backupStudio, restoreStudio } from '@ministudio/db';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app';
import { json } from './helpers';
import { type RenderStudio, renderedProject, startRenderStudio, whenSettled } from './render-harness';

type ShotState = { shotId: string; chosenTakeId: string | null; videoUrl: string | null };

describe('backup and restore of a running studio', { timeout: 300_000 }, () => {
  let studio: RenderStudio;
  const folders: string[] = [];
  const folder = (name: string) => {
    const dir = mkdtempSync(path.join(tmpdir(), `ministudio-${name}-`));
    folders.push(dir);
    return dir;
  };
  afterAll(async () => {
    await studio?.close();
    for (const dir of folders) rmSync(dir, { recursive: true, force: true });
  });

  it('backs up while the studio runs, copies only new media the second time, and restores a studio that renders', async () => {
    studio = await startRenderStudio('embedded');
    const projectId = await renderedProject(studio.app);
    // A decision kept on disk beside the database: a drift finding dismissed as intended.
    const dismissal = '[{"kind":"colour","subject":"emma","part":"outfit"}]';
    mkdirSync(path.join(studio.dataDir, 'drift/dismissals'), { recursive: true });
    writeFileSync(path.join(studio.dataDir, 'drift/dismissals/take-1.json'), dismissal);
    const backupDir = folder('backup');
    const phases = new Set<string>();
    const first = await backupStudio(studio.dataDir, backupDir, (p) => phases.add(p.phase));
    expect(first.copiedMedia).toBeGreaterThan(3);
    expect(first.missingMedia).toEqual([]);
    expect([...phases]).toEqual(['database', 'media']);

    const second = await backupStudio(studio.dataDir, backupDir);
    expect(second.copiedMedia).toBe(0);
    expect(second.reusedMedia).toBe(first.copiedMedia);

    // A folder that already holds a studio is never overwritten; a folder that is no backup is refused.
    await expect(restoreStudio(backupDir, studio.dataDir)).rejects.toThrow(BackupError);
    const notABackup = folder('not-backup');
    writeFileSync(path.join(notABackup, 'ministudio.db'), 'x');
    await expect(restoreStudio(notABackup, folder('target'))).rejects.toThrow(
      /not a finished MiniStudio backup/,
    );

    const restoredDir = folder('restored');
    await restoreStudio(backupDir, restoredDir);
    expect(readFileSync(path.join(restoredDir, 'drift/dismissals/take-1.json'), 'utf8')).toBe(dismissal);
    const restored = await buildApp({
      dataDir: restoredDir,
      webDir: null,
      seedSamples: false,
      workerToken: null,
      logger: false,
      render: { concurrency: 2, env: {}, retryBaseSeconds: 0.05, engine: null },
    });
    try {
      await restored.ready();
      const states = json<ShotState[]>(
        await restored.inject({ method: 'GET', url: `/api/projects/${projectId}/shot-states` }),
      );
      expect(states.length).toBe(2);
      const originalStates = json<ShotState[]>(
        await studio.app.inject({ method: 'GET', url: `/api/projects/${projectId}/shot-states` }),
      );
      for (const [i, state] of states.entries()) {
        expect(state.chosenTakeId).toBe(originalStates[i]!.chosenTakeId);
        const video = await restored.inject({ method: 'GET', url: state.videoUrl! });
        const original = await studio.app.inject({ method: 'GET', url: originalStates[i]!.videoUrl! });
        expect(video.statusCode).toBe(200);
        expect(video.rawPayload.equals(original.rawPayload)).toBe(true);
      }
      // The restored studio renders: an edited shot gets a new take.
      const project = json<{ version: number }>(
        await restored.inject({ method: 'GET', url: `/api/projects/${projectId}` }),
      );
      const shotId = states[0]!.shotId;
      const edited = await restored.inject({
        method: 'PATCH',
        url: `/api/shots/${shotId}`,
        headers: { 'if-match': String(project.version) },
        payload: { action: 'Emma looks up from the screen, restored.' },
      });
      expect(edited.statusCode).toBe(200);
      const render = await restored.inject({
        method: 'POST',
        url: `/api/projects/${projectId}/render`,
        payload: { shotIds: [shotId] },
      });
      expect(render.statusCode).toBe(202);
      const jobs = await whenSettled(restored, projectId);
      expect(jobs.every((j) => j.status === 'succeeded')).toBe(true);
      const after = json<ShotState[]>(
        await restored.inject({ method: 'GET', url: `/api/projects/${projectId}/shot-states` }),
      );
      expect(after[0]!.chosenTakeId).not.toBe(states[0]!.chosenTakeId);
    } finally {
      await restored.close();
    }
    // Nothing half-written in the backup folder.
    expect(readdirSync(backupDir).filter((f) => f.startsWith('.'))).toEqual([]);
  });
});
