import { PassThrough } from 'node:stream';
import { MediaError } from './errors';
import type { FfmpegJob } from './ffmpeg-job';
import { probeAudio } from './probe';
import { NO_RUN_OPTIONS, runFfmpeg } from './runner';

export function buildDecodeAudioMonoJob(path: string, sampleRate: number, target: PassThrough): FfmpegJob {
  return {
    inputs: [{ source: path, options: [] }],
    filterComplex: null,
    outputs: [
      { target, options: ['-map', '0:a:0', '-vn', '-ac', '1', '-ar', String(sampleRate), '-f', 'f32le'] },
    ],
  };
}

/** Decodes the first audio stream of any file ffmpeg reads to mono 32-bit float samples at `sampleRate`. */
export async function decodeAudioMono(
  path: string,
  sampleRate: number,
  signal: AbortSignal | null = null,
): Promise<Float32Array> {
  if (!Number.isInteger(sampleRate) || sampleRate < 1000 || sampleRate > 384000) {
    throw new MediaError(
      'invalid_argument',
      `Sample rate must be a whole number from 1000 to 384000, got ${sampleRate}`,
    );
  }
  await probeAudio(path);
  // No 'close' event (see frames.ts): a completed decode is not failed as "Output stream closed" under load.
  const sink = new PassThrough({ emitClose: false });
  const chunks: Buffer[] = [];
  sink.on('data', (chunk: Buffer) => chunks.push(chunk));
  await runFfmpeg(buildDecodeAudioMonoJob(path, sampleRate, sink), { ...NO_RUN_OPTIONS, signal });
  const bytes = Buffer.concat(chunks);
  // Copy into a fresh, aligned buffer: Buffer.concat may hand back a pooled slice at any offset.
  const samples = new Float32Array(Math.floor(bytes.byteLength / 4));
  new Uint8Array(samples.buffer).set(bytes.subarray(0, samples.length * 4));
  return samples;
}
