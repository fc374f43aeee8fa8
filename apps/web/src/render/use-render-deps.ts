import { useQueryClient } from '@tanstack/react-query';
import { useSession } from '../app/session';
import type { RenderDeps } from './render-actions';

export function useRenderDeps(): RenderDeps {
  const { editor, render } = useSession();
  return { projectId: editor.projectId, client: useQueryClient(), store: render };
}
