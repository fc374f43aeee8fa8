import contextBytes from '../samples/the-contextbytes-brand-story.json' with { type: 'json' };
import lastAlgorithm from '../samples/the-last-algorithm.json' with { type: 'json' };
import type { Production } from './schemas/production';

/** The journal's two productions, seeded into a fresh studio. Validated by the domain tests. */
export const SAMPLE_PRODUCTIONS: readonly Production[] = [
  contextBytes as Production,
  lastAlgorithm as Production,
];
