import { createHash } from 'node:crypto';
import type { PlateInput } from './plate-spec';

/** Bumped when the plate drawing changes, so stored plates from an older renderer are not reused. */
export const PLATE_RENDERER_VERSION = 2;

/**
 * The locked plate's identity: a hash of everything that shapes it. Keys are written in a fixed order
 * so the same environment hashes the same anywhere.
 */
export function plateKey(input: PlateInput): string {
  const { identity, context } = input;
  const canonical = JSON.stringify([
    PLATE_RENDERER_VERSION,
    // The location's key and line place and name the set pieces (planSet), so they shape the plate too.
    input.key,
    input.location,
    identity.architecture,
    identity.fixedElements,
    identity.palette,
    context.lighting,
    context.weather,
    context.timeOfDay,
    input.style,
    input.width,
    input.height,
    input.seed,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}
