import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { ProviderError, type SpeechProvider, type VoiceSampleBody } from '@ministudio/domain';
import { HttpError } from '../lib/http-error';

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
    if (error instanceof ProviderError && error.code === 'provider_rejected_input') {
      throw new HttpError('unsupported_by_provider', error.message, { provider: providerId });
    }
    throw error;
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}
