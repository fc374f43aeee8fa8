import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import {
  type ErrorCode,
  type FailureCode,
  ProviderError,
  type SpeechProvider,
  type VoiceSampleBody,
} from '@ministudio/domain';
import { HttpError } from '../lib/http-error';

/** Speech provider failures that are the caller's to fix, as the 4xx they answer (also for speech previews). */
export const SPEECH_REFUSALS: Partial<Record<FailureCode, ErrorCode>> = {
  provider_rejected_input: 'unsupported_by_provider',
  content_filtered: 'unsupported_by_provider',
  provider_not_configured: 'provider_not_configured',
  worker_not_configured: 'provider_not_configured',
};

export const SAMPLE_LINE = 'The storm rolls in over the hills, and the lighthouse keeper looks up.';

/**
 * Speaks a sample line in a voice and answers the audio. Runs in a work folder of its own that goes
 * afterwards, so nothing is stored. A provider that is missing or not configured is a 4xx; messages
 * come from the providers, which keep keys out of them.
 */
export async function speakSample(
  speech: SpeechProvider | null,
  providerId: string,
  body: VoiceSampleBody,
  tmpRoot: string,
): Promise<{ audio: Buffer; mime: string }> {
  if (!speech) throw new HttpError('not_found', `No speech provider "${providerId}"`, { id: providerId });
  if (!speech.configured()) {
    throw new HttpError(
      'provider_not_configured',
      `${speech.label} is not configured; set it up on the Providers page`,
      { provider: providerId },
    );
  }
  const workDir = path.join(tmpRoot, `voice-sample-${randomUUID()}`);
  await mkdir(workDir, { recursive: true });
  try {
    const voice = { provider: providerId, voiceId: body.voiceId, rate: body.rate, pitch: body.pitch };
    const result = await speech.synthesize(
      { text: body.text ?? SAMPLE_LINE, voice },
      { signal: AbortSignal.timeout(30_000), onProgress: () => undefined, workDir },
    );
    return { audio: await readFile(result.path), mime: result.mime };
  } catch (error) {
    // Refusals and missing settings are the caller's to fix (4xx); an outage stays a logged failure.
    if (error instanceof ProviderError) {
      const code = SPEECH_REFUSALS[error.code];
      if (code) throw new HttpError(code, error.message, { provider: providerId, failure: error.code });
    }
    throw error;
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}
