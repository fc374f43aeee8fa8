import { useCallback, useState } from 'react';

// Which view of the project the editor shows: the Storyboard (cards by scene, for writing and planning) or
// Edit (a viewer over the timeline, for watching the cut). Remembered per project in localStorage, so a
// project reopens where its maker left it.
//
// Storyboard is the default: a new project is written before it is cut, and until a shot has a take the
// viewer can only show the same cards the board does. Choosing Edit once sticks for that project.
// Review shows the chosen takes' drift (review/).

export type EditorView = 'storyboard' | 'edit' | 'review';

const keyOf = (projectId: string) => `ministudio.view.${projectId}`;

export function readView(projectId: string): EditorView {
  try {
    const stored = localStorage.getItem(keyOf(projectId));
    return stored === 'edit' || stored === 'review' ? stored : 'storyboard';
  } catch {
    // Storage can be refused (private modes); the default is a fine answer.
    return 'storyboard';
  }
}

export function useEditorView(projectId: string): [EditorView, (view: EditorView) => void] {
  const [view, setView] = useState(() => readView(projectId));
  const choose = useCallback(
    (next: EditorView) => {
      setView(next);
      try {
        localStorage.setItem(keyOf(projectId), next);
      } catch {
        // Not remembered; the view still switches.
      }
    },
    [projectId],
  );
  return [view, choose];
}
