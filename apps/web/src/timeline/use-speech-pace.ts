import { useMemo } from 'react';
import { useProject } from '../api/hooks';
import type { SpeechPace } from './timeline-layout';

const NO_CHARACTERS: never[] = [];

/**
 * The project's speaking pace (each speaker's voice rate, the narrator's, the fps): what a speech shot's
 * estimated length is computed with. One hook, so the timeline and the player agree on every length.
 */
export function useSpeechPace(projectId: string): SpeechPace {
  const fps = useProject(projectId, (p) => p.fps).data ?? 24;
  const characters = useProject(projectId, (p) => p.characters).data ?? NO_CHARACTERS;
  const narrationRate = useProject(projectId, (p) => p.narrationVoice.rate).data ?? 1;
  return useMemo<SpeechPace>(() => {
    const rates = new Map(characters.map((c) => [c.key, c.voice.rate]));
    return { fps, rateOf: (character) => (character === null ? narrationRate : (rates.get(character) ?? 1)) };
  }, [characters, narrationRate, fps]);
}
