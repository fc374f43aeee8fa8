#!/usr/bin/env node
// `pnpm worker`: a render worker for a studio running with REDIS_URL (see README, "Scaling out").
import { spawn } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const child = spawn(
  path.join(root, 'node_modules', '.bin', 'tsx'),
  [path.join(root, 'apps/worker/src/main.ts')],
  {
    stdio: 'inherit',
    cwd: root,
    env: process.env,
  },
);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
