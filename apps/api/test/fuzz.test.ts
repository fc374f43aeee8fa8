import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fuzzRoutes, problemWith, productionArbitrary } from './fuzz/route-fuzz';
import { json, useStudio } from './helpers';

// A bounded sample of `pnpm bench fuzz` (which runs a thousand cases per route): every route of the
// OpenAPI document, bodies and params from its schemas, valid-looking and hostile.
// Eight per route keeps this under a minute on a quiet 2-core machine.
const CASES_PER_ROUTE = 8;

async function knownIds(studio: ReturnType<typeof useStudio>): Promise<string[]> {
  const projects = json<{ id: string }[]>(await studio.app.inject({ method: 'GET', url: '/api/projects' }));
  const ids = projects.map((p) => p.id);
  for (const { id } of projects) {
    const view = json<{
      characters: { id: string }[];
      environments: { id: string }[];
      scenes: { id: string; shots: { id: string }[] }[];
    }>(await studio.app.inject({ method: 'GET', url: `/api/projects/${id}` }));
    ids.push(...view.characters.map((c) => c.id), ...view.environments.map((e) => e.id));
    for (const scene of view.scenes) ids.push(scene.id, ...scene.shots.map((s) => s.id));
  }
  return ids;
}

describe('fuzzing every route', { timeout: 600_000 }, () => {
  const studio = useStudio({ seedSamples: true });

  it('never answers 5xx, always in the error shape, never with a stack or a path', async () => {
    const report = await fuzzRoutes(studio.app, {
      casesPerRoute: CASES_PER_ROUTE,
      seed: 20261204,
      knownIds: await knownIds(studio),
    });
    console.log(
      `fuzz: ${report.cases} cases over ${report.routes} routes in ${report.seconds.toFixed(1)} s`,
      report.statuses,
    );
    expect(report.routes).toBeGreaterThan(40);
    // Enough cases got past validation to reach the handlers, or the fuzzing would prove little.
    const reached = Object.entries(report.statuses)
      .filter(([status]) => status !== '400')
      .reduce((n, [, count]) => n + count, 0);
    expect(reached / report.cases).toBeGreaterThan(0.3);
    expect(report.failures.slice(0, 10)).toEqual([]);
  });

  it('imports plausible but broken production files with a clear 4xx, or imports them whole', async () => {
    const docs = fc.sample(productionArbitrary(), { numRuns: 16, seed: 7 });
    const statuses: Record<string, number> = {};
    for (const doc of docs) {
      const response = await studio.app.inject({
        method: 'POST',
        url: '/api/projects/import',
        payload: doc as object,
      });
      statuses[response.statusCode] = (statuses[response.statusCode] ?? 0) + 1;
      expect(problemWith(response), response.body.slice(0, 300)).toBeNull();
      if (response.statusCode === 201) {
        const { id } = json<{ id: string }>(response);
        expect((await studio.app.inject({ method: 'GET', url: `/api/projects/${id}` })).statusCode).toBe(200);
      }
    }
    console.log('import fuzz statuses', statuses);
    expect(Object.keys(statuses).some((s) => s.startsWith('4'))).toBe(true);
  });
});
