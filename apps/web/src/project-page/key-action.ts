// Which editor action a key press means, as data (tested without a DOM).

export type KeyAction =
  | { type: 'undo' }
  | { type: 'redo' }
  | { type: 'select'; delta: -1 | 1 }
  | { type: 'move'; delta: -1 | 1 }
  | { type: 'delete' }
  | { type: 'deselect' };

interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

export function keyAction(e: KeyLike): KeyAction | null {
  const mod = e.ctrlKey || e.metaKey;
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
  if (mod && !e.altKey && key === 'z') return e.shiftKey ? { type: 'redo' } : { type: 'undo' };
  if (mod && !e.altKey && !e.shiftKey && key === 'y') return { type: 'redo' };
  if (mod) return null;
  const back = key === 'ArrowUp' || key === 'ArrowLeft';
  const forward = key === 'ArrowDown' || key === 'ArrowRight';
  if (back || forward) {
    if (e.shiftKey) return null;
    return { type: e.altKey ? 'move' : 'select', delta: back ? -1 : 1 };
  }
  if (e.altKey || e.shiftKey) return null;
  if (key === 'Delete') return { type: 'delete' };
  if (key === 'Escape') return { type: 'deselect' };
  return null;
}
