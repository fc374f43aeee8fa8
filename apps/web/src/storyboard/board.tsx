import { DndContext, PointerSensor, useSensor, useSensors } from '@dnd-kit/core';
import { SortableContext, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { useProject } from '../api/hooks';
import { useRun, useSession } from '../app/session';
import { addScene } from '../commands/scene-commands';
import { RenderBar } from '../render/render-bar';
import { boardCollision, dropCommand } from './board-dnd';
import { SceneSection } from './scene-section';

/** The storyboard: scenes in order, each with its shots as cards. */
export function Board({ projectId }: { projectId: string }) {
  const { editor } = useSession();
  const run = useRun();
  const sceneIds = useProject(projectId, (p) => p.scenes.map((s) => s.id)).data ?? [];
  // Mouse drag only; the keyboard moves scenes and shots with buttons and Alt+Arrow (one command each).
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 6 } }));
  return (
    <main className="board" aria-label="Storyboard">
      <RenderBar projectId={projectId} />
      {sceneIds.length === 0 && (
        <p className="muted empty-board">No scenes yet. Add one to start the storyboard.</p>
      )}
      <DndContext
        sensors={sensors}
        collisionDetection={boardCollision}
        onDragEnd={(e) => {
          const command = dropCommand(editor, e);
          if (command) void run(command);
        }}
      >
        <SortableContext items={sceneIds} strategy={verticalListSortingStrategy}>
          {sceneIds.map((id, i) => (
            <SceneSection
              key={id}
              projectId={projectId}
              sceneId={id}
              sceneNumber={i + 1}
              sceneCount={sceneIds.length}
            />
          ))}
        </SortableContext>
      </DndContext>
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
