import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { JobContext, ShotContext, VideoRequest } from '@ministudio/domain';

// The samples' shots as the shipped planner hands them to a provider (no speech placed yet). The renderer
// may not depend on the pipeline, so they are data here; packages/pipeline/test/production-view.test.ts
// fails when they no longer match the planner, and rewrites them with -u.
const sampleShots = (title: string): ShotContext[] => {
  const all = JSON.parse(readFileSync(path.join(import.meta.dirname, 'sample-shots.json.snap'), 'utf8'));
  return (all as Record<string, ShotContext[]>)[title]!;
};
export const contextBytes = (): ShotContext[] => sampleShots('The ContextBytes Brand Story');
export const lastAlgorithm = (): ShotContext[] => sampleShots('The Last Algorithm');

export function tempDir(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'renderer-test-'));
}

export function jobContext(
  workDir: string,
  signal: AbortSignal | null = null,
): JobContext & { progress: number[] } {
  const progress: number[] = [];
  return {
    signal: signal ?? new AbortController().signal,
    onProgress: (f) => progress.push(f),
    workDir,
    progress,
  };
}

export function request(shot: ShotContext, overrides: Partial<VideoRequest>): VideoRequest {
  return {
    model: 'animatic-v1',
    prompt: '',
    negativePrompt: '',
    durationSeconds: 1,
    width: 320,
    height: 180,
    fps: 24,
    aspectRatio: '16:9',
    seed: null,
    firstFrame: null,
    lastFrame: null,
    references: [],
    shot,
    ...overrides,
  };
}

/** sha256 of every decoded frame, as ffmpeg gives them (rgb24). */
export function decodedFramesHash(file: string): string {
  const raw = execFileSync(
    'ffmpeg',
    ['-v', 'error', '-i', file, '-map', '0:v:0', '-f', 'rawvideo', '-pix_fmt', 'rgb24', '-'],
    {
      maxBuffer: 1 << 30,
    },
  );
  return createHash('sha256').update(raw).digest('hex');
}

export function sha256(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}
