import { readdirSync, readFileSync } from 'node:fs';
import { NAMED_STYLES } from '@ministudio/domain';
import { describe, expect, it } from 'vitest';
import { planPlate, plateInputFor, plateKey, renderPlatePng, writePlatePng } from '../src/index';
import { contextBytes, lastAlgorithm, sha256, tempDir } from './helpers/fixtures';

const input = () => plateInputFor(contextBytes()[0]!, 320, 180);

describe('environment plate', () => {
  it('is keyed by everything that shapes it', () => {
    const base = input();
    expect(plateKey(base)).toBe(plateKey(input()));
    expect(plateKey(base)).toMatch(/^[0-9a-f]{64}$/);
    const variants = [
      { ...base, seed: base.seed + 1 },
      { ...base, style: 'cyberpunk' },
      { ...base, width: 640 },
      { ...base, context: { ...base.context, timeOfDay: 'night' } },
      { ...base, identity: { ...base.identity, fixedElements: ['desk'] } },
    ];
    for (const v of variants) expect(plateKey(v)).not.toBe(plateKey(base));
  });

  it('renders byte-identical PNGs for the same input, and the seed changes the set', () => {
    const a = renderPlatePng(input());
    expect(sha256(renderPlatePng(input()).png)).toBe(sha256(a.png));
    expect(a.key).toBe(plateKey(input()));
    const reseeded = renderPlatePng({ ...input(), seed: 1 });
    expect(sha256(reseeded.png)).not.toBe(sha256(a.png));
  });

  it('draws the environment’s fixed elements and reads its palette and time of day', () => {
    const atelier = planPlate(input());
    expect(atelier.elements.map((e) => e.kind).sort()).toEqual(['bookshelves', 'desk', 'plants', 'window']);
    expect(atelier.roundWindow).toBe(true);
    expect(atelier.beams).toBe(true);
    const night = planPlate(plateInputFor(lastAlgorithm()[0]!, 320, 180));
    expect(night.elements.map((e) => e.kind)).toContain('server-racks');
    expect(night.glow).not.toBeNull();
    const lum = (c: { r: number; g: number; b: number }) => c.r + c.g + c.b;
    expect(lum(night.wall)).toBeLessThan(lum(atelier.wall));
  });

  it('changes colour and line treatment with the style, never the layout', () => {
    const plans = NAMED_STYLES.map((style) => planPlate({ ...input(), style }));
    const layouts = new Set(
      plans.map((p) => JSON.stringify(p.elements.map((e) => [e.kind, e.x, e.y, e.w, e.h]))),
    );
    const walls = new Set(plans.map((p) => JSON.stringify(p.wall)));
    const lines = new Set(plans.map((p) => p.lineWidth));
    expect(layouts.size).toBe(1);
    expect(walls.size).toBe(plans.length);
    expect(lines.size).toBeGreaterThan(2);
  });

  it('writes the plate file whole, named by its key, with no temp file left', async () => {
    const dir = tempDir();
    const { key, path } = await writePlatePng(input(), dir);
    expect(readdirSync(dir)).toEqual([`plate-${key}.png`]);
    expect(sha256(readFileSync(path))).toBe(sha256(renderPlatePng(input()).png));
  });
});
