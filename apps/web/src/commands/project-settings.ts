import type { PatchProjectBody, ProjectView } from '@ministudio/domain';
import type { Command } from './command';
import type { Editor } from './editor';
import { editProject } from './entity-commands';

/**
 * One settings change as an undoable command: undo puts back exactly the fields the change touched
 * (a new aspect ratio and its size go back together, so the project never disagrees with itself).
 */
export function changeProjectSettings(
  ed: Editor,
  project: ProjectView,
  after: PatchProjectBody,
  label: string,
): Command {
  const keys = Object.keys(after) as (keyof PatchProjectBody)[];
  const before = Object.fromEntries(keys.map((k) => [k, project[k]])) as PatchProjectBody;
  return editProject(ed, before, after, label);
}
