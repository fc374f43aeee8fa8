import type { SpeechProvider, VideoProvider } from '@ministudio/domain';
import {
  createEspeakSpeechProvider,
  createLocalVideoProvider,
  DEFAULT_LOCAL_OPTIONS,
} from '@ministudio/renderer';

/** The built-in providers from @ministudio/renderer: the animatic video and espeak-ng speech. */
export function builtInProviders(): { video: VideoProvider[]; speech: SpeechProvider[] } {
  return {
    video: [createLocalVideoProvider(DEFAULT_LOCAL_OPTIONS)],
    speech: [createEspeakSpeechProvider({ binary: null })],
  };
}
