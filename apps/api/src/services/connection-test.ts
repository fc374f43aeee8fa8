import { type ConnectionTest, ProviderError } from '@ministudio/domain';
import type { ProviderRegistry } from '@ministudio/providers';
import { notFound } from '../lib/http-error';

/** How long a connection test may take before it says the provider did not answer. */
const TEST_TIMEOUT_MS = 15_000;

/**
 * One cheap authenticated call to a provider and what it found, in plain words: a video provider's own
 * test (its account or models), a speech provider's voice list. A failure is an answer too (ok: false,
 * with the provider's words, keys redacted by the adapters); only an unknown provider is a 404.
 */
export async function testConnection(registry: ProviderRegistry, id: string): Promise<ConnectionTest> {
  const video = registry.video(id);
  const speech = video ? null : registry.speech(id);
  const provider = video ?? speech;
  if (!provider) throw notFound('Provider', id);
  const needs = registry.describe().find((d) => d.id === id)?.required ?? [];
  if (!provider.configured())
    return {
      ok: false,
      message: `${provider.label} is not configured here: set ${needs.map((set) => set.join(' and ')).join(', or ')}.`,
    };
  const signal = AbortSignal.timeout(TEST_TIMEOUT_MS);
  try {
    if (video) {
      if (!video.testConnection)
        return {
          ok: false,
          message: `${video.label} has no test call yet: render a short shot with it to check its settings.`,
        };
      return { ok: true, message: await video.testConnection(signal) };
    }
    const voices = await speech!.listVoices();
    const count = voices.length === 1 ? '1 voice' : `${voices.length} voices`;
    return { ok: true, message: `Connected to ${speech!.label}: ${count} available.` };
  } catch (error) {
    if (error instanceof ProviderError) return { ok: false, message: error.message };
    if (signal.aborted)
      return { ok: false, message: `${provider.label} did not answer within ${TEST_TIMEOUT_MS / 1000} s.` };
    throw error;
  }
}
