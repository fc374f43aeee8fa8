#!/usr/bin/env node
// Runs every suite (lint, type check, unit + API integration, browser end-to-end) and ends with one
// line that sums them all: "N passed, N failed". Setup has already run (see package.json "test").
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const reports = path.join(root, '.tmp', 'test-reports');
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });
const env = {
  ...process.env,
  TURBO_TELEMETRY_DISABLED: '1',
  TURBO_NO_UPDATE_NOTIFIER: '1',
  FORCE_COLOR: '0',
};

const totals = { passed: 0, failed: 0, skipped: 0 };
const lines = [];

function step(title, command, args, extraEnv = {}) {
  console.log(`\n=== ${title} ===`);
  const result = spawnSync(command, args, { stdio: 'inherit', cwd: root, env: { ...env, ...extraEnv } });
  return result.status ?? 1;
}

function count(title, passed, failed, skipped = 0) {
  totals.passed += passed;
  totals.failed += failed;
  totals.skipped += skipped;
  lines.push(`${title}: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
}

// A check that is one pass or one failure.
function check(title, command, args) {
  const status = step(title, command, args);
  count(title, status === 0 ? 1 : 0, status === 0 ? 0 : 1);
}

check('lint and format (biome)', bin('biome'), ['check', '.']);
check('type check (tsc, every package)', bin('turbo'), ['run', 'typecheck', '--output-logs=errors-only']);

// Unit and API integration tests: every package's vitest project in one run.
const vitestJson = path.join(reports, 'vitest.json');
const vitestStatus = step('unit and integration tests (vitest)', bin('vitest'), [
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${vitestJson}`,
]);
if (existsSync(vitestJson)) {
  const report = JSON.parse(readFileSync(vitestJson, 'utf8'));
  const failedFiles = report.testResults.filter(
    (file) => file.status === 'failed' && file.assertionResults.length === 0,
  ).length;
  count(
    'vitest',
    report.numPassedTests,
    report.numFailedTests + failedFiles,
    report.numPendingTests + report.numTodoTests,
  );
} else {
  count('vitest', 0, 1);
}
if (vitestStatus !== 0 && totals.failed === 0) count('vitest exit status', 0, 1);

// Browser end-to-end tests in Debian's Chromium.
const playwrightConfig = path.join(root, 'apps/web/playwright.config.ts');
if (existsSync(playwrightConfig)) {
  const playwrightJson = path.join(reports, 'playwright.json');
  const status = step(
    'browser end-to-end tests (playwright)',
    bin('playwright'),
    ['test', '-c', playwrightConfig, '--reporter=list,json'],
    {
      PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightJson,
    },
  );
  if (existsSync(playwrightJson)) {
    const { stats } = JSON.parse(readFileSync(playwrightJson, 'utf8'));
    count('playwright', stats.expected + stats.flaky, stats.unexpected, stats.skipped);
    if (status !== 0 && stats.unexpected === 0) count('playwright exit status', 0, 1);
  } else {
    count('playwright', 0, 1);
  }
}

console.log('\n=== summary ===');
for (const line of lines) console.log(line);
console.log(
  `${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`,
);
process.exit(totals.failed === 0 ? 0 : 1);
