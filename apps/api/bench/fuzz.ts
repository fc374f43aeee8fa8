// `pnpm bench fuzz`: a thousand fuzzed requests per route of the OpenAPI document against a real studio
// (temporary data folder, the journal's samples), and the importer with broken production files.
// Prints the statuses, the failures (none is the bound) and one JSON line of figures.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { buildApp } from '../src/app';
import { fuzzRoutes, problemWith, productionArbitrary } from '../test/fuzz/route-fuzz';

const casesPerRoute = Number(process.argv[2] ?? 1000);
const dataDir = mkdtempSync(path.join(tmpdir(), 'ministudio-fuzz-'));
const app = await buildApp({
  dataDir,
  webDir: null,
  seedSamples: true,
  workerToken: null,
  logger: false,
  render: { concurrency: 1, env: {}, retryBaseSeconds: 1, engine: null },
});
await app.ready();
try {
  const projects = JSON.parse((await app.inject({ method: 'GET', url: '/api/projects' })).body) as {
    id: string;
  }[];
  const knownIds = projects.map((p) => p.id);
  for (const { id } of projects) {
    const view = JSON.parse((await app.inject({ method: 'GET', url: `/api/projects/${id}` })).body) as {
      characters: { id: string }[];
      scenes: { id: string; shots: { id: string }[] }[];
    };
    knownIds.push(...view.characters.map((c) => c.id));
    for (const scene of view.scenes) knownIds.push(scene.id, ...scene.shots.map((s) => s.id));
  }
  let done = 0;
  const report = await fuzzRoutes(app, {
    casesPerRoute,
    seed: Date.now() % 1e9,
    knownIds,
    onRoute: (route) => process.stderr.write(`\r[fuzz] route ${++done}: ${route.padEnd(60)}`),
  });
  process.stderr.write('\n');
  const importCases = Math.max(50, Math.round(casesPerRoute / 2));
  let importFailures = 0;
  for (const doc of fc.sample(productionArbitrary(), { numRuns: importCases })) {
    const response = await app.inject({
      method: 'POST',
      url: '/api/projects/import',
      payload: doc as object,
    });
    if (problemWith(response)) importFailures++;
  }
  for (const failure of report.failures.slice(0, 20)) console.log('FAIL', JSON.stringify(failure));
  console.log('statuses', JSON.stringify(report.statuses));
  console.log(
    JSON.stringify({
      routes: report.routes,
      cases_per_route: casesPerRoute,
      cases: report.cases,
      seconds: Number(report.seconds.toFixed(1)),
      fuzz_failures: report.failures.length,
      fuzz_failures_max: 0,
      fuzz_5xx: report.failures.filter((f) => f.status >= 500).length,
      fuzz_5xx_max: 0,
      import_cases: importCases,
      import_failures: importFailures,
      import_failures_max: 0,
    }),
  );
} finally {
  await app.close();
  rmSync(dataDir, { recursive: true, force: true });
}
