import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli';
import type { DriftFinding } from '../src/report';
import { BASE, regionsOf, renderScene } from './scene';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (t: string) => out.push(t), err: (t: string) => err.push(t) }, out, err };
}

describe('pnpm drift', () => {
  let dir = '';
  let a = '';
  let moved = '';
  let again = '';

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'drift-cli-'));
    a = path.join(dir, 'a.mp4');
    moved = path.join(dir, 'moved.mp4');
    again = path.join(dir, 'again.mp4');
    const movedScene = { ...BASE, shelvesX: BASE.shelvesX + 0.04 };
    await Promise.all([renderScene(BASE, a), renderScene(movedScene, moved), renderScene(BASE, again)]);
    // Sidecars beside the clips, named as the CLI looks for them.
    await writeFile(path.join(dir, 'a.regions.json'), JSON.stringify(regionsOf(BASE)));
    await writeFile(path.join(dir, 'moved.regions.json'), JSON.stringify(regionsOf(movedScene)));
    await writeFile(path.join(dir, 'again.regions.json'), JSON.stringify(regionsOf(BASE)));
  }, 180_000);

  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('prints findings as JSON and fails on a visible one when asked', async () => {
    const cache = path.join(dir, 'cache');
    const c = capture();
    const code = await main([a, moved, '--json', '--fail-on', 'visible', '--cache', cache], c.io);
    expect(code).toBe(1);
    const { findings } = JSON.parse(c.out.join('')) as { findings: DriftFinding[] };
    const shelves = findings.find((f) => f.kind === 'layout' && f.subject === 'shelves');
    expect(shelves?.level).toBe('obvious');
    expect(shelves?.value).toBeGreaterThan(3.5);
    expect(shelves?.value).toBeLessThan(4.5);
    expect(shelves?.box).toHaveLength(4);
    for (const f of findings) {
      expect(['colour', 'identity', 'layout', 'grade', 'flicker', 'jitter', 'sync']).toContain(f.kind);
      expect(['cut', 'a', 'b']).toContain(f.where);
      expect(['none', 'visible', 'obvious']).toContain(f.level);
    }
    // Both measurements were cached by content hash; a second run reads them and answers the same.
    expect((await readdir(cache)).filter((f) => f.endsWith('.json'))).toHaveLength(2);
    const again2 = capture();
    expect(await main([a, moved, '--json', '--cache', cache], again2.io)).toBe(0);
    expect(JSON.parse(again2.out.join(''))).toEqual({ findings });
  });

  it('stays quiet on a re-render of the same shot, in words', async () => {
    const c = capture();
    const code = await main([a, again, '--fail-on', 'visible', '--no-cache'], c.io);
    expect(c.err).toEqual([]);
    expect(code).toBe(0);
    expect(c.out.join('\n')).toMatch(/Same place/);
    expect(c.out.join('\n')).toMatch(/Nothing visible drifted/);
  });

  it('says what is wrong with the arguments', async () => {
    const missing = capture();
    expect(await main([path.join(dir, 'nope.mp4'), a], missing.io)).toBe(2);
    expect(missing.err.join('')).toMatch(/No file at .*nope\.mp4/);
    const one = capture();
    expect(await main([a], one.io)).toBe(2);
    expect(one.err.join('')).toMatch(/Give two clips/);
    const level = capture();
    expect(await main([a, moved, '--fail-on', 'sometimes'], level.io)).toBe(2);
    expect(level.err.join('')).toMatch(/visible or obvious/);
    const help = capture();
    expect(await main(['--help'], help.io)).toBe(0);
    expect(help.out.join('')).toMatch(/Usage: pnpm drift A\.mp4 B\.mp4/);
    const badRegions = capture();
    await writeFile(path.join(dir, 'bad.json'), '{"version": 2}');
    expect(await main([a, moved, '--regions-a', path.join(dir, 'bad.json')], badRegions.io)).toBe(2);
    expect(badRegions.err.join('')).toMatch(/not a frame-regions file/);
    const notVideo = capture();
    await writeFile(path.join(dir, 'text.mp4'), 'not a video');
    expect(await main([path.join(dir, 'text.mp4'), a, '--no-cache'], notVideo.io)).toBe(2);
    expect(notVideo.err.join('')).toMatch(/^drift: .*text\.mp4/);
  });
});
