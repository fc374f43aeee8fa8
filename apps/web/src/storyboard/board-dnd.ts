import { type CollisionDetection, closestCenter, type DragEndEvent, pointerWithin } from '@dnd-kit/core';
import type { Command } from '../commands/command';
import type { Editor } from '../commands/editor';
import { moveScene, moveShotToScene } from '../commands/move-commands';
import { moveShot } from '../commands/shot-commands';
import { shotDropTarget } from './move-target';

// One drag context for the board: scenes drag by their handle among scenes; shots drag onto any scene's
// shots (or the empty part of its list). Each drop is one command.

export type DragKind = 'scene' | 'shot' | 'list';
const kindOf = (data: { current?: Record<string, unknown> | undefined }) =>
  data.current?.kind as DragKind | undefined;

export const boardCollision: CollisionDetection = (args) => {
  const dragging = kindOf(args.active.data);
  const containers = args.droppableContainers.filter((c) =>
    dragging === 'scene' ? kindOf(c.data) === 'scene' : kindOf(c.data) !== 'scene',
  );
  if (dragging === 'scene') return closestCenter({ ...args, droppableContainers: containers });
  const within = pointerWithin({ ...args, droppableContainers: containers });
  const isShot = (id: unknown) => containers.some((c) => c.id === id && kindOf(c.data) === 'shot');
  const shots = within.filter((c) => isShot(c.id));
  if (shots.length > 0) return shots;
  if (within.length > 0) return within;
  const shotContainers = containers.filter((c) => kindOf(c.data) === 'shot');
  return closestCenter({ ...args, droppableContainers: shotContainers });
};

/** The command a finished drag asks for, or null when it changes nothing. */
export function dropCommand(editor: Editor, e: DragEndEvent): Command | null {
  if (!e.over) return null;
  const active = String(e.active.id);
  const over = String(e.over.id);
  if (kindOf(e.active.data) === 'scene') {
    const to = editor.project().scenes.findIndex((s) => s.id === over);
    return to >= 0 && over !== active ? moveScene(editor, active, to) : null;
  }
  const target = shotDropTarget(editor.project(), active, over);
  if (!target) return null;
  return target.across
    ? moveShotToScene(editor, active, target.sceneId, target.index)
    : moveShot(editor, active, target.index);
}
