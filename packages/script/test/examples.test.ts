import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import contextBytes from '../../../examples/the-contextbytes-brand-story';
import lastAlgorithm from '../../../examples/the-last-algorithm';

const samples = path.resolve(import.meta.dirname, '../../domain/samples');
const sample = (name: string) => JSON.parse(readFileSync(path.join(samples, name), 'utf8'));

describe('examples/ compile to the journal samples', () => {
  // Serialised and compared as text so key order counts too: the file must come out exactly as the sample.
  it('The Last Algorithm', () => {
    expect(JSON.stringify(lastAlgorithm, null, 2)).toBe(
      JSON.stringify(sample('the-last-algorithm.json'), null, 2),
    );
  });

  it('The ContextBytes Brand Story', () => {
    expect(JSON.stringify(contextBytes, null, 2)).toBe(
      JSON.stringify(sample('the-contextbytes-brand-story.json'), null, 2),
    );
  });
});
