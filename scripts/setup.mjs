#!/usr/bin/env node
// Sets up everything MiniStudio needs, doing only what is missing, so a second run takes a second or two.
//   node scripts/setup.mjs          what `npm start` needs
//   node scripts/setup.mjs --test   also what `npm test` needs (Chromium, Redis)
// Plain Node with no dependencies: it runs before anything is installed.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const forTests = process.argv.includes('--test');
const stampDir = path.join(root, 'node_modules', '.ministudio');

const say = (line) => console.log(`[setup] ${line}`);
const has = (command) => spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', cwd: root, ...options });
  if (result.status !== 0) {
    console.error(`[setup] failed: ${command} ${args.join(' ')}`);
    process.exit(result.status ?? 1);
  }
}

// 1. System packages from Debian (apt). Each entry: what proves it is there, and the package providing it.
const systemNeeds = [
  { check: () => has('ffmpeg') && has('ffprobe'), pkg: 'ffmpeg' },
  { check: () => has('espeak-ng'), pkg: 'espeak-ng' },
  { check: () => existsSync('/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf'), pkg: 'fonts-dejavu-core' },
];
if (forTests) {
  systemNeeds.push({ check: () => existsSync('/usr/bin/chromium'), pkg: 'chromium' });
  systemNeeds.push({ check: () => has('redis-server'), pkg: 'redis-server' });
  // Real consumers of our exports: melt (the engine of Shotcut and Kdenlive) plays the MLT edit,
  // pdftoppm rasterises the storyboard PDF.
  systemNeeds.push({ check: () => has('melt'), pkg: 'melt' });
  systemNeeds.push({ check: () => has('pdftoppm'), pkg: 'poppler-utils' });
}
const missing = systemNeeds.filter((need) => !need.check()).map((need) => need.pkg);
if (missing.length) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !has('apt-get')) {
    console.error(
      `[setup] MiniStudio needs these system packages: ${missing.join(' ')}\n` +
        `        Install them, for example:  sudo apt-get install -y ${missing.join(' ')}\n` +
        '        then run this command again.',
    );
    process.exit(1);
  }
  say(`installing system packages: ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  run('apt-get', ['update', '-qq'], { env });
  run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], { env });
}

// 2. pnpm, the workspace's package manager.
const PNPM_VERSION = '12.21.0';
let pnpm = 'pnpm';
const localPnpm = path.join(root, '.tools', 'node_modules', '.bin', 'pnpm');
if (!has('pnpm')) {
  if (existsSync(localPnpm)) {
    pnpm = localPnpm;
  } else {
    say(`installing pnpm ${PNPM_VERSION}`);
    const global = spawnSync('npm', ['install', '-g', `pnpm@${PNPM_VERSION}`], { stdio: 'inherit' });
    if (global.status !== 0 || !has('pnpm')) {
      say('global install not possible; installing pnpm into .tools/');
      run('npm', ['install', '--prefix', path.join(root, '.tools'), `pnpm@${PNPM_VERSION}`]);
      pnpm = localPnpm;
    }
  }
}

const env = { ...process.env, TURBO_TELEMETRY_DISABLED: '1', TURBO_NO_UPDATE_NOTIFIER: '1' };
// Offline machines cannot download Node headers for native addons (better-sqlite3): use the installed ones,
// but only when they are this Node's own version, or the addon would be built for another ABI.
if (!env.npm_config_nodedir && installedHeadersMatch('/usr/include/node/node_version.h'))
  env.npm_config_nodedir = '/usr';

function installedHeadersMatch(file) {
  if (!existsSync(file)) return false;
  const text = readFileSync(file, 'utf8');
  const part = (name) => new RegExp(`#define NODE_${name}_VERSION (\\d+)`).exec(text)?.[1];
  return `v${part('MAJOR')}.${part('MINOR')}.${part('PATCH')}` === process.version;
}

function fingerprint(files) {
  const hash = createHash('sha256');
  for (const file of files) {
    const full = path.join(root, file);
    hash.update(file);
    hash.update(existsSync(full) ? readFileSync(full) : 'missing');
  }
  return hash.digest('hex');
}
const stampOk = (name, value) => {
  const file = path.join(stampDir, name);
  return existsSync(file) && readFileSync(file, 'utf8') === value;
};
const writeStamp = (name, value) => {
  mkdirSync(stampDir, { recursive: true });
  writeFileSync(path.join(stampDir, name), value);
};

// 3. The workspace's dependencies, when the lockfile or a manifest changed.
const manifests = ['package.json'];
for (const group of ['apps', 'packages']) {
  for (const dir of readdirSync(path.join(root, group))) {
    if (existsSync(path.join(root, group, dir, 'package.json')))
      manifests.push(`${group}/${dir}/package.json`);
  }
}
const installPrint = fingerprint(['pnpm-lock.yaml', 'pnpm-workspace.yaml', ...manifests]);
if (!stampOk('install', installPrint)) {
  say('installing dependencies (pnpm install)');
  run(pnpm, ['install', '--frozen-lockfile'], { env });
  writeStamp('install', installPrint);
}

// 4. The Prisma client, generated from prisma/schema.prisma.
const schemaPrint = fingerprint(['prisma/schema.prisma', 'pnpm-lock.yaml']);
if (
  !stampOk('prisma', schemaPrint) ||
  !existsSync(path.join(root, 'packages/db/src/generated/prisma/client.ts'))
) {
  say('generating the Prisma client');
  run(pnpm, ['exec', 'prisma', 'generate'], { env });
  writeStamp('prisma', schemaPrint);
}

// 5. Build the editor (turbo skips it when nothing changed).
run(pnpm, ['exec', 'turbo', 'run', 'build', '--output-logs=errors-only'], { env });
say('ready');
