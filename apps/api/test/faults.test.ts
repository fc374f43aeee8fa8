import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BACKUP_MANIFEST, backupStudio, restoreStudio } from '@ministudio/db';
import { SAMPLE_PRODUCTIONS } from '@ministudio/domain';
import { longProduction } from '@ministudio/domain/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { pngBytes } from './helpers';
import { freePort, leftovers, spawnStudio } from './render-harness';

// SIGKILL in the middle of an import, an upload and a backup: after a restart the studio answers, what it
// had accepted is there whole or not at all, and no half-written file is left.

const root = path.resolve(import.meta.dirname, '../../..');
const children = new Set<ChildProcess>();
const folders: string[] = [];
const folder = (name: string) => {
  const dir = mkdtempSync(path.join(tmpdir(), `ministudio-faults-${name}-`));
  folders.push(dir);
  return dir;
};

afterAll(() => {
  for (const child of children) child.kill('SIGKILL');
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

async function startStudio(dataDir: string, port: number): Promise<ChildProcess> {
  const child = await spawnStudio(dataDir, port);
  children.add(child);
  return child;
}

async function kill(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
  children.delete(child);
}

describe('SIGKILL in the middle of work', { timeout: 300_000 }, () => {
  it('an import is there whole or not at all after a restart', async () => {
    const dataDir = folder('import');
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    let studio = await startStudio(dataDir, port);
    const before = ((await (await fetch(`${base}/api/projects`)).json()) as unknown[]).length;
    const doc = longProduction({ shots: 500 });
    doc.project.title = 'Killed while importing';
    const sent = fetch(`${base}/api/projects/import`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(doc),
    }).catch(() => null);
    // Killed while the studio reads and writes the 500 shots (or just after: both outcomes are checked).
    await new Promise((r) => setTimeout(r, 150));
    await kill(studio);
    await sent;
    studio = await startStudio(dataDir, port);
    const projects = (await (await fetch(`${base}/api/projects`)).json()) as { id: string; title: string }[];
    const imported = projects.filter((p) => p.title === 'Killed while importing');
    expect(projects.length - before).toBe(imported.length);
    expect(imported.length).toBeLessThanOrEqual(1);
    if (imported[0]) {
      const view = (await (await fetch(`${base}/api/projects/${imported[0].id}`)).json()) as {
        scenes: { shots: unknown[] }[];
      };
      expect(view.scenes.flatMap((s) => s.shots)).toHaveLength(500);
    }
    expect(leftovers(dataDir)).toEqual([]);
    await kill(studio);
  });

  it('an upload leaves no half file and no reference after a restart', async () => {
    const dataDir = folder('upload');
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    let studio = await startStudio(dataDir, port);
    const projects = (await (await fetch(`${base}/api/projects`)).json()) as {
      id: string;
      version: number;
    }[];
    const project = projects[0]!;
    const view = (await (await fetch(`${base}/api/projects/${project.id}`)).json()) as {
      characters: { id: string; references: unknown[] }[];
    };
    const character = view.characters[0]!;
    // A multipart body sent slowly: the studio is killed while the file is still arriving.
    const boundary = 'ministudiofaults';
    const image = pngBytes(1200, 900, '#884422');
    const head = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.png"\r\nContent-Type: image/png\r\n\r\n`,
    );
    const body = new ReadableStream<Uint8Array>({
      async start(controller) {
        controller.enqueue(head);
        controller.enqueue(image.subarray(0, Math.floor(image.length / 2)));
        await new Promise((r) => setTimeout(r, 5000));
        controller.enqueue(image.subarray(Math.floor(image.length / 2)));
        controller.enqueue(Buffer.from(`\r\n--${boundary}--\r\n`));
        controller.close();
      },
    });
    const sent = fetch(`${base}/api/characters/${character.id}/references`, {
      method: 'POST',
      headers: {
        'content-type': `multipart/form-data; boundary=${boundary}`,
        'if-match': String(project.version),
      },
      body,
      duplex: 'half',
    } as RequestInit).catch(() => null);
    await new Promise((r) => setTimeout(r, 1000));
    await kill(studio);
    await sent;
    studio = await startStudio(dataDir, port);
    const after = (await (await fetch(`${base}/api/projects/${project.id}`)).json()) as {
      version: number;
      characters: { id: string; references: unknown[] }[];
    };
    expect(after.version).toBe(project.version);
    expect(after.characters.find((c) => c.id === character.id)!.references).toHaveLength(
      character.references.length,
    );
    expect(leftovers(dataDir)).toEqual([]);
    await kill(studio);
  });

  it('a backup killed half-way is never taken for a finished one, and the next backup finishes it', async () => {
    const dataDir = folder('backup-source');
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const studio = await startStudio(dataDir, port);
    // Media to copy: a reference image per sample character.
    for (const p of (await (await fetch(`${base}/api/projects`)).json()) as { id: string }[]) {
      let view = (await (await fetch(`${base}/api/projects/${p.id}`)).json()) as {
        version: number;
        characters: { id: string }[];
      };
      for (const [i, c] of view.characters.entries()) {
        const form = new FormData();
        form.append('file', new Blob([pngBytes(300 + i, 200, '#225588')], { type: 'image/png' }), 'ref.png');
        const added = await fetch(`${base}/api/characters/${c.id}/references`, {
          method: 'POST',
          headers: { 'if-match': String(view.version) },
          body: form,
        });
        expect(added.status).toBe(201);
        view = { ...view, version: ((await added.json()) as { version: number }).version };
      }
    }
    const target = folder('backup-target');
    // The backup runs in its own process (as `ministudio backup` does) and is killed as soon as it starts
    // copying media.
    const script = `import { backupStudio } from '@ministudio/db';
await backupStudio(${JSON.stringify(dataDir)}, ${JSON.stringify(target)}, (p) => {
  if (p.phase === 'media' && p.done === 1) process.kill(process.pid, 'SIGKILL');
});`;
    const killed = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: path.join(root, 'apps/api'),
      stdio: 'ignore',
    });
    const signal = await new Promise((resolve) => killed.once('exit', (_code, s) => resolve(s)));
    expect(signal).toBe('SIGKILL');
    expect(existsSync(path.join(target, BACKUP_MANIFEST))).toBe(false);
    await expect(restoreStudio(target, folder('refused'))).rejects.toThrow(
      /not a finished MiniStudio backup/,
    );

    const finished = await backupStudio(dataDir, target);
    expect(finished.missingMedia).toEqual([]);
    expect(existsSync(path.join(target, BACKUP_MANIFEST))).toBe(true);
    expect(leftovers(target)).toEqual([]);
    const restored = folder('restored');
    await restoreStudio(target, restored);
    await kill(studio);
    const again = await startStudio(restored, port);
    const titles = ((await (await fetch(`${base}/api/projects`)).json()) as { title: string }[]).map(
      (p) => p.title,
    );
    expect(titles.sort()).toEqual(SAMPLE_PRODUCTIONS.map((s) => s.project.title).sort());
    await kill(again);
  });
});
