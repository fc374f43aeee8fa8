#!/usr/bin/env node
// `npx ministudio` / `pnpm ministudio`: the workspace runs TypeScript source (no build step), so the
// command registers tsx first; the same loader then lets `validate`/`render` load .ts production scripts.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/main.ts');
process.exitCode = await main(process.argv.slice(2));
