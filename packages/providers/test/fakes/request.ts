import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { JobContext, VideoRequest } from '@ministudio/domain';
import { fixtures } from './fixtures';

export function videoRequest(overrides: Partial<VideoRequest>): VideoRequest {
  return {
    model: 'x',
    prompt: 'A lighthouse keeper climbs the spiral stairs at dusk.',
    negativePrompt: 'blurry',
    durationSeconds: 8,
    width: 1280,
    height: 720,
    fps: 24,
    aspectRatio: '16:9',
    seed: 1234,
    firstFrame: null,
    lastFrame: null,
    references: [],
    shot: {
      shotKey: 'S01-001',
      sceneSeed: 42,
      style: 'cinematic',
      shotType: 'wide',
      camera: 'static',
      action: 'climbs the stairs',
      narration: '',
      dialogue: [],
      environment: null,
      characters: [],
      speech: [],
    },
    ...overrides,
  } as VideoRequest;
}

export function firstFrame() {
  return fixtures().image;
}

export interface TestJob {
  ctx: JobContext;
  progress: number[];
  /** For each entry of `progress`: whether the adapter marked it as an estimate. */
  estimated: boolean[];
  controller: AbortController;
}

export function testJob(): TestJob {
  const progress: number[] = [];
  const estimated: boolean[] = [];
  const controller = new AbortController();
  const workDir = mkdtempSync(join(tmpdir(), 'providers-job-'));
  const onProgress: JobContext['onProgress'] = (fraction, options) => {
    progress.push(fraction);
    estimated.push(options?.estimated === true);
  };
  return { ctx: { signal: controller.signal, onProgress, workDir }, progress, estimated, controller };
}
