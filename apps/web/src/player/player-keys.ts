// Which transport action a key press means, as data (tested without a DOM). Letters are case-blind;
// Ctrl, Cmd and Alt combinations stay the editor's and the browser's.

export type PlayerKey =
  | { type: 'toggle' }
  | { type: 'shuttle'; key: 'j' | 'k' | 'l' }
  | { type: 'step'; frames: number }
  | { type: 'home' }
  | { type: 'end' }
  | { type: 'mark'; which: 'in' | 'out' };

export function playerKey(e: {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}): PlayerKey | null {
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
  switch (key) {
    case ' ':
      return { type: 'toggle' };
    case 'j':
    case 'k':
    case 'l':
      return { type: 'shuttle', key };
    case ',':
      return { type: 'step', frames: -1 };
    case '.':
      return { type: 'step', frames: 1 };
    case 'Home':
      return { type: 'home' };
    case 'End':
      return { type: 'end' };
    case 'i':
      return { type: 'mark', which: 'in' };
    case 'o':
      return { type: 'mark', which: 'out' };
    default:
      return null;
  }
}
