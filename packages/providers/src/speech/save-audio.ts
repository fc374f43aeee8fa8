import { rm } from 'node:fs/promises';
import type { JobContext, SpeechResult } from '@ministudio/domain';
import { probeAudio } from '@ministudio/media';
import type { ProviderHttp } from '../http/client';
import type { Downloaded } from '../http/download';

/** Measures what was saved; a file ffprobe cannot read is removed and reported, never returned. */
export async function speechResult(
  http: ProviderHttp,
  file: Downloaded,
  ctx: JobContext,
  alignment: SpeechResult['alignment'],
): Promise<SpeechResult> {
  let durationSeconds: number;
  try {
    durationSeconds = (await probeAudio(file.path, ctx.signal)).durationSeconds;
    if (!(durationSeconds > 0)) throw new Error(`ffprobe found no duration in ${file.path}`);
  } catch (error) {
    await rm(file.path, { force: true });
    if (ctx.signal.aborted) throw http.fail('cancelled', 'cancelled while measuring the audio');
    throw http.fail('media_invalid', 'the speech audio cannot be read', error);
  }
  ctx.onProgress(1);
  return { path: file.path, mime: file.mime, durationSeconds, alignment };
}

export function speechBaseName(provider: string): string {
  return `${provider}-speech-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}
