import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  FAL_MODELS,
  GEMINI_VEO_MODELS,
  LUMA_MODELS,
  REPLICATE_MODELS,
  RUNWAY_MODELS,
  VERTEX_VEO_MODELS,
} from '../src/capability-tables';
import { priceFor, readConfigFile, readPriceOverrides } from '../src/config';

const dirs: string[] = [];
const withFile = (content: unknown) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'ministudio-prices-'));
  dirs.push(dir);
  writeFileSync(path.join(dir, 'providers.json'), JSON.stringify(content));
  return dir;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('prices', () => {
  it('every priced model names its source and the day it was read; the others are null, not zero', () => {
    const all = [
      ...GEMINI_VEO_MODELS,
      ...VERTEX_VEO_MODELS,
      ...RUNWAY_MODELS,
      ...LUMA_MODELS,
      ...REPLICATE_MODELS,
      ...FAL_MODELS,
    ];
    for (const { capabilities: c } of all) {
      expect(c.price === null || c.price?.microsPerSecond !== undefined, c.model).toBe(true);
      if (c.price) {
        expect(c.price.source).toMatch(/^https:\/\//);
        expect(c.price.readOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(Number.isInteger(c.price.microsPerSecond)).toBe(true);
      }
    }
    expect(FAL_MODELS[0]!.capabilities.price?.microsPerSecond).toBe(280_000);
    expect(GEMINI_VEO_MODELS[0]!.capabilities.price).toBeNull();
  });

  it('providers.json overrides a model, then a whole provider, then the table', () => {
    const dir = withFile({
      GEMINI_API_KEY: 'x',
      prices: {
        'gemini-veo:veo-3.1-generate-preview': { usdPerSecond: '0.40', source: 'https://owner.test' },
        luma: { usdPerSecond: 0.1 },
      },
    });
    const overrides = readPriceOverrides(dir);
    expect(priceFor(GEMINI_VEO_MODELS[0]!.capabilities, overrides)).toMatchObject({
      microsPerSecond: 400_000,
      source: 'https://owner.test',
    });
    expect(priceFor(GEMINI_VEO_MODELS[1]!.capabilities, overrides)).toBeNull();
    expect(priceFor(LUMA_MODELS[1]!.capabilities, overrides)?.microsPerSecond).toBe(100_000);
    expect(priceFor(FAL_MODELS[0]!.capabilities, overrides)?.microsPerSecond).toBe(280_000);
    // The settings reader still sees only NAME: "value" pairs.
    expect(readConfigFile(dir)).toEqual({ GEMINI_API_KEY: 'x' });
  });

  it('a malformed price is an error naming its key, never a guessed figure', () => {
    expect(() => readPriceOverrides(withFile({ prices: { fal: { usdPerSecond: 'cheap' } } }))).toThrow(
      /prices\["fal"\]/,
    );
    expect(() => readPriceOverrides(withFile({ prices: [] }))).toThrow(/"prices" must be an object/);
    expect(readPriceOverrides(null)).toEqual({});
  });
});
