import type { ShotState, ShotView } from '@ministudio/domain';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useProject } from '../api/hooks';
import { shotStatesKey } from '../api/query-keys';
import { shotStates } from '../api/render-endpoints';
import { layoutTimeline } from '../timeline/timeline-layout';
import { useSpeechPace } from '../timeline/use-speech-pace';
import { useTakeSeconds } from '../timeline/use-take-seconds';
import { type FilmShot, filmShots, type ShotMedia } from './film-clock';

const NO_CHARACTERS: never[] = [];
const NO_MEDIA: ReadonlyMap<string, ShotMedia> = new Map();

// Module level, so react-query recomputes it only when the shot states change.
function mediaByShot(states: ShotState[]): ReadonlyMap<string, ShotMedia> {
  return new Map(states.map((s) => [s.shotId, { videoUrl: s.videoUrl, posterUrl: s.posterUrl }]));
}

export interface Film {
  shots: FilmShot[];
  shotViews: ReadonlyMap<string, ShotView>;
  names: Record<string, string>;
  fps: number;
  width: number;
  height: number;
}

/**
 * The film as the player plays it: the timeline's layout (same lengths, same speech estimates) with each
 * shot's chosen take from the one shot-states request the cards and clips share.
 */
export function useFilm(projectId: string): Film {
  const scenes = useProject(projectId, (p) => p.scenes).data ?? [];
  const fps = useProject(projectId, (p) => p.fps).data ?? 24;
  const width = useProject(projectId, (p) => p.width).data ?? 1920;
  const height = useProject(projectId, (p) => p.height).data ?? 1080;
  const characters = useProject(projectId, (p) => p.characters).data ?? NO_CHARACTERS;
  const takeSeconds = useTakeSeconds(projectId);
  const media =
    useQuery({
      queryKey: shotStatesKey(projectId),
      queryFn: () => shotStates(projectId),
      select: mediaByShot,
    }).data ?? NO_MEDIA;
  const pace = useSpeechPace(projectId);
  const shots = useMemo(
    () => filmShots(layoutTimeline(scenes, takeSeconds, 1, pace).clips, media),
    [scenes, takeSeconds, pace, media],
  );
  const shotViews = useMemo(() => new Map(scenes.flatMap((s) => s.shots).map((s) => [s.id, s])), [scenes]);
  const names = useMemo(() => Object.fromEntries(characters.map((c) => [c.key, c.name])), [characters]);
  return { shots, shotViews, names, fps, width, height };
}
