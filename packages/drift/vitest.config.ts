import { defineConfig } from 'vitest/config';

// The calibration suite encodes and decodes a few dozen small clips: generous timeouts on a busy machine.
export default defineConfig({
  test: { include: ['test/**/*.test.ts'], testTimeout: 120_000, hookTimeout: 180_000 },
});
