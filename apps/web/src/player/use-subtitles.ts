import { useQuery } from '@tanstack/react-query';
import { type Cue, parseVtt } from './webvtt';

/** The assembled film's subtitles, or null while there is no film with subtitles (the file answers 404). */
export function useSubtitles(projectId: string): Cue[] | null {
  return (
    useQuery({
      queryKey: ['film-subtitles', projectId],
      queryFn: async () => {
        const res = await fetch(`/api/projects/${encodeURIComponent(projectId)}/film/subtitles.vtt`);
        if (!res.ok) return null;
        const cues = parseVtt(await res.text());
        return cues.length > 0 ? cues : null;
      },
      staleTime: 30_000,
    }).data ?? null
  );
}
