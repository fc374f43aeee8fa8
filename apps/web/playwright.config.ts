import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';
import { CHROMIUM_LAUNCH_OPTIONS } from './e2e/chromium';

// The real API server, serving the freshly built editor, on a free port with a fresh data folder.
// The runner and its workers all load this file: the first one picks port and folder and shares
// them through the environment, which workers inherit.

const repoRoot = path.resolve(import.meta.dirname, '../..');

function freePort(): string {
  const script =
    "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})";
  return execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }).trim();
}

process.env.MINISTUDIO_E2E_PORT ??= freePort();
process.env.MINISTUDIO_E2E_DATA ??= mkdtempSync(path.join(tmpdir(), 'ministudio-e2e-'));
// The editor is built into a folder of this run's own, so two runs side by side never serve each other's build.
process.env.MINISTUDIO_E2E_WEB ??= mkdtempSync(path.join(tmpdir(), 'ministudio-e2e-web-'));
const port = process.env.MINISTUDIO_E2E_PORT;
const dataDir = process.env.MINISTUDIO_E2E_DATA;
const webDir = process.env.MINISTUDIO_E2E_WEB;

export default defineConfig({
  testDir: './e2e',
  outputDir: './test-results',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // One shared server and two shared cores: tests run one after another.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  reporter: [
    ['list'],
    [
      'json',
      {
        outputFile:
          process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ?? path.join(import.meta.dirname, 'test-results/e2e.json'),
      },
    ],
  ],
  globalTeardown: './e2e/global-teardown.ts',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    browserName: 'chromium',
    viewport: { width: 1440, height: 900 },
    trace: 'retain-on-failure',
    launchOptions: CHROMIUM_LAUNCH_OPTIONS,
  },
  webServer: {
    command: `node_modules/.bin/vite build --config apps/web/vite.config.ts apps/web --logLevel warn --outDir ${webDir} --emptyOutDir && node_modules/.bin/tsx apps/api/src/main.ts`,
    cwd: repoRoot,
    url: `http://127.0.0.1:${port}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      PORT: port,
      HOST: '127.0.0.1',
      MINISTUDIO_DATA: dataDir,
      MINISTUDIO_WEB_DIR: webDir,
      LOG_LEVEL: 'warn',
    },
  },
});
