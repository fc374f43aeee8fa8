#!/usr/bin/env node
// `npx ministudio` / `pnpm ministudio`: the workspace runs TypeScript source (no build step), so the
// command registers tsx first; the same loader then lets `validate`/`render` load .ts production scripts.
import { register } from 'tsx/esm/api';

register();
// `pnpm ministudio …` runs in the workspace root; file arguments are meant from where the user typed it.
if (process.env.npm_lifecycle_event === 'ministudio' && process.env.INIT_CWD)
  process.chdir(process.env.INIT_CWD);
const { main } = await import('../src/main.ts');
process.exitCode = await main(process.argv.slice(2));
