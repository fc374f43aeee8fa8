import { SEED_MAX } from './schemas/fields';

/**
 * FNV-1a over the UTF-16 code units, then murmur3's finaliser for avalanche. Pure integer maths, so
 * the same production gives the same seeds in Node, in the browser and on any other studio.
 */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * A shot's seed: derived from its scene's seed and the shot's stable key (never a database id), so
 * reordering shots or importing the production elsewhere keeps every seed. An override wins.
 */
export function deriveShotSeed(sceneSeed: number, shotKey: string, override: number | null = null): number {
  if (override !== null) return override;
  return hash32(`${sceneSeed}:${shotKey}`) % (SEED_MAX + 1);
}

/** A seed for a new scene, from any string (a title, a random key). */
export function seedFromText(text: string): number {
  return hash32(text) % (SEED_MAX + 1);
}

/** Seeded PRNG (mulberry32) for deterministic choices inside one render. */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
