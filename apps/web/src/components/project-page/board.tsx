import { useProject } from '../../api/hooks';
import { useRun, useSession } from '../../app/session';
import { addScene } from '../../commands/scene-commands';
import { RenderBar } from '../render/render-bar';
import { SceneSection } from './scene-section';

/** The storyboard: scenes in order, each with its shots as cards. */
export function Board({ projectId }: { projectId: string }) {
  const { editor } = useSession();
  const run = useRun();
  const sceneIds = useProject(projectId, (p) => p.scenes.map((s) => s.id)).data ?? [];
  return (
    <main className="board" aria-label="Storyboard">
      <RenderBar projectId={projectId} />
      {sceneIds.length === 0 && (
        <p className="muted empty-board">No scenes yet. Add one to start the storyboard.</p>
      )}
      {sceneIds.map((id, i) => (
        <SceneSection key={id} projectId={projectId} sceneId={id} sceneNumber={i + 1} />
      ))}
      <button
        type="button"
        className="add-scene"
        onClick={() => void run(addScene(editor, `Scene ${sceneIds.length + 1}`))}
      >
        + Add scene
      </button>
    </main>
  );
}
