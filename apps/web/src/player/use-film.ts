import type { CharacterView, ProjectView, SceneView, ShotState, ShotView } from '@ministudio/domain';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useProject } from '../api/hooks';
import { shotStatesKey } from '../api/query-keys';
import { shotStates } from '../api/render-endpoints';
import { layoutTimeline } from '../timeline/timeline-layout';
import { useSpeechPace } from '../timeline/use-speech-pace';
import { useTakeSeconds } from '../timeline/use-take-seconds';
import { type FilmShot, filmShots, type ShotMedia, speechPreviewUrl } from './film-clock';

const NO_CHARACTERS: never[] = [];
const NO_MEDIA: ReadonlyMap<string, ShotMedia> = new Map();

// Module level, so react-query recomputes it only when the shot states change.
function mediaByShot(states: ShotState[]): ReadonlyMap<string, ShotMedia> {
  return new Map(states.map((s) => [s.shotId, { videoUrl: s.videoUrl, posterUrl: s.posterUrl }]));
}

/**
 * Each spoken shot's speech preview address: its lines in the voices that will speak them (a voice change
 * is a new address too). The player plays it under the shot's card until the shot has a take.
 */
function speechByShot(
  scenes: readonly SceneView[],
  characters: readonly CharacterView[],
  narrationVoice: ProjectView['narrationVoice'] | undefined,
): ReadonlyMap<string, string> {
  const voices = new Map(characters.map((c) => [c.key, c.voice]));
  const out = new Map<string, string>();
  for (const shot of scenes.flatMap((s) => s.shots)) {
    const lines = shot.dialogue.map((l) => ({ text: l.text, voice: voices.get(l.character) ?? null }));
    lines.push({ text: shot.narration, voice: narrationVoice ?? null });
    const url = speechPreviewUrl(shot.id, lines);
    if (url) out.set(shot.id, url);
  }
  return out;
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
  const narrationVoice = useProject(projectId, (p) => p.narrationVoice).data;
  const pace = useSpeechPace(projectId);
  const speech = useMemo(
    () => speechByShot(scenes, characters, narrationVoice),
    [scenes, characters, narrationVoice],
  );
  const shots = useMemo(
    () => filmShots(layoutTimeline(scenes, takeSeconds, 1, pace).clips, media, speech),
    [scenes, takeSeconds, pace, media, speech],
  );
  const shotViews = useMemo(() => new Map(scenes.flatMap((s) => s.shots).map((s) => [s.id, s])), [scenes]);
  const names = useMemo(() => Object.fromEntries(characters.map((c) => [c.key, c.name])), [characters]);
  return { shots, shotViews, names, fps, width, height };
}
