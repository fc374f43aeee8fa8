#!/usr/bin/env node
// `pnpm bench <name>`: runs the benchmark file named <name>.ts found under packages/*/bench or apps/*/bench.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const name = process.argv[2];
const found = [];
for (const group of ['packages', 'apps']) {
  for (const dir of readdirSync(path.join(root, group))) {
    const file = path.join(root, group, dir, 'bench', `${name}.ts`);
    if (existsSync(file)) found.push(file);
  }
}
if (!name || found.length !== 1) {
  const all = [];
  for (const group of ['packages', 'apps']) {
    for (const dir of readdirSync(path.join(root, group))) {
      const benchDir = path.join(root, group, dir, 'bench');
      if (existsSync(benchDir))
        all.push(...readdirSync(benchDir).filter((f) => f.endsWith('.ts') && !f.slice(0, -3).includes('.')));
    }
  }
  console.error(
    `usage: pnpm bench <name>   (benchmarks: ${all.map((f) => f.replace(/\.ts$/, '')).join(', ') || 'none'})`,
  );
  process.exit(2);
}
const tsx = path.join(root, 'node_modules', '.bin', 'tsx');
const result = spawnSync(tsx, [found[0], ...process.argv.slice(3)], { stdio: 'inherit', cwd: root });
process.exit(result.status ?? 1);
