import type { PatchProjectBody, ProjectView, SettingsImpact } from '@ministudio/domain';
import type { TakeBook } from '@ministudio/pipeline';
import { assertFrameConsistent } from './project-settings-rules';

/**
 * Which shots a settings change would make stale, found by planning the project with and without it
 * (a shot whose chosen take's input hash stops matching); nothing is written. Shots already stale are
 * not counted: the change does not make them so.
 */
export async function settingsImpact(
  takes: Pick<TakeBook, 'shotStates'>,
  project: ProjectView,
  body: PatchProjectBody,
): Promise<SettingsImpact> {
  assertFrameConsistent(project, body);
  const before = await takes.shotStates(project);
  const after = await takes.shotStates({ ...project, ...body });
  const staleBefore = new Set(before.filter((s) => s.stale).map((s) => s.shotId));
  const shotIds = after.filter((s) => s.stale && !staleBefore.has(s.shotId)).map((s) => s.shotId);
  return { staleShots: shotIds.length, shotIds };
}
