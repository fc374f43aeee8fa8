import type { ShotFields } from '@ministudio/domain';
import { findShot } from '../api/project-patches';
import type { Command } from './command';
import type { Editor } from './editor';
import { addShot, editShot } from './shot-commands';
import { shotFields } from './snapshots';
import { compound } from './timeline-commands';

// The fixes a card offers when a fixed-length shot's speech runs past its end: each one command in
// history, however many writes it takes.

function locate(ed: Editor, shotId: string) {
  const found = findShot(ed.project(), ed.ids.resolve(shotId));
  if (!found) throw new Error('That shot no longer exists');
  return found;
}

/** The shot follows its speech (its length becomes what the speech gives it). */
export function followSpeech(ed: Editor, shotId: string): Command {
  const { shot } = locate(ed, shotId);
  return editShot(ed, shotId, { duration: shot.duration }, { duration: 'speech' }, 'Follow the speech');
}

/** The shot is lengthened to `seconds` (what the speech needs, as the model allows). */
export function lengthenShot(ed: Editor, shotId: string, seconds: number): Command {
  const { shot } = locate(ed, shotId);
  return editShot(ed, shotId, { duration: shot.duration }, { duration: seconds }, `Lengthen to ${seconds} s`);
}

/**
 * The shot keeps the first part of its speech and new shots after it take the rest, each a copy of it
 * (same length, framing, cast and look) with its own lines. Undo deletes the new shots and puts the
 * lines back.
 */
export function splitForSpeech(
  ed: Editor,
  shotId: string,
  parts: readonly Pick<ShotFields, 'dialogue' | 'narration'>[],
): Command {
  const { scene, shot, index } = locate(ed, shotId);
  const [first, ...rest] = parts;
  if (!first || rest.length === 0) throw new Error('Nothing to split: the speech already fits');
  const before = { dialogue: shot.dialogue, narration: shot.narration };
  return compound(`Split into ${parts.length} shots`, [
    editShot(ed, shotId, before, first, 'Keep the first lines'),
    ...rest.map((part, i) =>
      addShot(ed, scene.id, { ...shotFields(shot), ...part, position: index + 1 + i }, null),
    ),
  ]);
}
