import type { ProjectView } from '@ministudio/domain';
import { excerpt, shotAbout } from '../storyboard/shot-summary';

// What deleting a character or a location takes with it, listed before the one confirmation: the shots
// and lines of a character, the scenes set in a location. Pure, from the project the editor shows.

/** How much of each line the dialog shows. */
export const LINE_EXCERPT = 110;

export interface ShotImpact {
  shotId: string;
  /** "Scene 1 · shot 3". */
  where: string;
  /** What the shot is about, to recognise it. */
  about: string;
  /** The lines it speaks there (removed with it). */
  lines: string[];
  /** Whether it is in the shot's cast (it leaves the cast). */
  inCast: boolean;
}

export function characterImpact(project: ProjectView, key: string): ShotImpact[] {
  const names = Object.fromEntries(project.characters.map((c) => [c.key, c.name]));
  return project.scenes.flatMap((scene, s) =>
    scene.shots.flatMap((shot, i) => {
      // Long lines are shortened: the dialog lists what goes, it does not reprint the script.
      const lines = shot.dialogue
        .filter((l) => l.character === key)
        .map((l) => excerpt(l.text, LINE_EXCERPT));
      const inCast = shot.cast.some((m) => m.character === key);
      if (!lines.length && !inCast) return [];
      return [
        {
          shotId: shot.id,
          where: `Scene ${s + 1} · shot ${i + 1}`,
          about: excerpt(shotAbout(shot, names) || 'No action yet', 60),
          lines,
          inCast,
        },
      ];
    }),
  );
}

export interface SceneImpact {
  sceneId: string;
  /** "Scene 2 · The harbour at dawn". */
  where: string;
}

export function locationImpact(project: ProjectView, environmentId: string): SceneImpact[] {
  return project.scenes.flatMap((scene, s) =>
    scene.environmentId === environmentId
      ? [{ sceneId: scene.id, where: `Scene ${s + 1}${scene.title ? ` · ${scene.title}` : ''}` }]
      : [],
  );
}
