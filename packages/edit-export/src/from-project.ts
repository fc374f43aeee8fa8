import { CAMERA_MOVE_LABELS, type ProjectView, SHOT_TYPE_LABELS } from '@ministudio/domain';
import { type Cut, type CutLine, clipMediaPath, secondsToFrames } from './cut';
import type { StoryboardPdfInput, StoryboardShot } from './storyboard-pdf';

/** What the cut needs of a shot's chosen (finished) take: its length and its placed lines. */
export interface ChosenTake {
  durationSeconds: number;
  lines: { character: string | null; text: string; startSeconds: number; durationSeconds: number }[];
}

/** A shot that has no finished chosen take, named as the editor names it. */
export interface MissingShot {
  shotId: string;
  number: number;
  scene: string;
}

function sceneTitle(project: ProjectView, index: number): string {
  return project.scenes[index]?.title || `Scene ${index + 1}`;
}

/** The shots that cannot go into a cut because they have no finished chosen take. */
export function missingTakes(project: ProjectView, takes: ReadonlyMap<string, ChosenTake>): MissingShot[] {
  const missing: MissingShot[] = [];
  let number = 0;
  project.scenes.forEach((scene, index) => {
    for (const shot of scene.shots) {
      number++;
      if (!takes.has(shot.id)) missing.push({ shotId: shot.id, number, scene: sceneTitle(project, index) });
    }
  });
  return missing;
}

function clipName(sceneIndex: number, shotIndex: number, action: string): string {
  const about = action.trim().replace(/\s+/g, ' ');
  const short = about.length > 48 ? `${about.slice(0, 47)}…` : about;
  return `S${sceneIndex + 1} shot ${shotIndex + 1}${short ? ` — ${short}` : ''}`;
}

/**
 * The cut of a project from each shot's chosen take, in film order (the same takes the film is assembled from).
 * Throws when a shot has none: call `missingTakes` first to refuse with their names.
 */
export function cutFromProject(project: ProjectView, takes: ReadonlyMap<string, ChosenTake>): Cut {
  const rate = { num: project.fps, den: 1 };
  const speakers = new Map(project.characters.map((c) => [c.key, c.name]));
  const clips: Cut['clips'] = [];
  project.scenes.forEach((scene, sceneIndex) => {
    scene.shots.forEach((shot, shotIndex) => {
      const take = takes.get(shot.id);
      if (!take) throw new Error(`Shot ${shot.id} has no finished take`);
      const number = clips.length + 1;
      // At least one frame: a clip of zero frames is not a clip in any of the formats.
      const frames = Math.max(1, secondsToFrames(take.durationSeconds, rate));
      const lines: CutLine[] = take.lines.map((line) => {
        const startFrame = Math.min(frames - 1, Math.max(0, secondsToFrames(line.startSeconds, rate)));
        return {
          kind: line.character === null ? 'narration' : 'dialogue',
          speaker: line.character === null ? null : (speakers.get(line.character) ?? line.character),
          text: line.text,
          startFrame,
          // Cut at the clip's end, as the film's subtitles are.
          frames: Math.max(1, Math.min(secondsToFrames(line.durationSeconds, rate), frames - startFrame)),
        };
      });
      clips.push({
        shotId: shot.id,
        number,
        name: clipName(sceneIndex, shotIndex, shot.action),
        scene: sceneIndex,
        media: clipMediaPath(number, shot.key),
        frames,
        lines,
      });
    });
  });
  return {
    title: project.title,
    rate,
    width: project.width,
    height: project.height,
    audio: true,
    scenes: project.scenes.map((scene, index) => ({ title: sceneTitle(project, index), key: scene.key })),
    clips,
  };
}

/** The storyboard of a project: every shot in film order, with its chosen take's poster when it has one. */
export function storyboardFromProject(
  project: ProjectView,
  takes: ReadonlyMap<string, Pick<ChosenTake, 'durationSeconds'>>,
  posters: ReadonlyMap<string, Buffer>,
): StoryboardPdfInput {
  const speakers = new Map(project.characters.map((c) => [c.key, c.name]));
  let number = 0;
  return {
    title: project.title,
    width: project.width,
    height: project.height,
    scenes: project.scenes.map((scene, index) => ({
      title: sceneTitle(project, index),
      mood: scene.mood,
      shots: scene.shots.map((shot): StoryboardShot => {
        number++;
        const take = takes.get(shot.id);
        // A rendered shot shows how long its take is; otherwise what the shot asks for.
        const seconds = take?.durationSeconds ?? (shot.duration === 'speech' ? null : shot.duration);
        return {
          number,
          shotType: SHOT_TYPE_LABELS[shot.shotType],
          camera: CAMERA_MOVE_LABELS[shot.camera],
          duration: seconds === null ? 'as long as its speech' : `${seconds.toFixed(1)} s`,
          action: shot.action,
          dialogue: shot.dialogue.map((line) => ({
            speaker: speakers.get(line.character) ?? line.character,
            text: line.text,
          })),
          narration: shot.narration,
          poster: posters.get(shot.id) ?? null,
        };
      }),
    })),
  };
}
