import { readdirSync, readFileSync } from 'node:fs';
import { NAMED_STYLES } from '@ministudio/domain';
import { describe, expect, it } from 'vitest';
import {
  planPlate,
  plateInputFor,
  plateKey,
  renderPlateCanvas,
  renderPlatePng,
  writePlatePng,
} from '../src/index';
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
      { ...base, identity: { ...base.identity, fixedElements: [...base.identity.fixedElements, 'a boat'] } },
      { ...base, key: 'another-place' },
      { ...base, location: 'a stone harbour with a fishing boat' },
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
    expect(atelier.elements.map((e) => e.kind).sort()).toEqual(['desk', 'plants', 'shelves', 'window']);
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

  it('draws a stone harbour with a fishing boat as water, a quay and a boat where the layout puts them', () => {
    const harbour = {
      ...input(),
      key: 'harbour',
      location: 'a stone harbour with a fishing boat',
      identity: { architecture: '', fixedElements: ['a brass samovar'], palette: [] },
      style: 'cinematic',
      width: 640,
      height: 360,
    };
    const spec = planPlate(harbour);
    expect(spec.outdoor).toBe(true);
    const canvas = renderPlateCanvas(harbour);
    const ctx = canvas.getContext('2d');
    const at = (x: number, y: number) => {
      const d = ctx.getImageData(Math.round(x), Math.round(y), 1, 1).data;
      return { r: d[0]!, g: d[1]!, b: d[2]!, a: d[3]! };
    };
    const piece = (kind: string) => spec.elements.find((e) => e.kind === kind)!;
    const sea = piece('sea');
    const boat = piece('boat');
    const quay = piece('quay');
    // Water: blue over red, clear of the boat.
    const waterX = boat.x > 320 ? sea.x + 20 : sea.x + sea.w - 20;
    const water = at(waterX, sea.y + sea.h * 0.7);
    expect(water.b).toBeGreaterThan(water.r + 30);
    // Quay: stone, not water; the boat's hull is not the water's colour either.
    const stone = at(quay.x + quay.w * 0.53, quay.y + quay.h * 0.5);
    expect(stone.r).toBeGreaterThan(water.r + 40);
    const hull = at(boat.x + boat.w * 0.5, boat.y + boat.h * 0.85);
    expect(
      Math.abs(hull.r - water.r) + Math.abs(hull.g - water.g) + Math.abs(hull.b - water.b),
    ).toBeGreaterThan(60);
    // The word outside the vocabulary is a labelled shape: its own colour, not the sky behind.
    const samovar = piece('unknown');
    expect(samovar.label).toBe('a brass samovar');
    const sky = at(samovar.x + samovar.w / 2, 5);
    const block = at(samovar.x + samovar.w * 0.1, samovar.y + samovar.h * 0.2);
    expect(Math.abs(block.r - sky.r) + Math.abs(block.g - sky.g) + Math.abs(block.b - sky.b)).toBeGreaterThan(
      40,
    );
  });
});
