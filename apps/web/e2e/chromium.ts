import type { LaunchOptions } from '@playwright/test';

// How the e2e tests (playwright.config.ts) and `pnpm bench editor` start headless Chromium: Debian's
// build, and nothing running in the background that would add noise to timings or reach the network.
export const CHROMIUM_LAUNCH_OPTIONS: LaunchOptions = {
  executablePath: '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
  ],
};
