// Which editor action a key press means, as data (tested without a DOM).

export type KeyAction =
  | { type: 'undo' }
  | { type: 'redo' }
  | { type: 'select'; delta: -1 | 1 }
  | { type: 'move'; delta: -1 | 1 }
  | { type: 'delete' }
  | { type: 'deselect' }
  | { type: 'duplicate' }
  /** Split the shot under the playhead: S, or Ctrl/Cmd+K. */
  | { type: 'split' }
  /** `[` trims the selected shot so it starts at the playhead, `]` so it ends there. */
  | { type: 'trim'; edge: 'start' | 'end' };

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
  if (mod && !e.altKey && !e.shiftKey && key === 'd') return { type: 'duplicate' };
  if (mod && !e.altKey && !e.shiftKey && key === 'k') return { type: 'split' };
  if (mod) return null;
  const back = key === 'ArrowUp' || key === 'ArrowLeft';
  const forward = key === 'ArrowDown' || key === 'ArrowRight';
  if (back || forward) {
    if (e.shiftKey) return null;
    return { type: e.altKey ? 'move' : 'select', delta: back ? -1 : 1 };
  }
  if (e.altKey || e.shiftKey) return null;
  if (key === 'Delete' || key === 'Backspace') return { type: 'delete' };
  if (key === 'Escape') return { type: 'deselect' };
  if (key === 's') return { type: 'split' };
  if (key === '[') return { type: 'trim', edge: 'start' };
  if (key === ']') return { type: 'trim', edge: 'end' };
  return null;
}
