import path from 'node:path';
import { ProviderError } from '@ministudio/domain';
import type { HandlerContext } from './context';
import type { SpeechOutput, SpeechPayload } from './payloads';
import { notConfigured } from './unconfigured';

/** Speaks one line, unless the same text in the same voice was spoken before (then the file is reused). */
export async function runSpeech(payload: SpeechPayload, ctx: HandlerContext): Promise<SpeechOutput> {
  const cached = await ctx.io.cached(payload.cacheKey);
  if (cached && cached.durationSeconds !== null) {
    return { assetId: cached.id, durationSeconds: cached.durationSeconds, cached: true };
  }
  const provider = ctx.providers.speech(payload.provider);
  if (!provider)
    throw new ProviderError('provider_rejected_input', `No speech provider "${payload.provider}"`);
  if (!provider.configured()) throw notConfigured(ctx, 'speech', provider.id, provider.label);
  const result = await provider.synthesize(
    { text: payload.text, voice: payload.voice },
    { signal: ctx.signal, onProgress: ctx.onProgress, workDir: ctx.io.workDir },
  );
  const stored = await ctx.io.store(result.path, {
    kind: 'audio',
    mime: result.mime,
    name: path.basename(result.path),
    durationSeconds: result.durationSeconds,
    width: null,
    height: null,
    cacheKey: payload.cacheKey,
  });
  return { assetId: stored.id, durationSeconds: result.durationSeconds, cached: false };
}
