import { type ChildProcess, execFile, spawn } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

export const REPO = path.resolve(import.meta.dirname, '../../..');
const BIN = path.join(REPO, 'apps/cli/bin/ministudio.mjs');

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real command (node + its bin), as a user would. `onStderr` sees progress as it comes. */
export function ministudio(
  args: string[],
  options: { onStderr?: (all: string, child: ChildProcess) => void; env?: NodeJS.ProcessEnv } = {},
): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: REPO,
      env: { ...process.env, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
      options.onStderr?.(stderr, child);
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

export interface Probe {
  duration: number;
  streams: { codec_type: string; duration?: string; nb_frames?: string }[];
}

export async function ffprobe(file: string): Promise<Probe> {
  const { stdout } = await promisify(execFile)('ffprobe', [
    '-v',
    'error',
    '-show_entries',
    'format=duration:stream=codec_type,duration,nb_frames',
    '-of',
    'json',
    file,
  ]);
  const parsed = JSON.parse(stdout) as { format: { duration: string }; streams: Probe['streams'] };
  return { duration: Number(parsed.format.duration), streams: parsed.streams };
}
