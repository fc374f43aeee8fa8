import { useDroppable } from '@dnd-kit/core';
import { rectSortingStrategy, SortableContext, useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { defaultShot, SceneFields } from '@ministudio/domain';
import { useState } from 'react';
import { useProject } from '../api/hooks';
import { useRun, useSelect, useSession } from '../app/session';
import { deleteScene, duplicateScene, editScene } from '../commands/scene-commands';
import { addShot } from '../commands/shot-commands';
import { ConfirmDialog } from '../common/confirm-dialog';
import { SelectField } from '../common/select-field';
import { TextField } from '../common/text-field';
import { render } from '../render/render-actions';
import { useRenderDeps } from '../render/use-render-deps';
import { listDropId } from './move-target';
import { SceneHandle, SceneMoveButtons, useSceneMove } from './scene-move';
import { ShotCard } from './shot-card';

export function SceneSection({
  projectId,
  sceneId,
  sceneNumber,
  sceneCount,
}: {
  projectId: string;
  sceneId: string;
  sceneNumber: number;
  sceneCount: number;
}) {
  const { editor } = useSession();
  const run = useRun();
  const select = useSelect();
  const [confirming, setConfirming] = useState(false);
  const renderDeps = useRenderDeps();
  const data = useProject(projectId, (p) => {
    const scene = p.scenes.find((s) => s.id === sceneId)!;
    const before = p.scenes.slice(0, p.scenes.indexOf(scene));
    return {
      scene,
      firstNumber: before.reduce((n, s) => n + s.shots.length, 0) + 1,
      environments: p.environments.map((e) => ({ value: e.id, label: e.name })),
    };
  }).data;
  // The board's drag context moves this scene (by its handle) and drops shots onto this list.
  const sortable = useSortable({ id: sceneId, data: { kind: 'scene' } });
  const list = useDroppable({ id: listDropId(sceneId), data: { kind: 'list' } });
  const move = useSceneMove({ sceneId, index: sceneNumber - 1, count: sceneCount });
  if (!data?.scene) return null;
  const { scene, environments } = data;
  const { firstNumber } = data;
  const label = scene.title || `Scene ${sceneNumber}`;

  return (
    <section
      ref={sortable.setNodeRef}
      data-scene-id={scene.id}
      className={`scene${sortable.isDragging ? ' dragging' : ''}`}
      style={{ transform: CSS.Translate.toString(sortable.transform), transition: sortable.transition }}
      aria-label={`Scene ${sceneNumber}: ${label}`}
    >
      {/* biome-ignore lint/a11y/noStaticElementInteractions: Alt+Arrow from the header's own controls */}
      <header className="scene-header" onKeyDown={move.onKeyDown}>
        <SceneHandle
          sceneNumber={sceneNumber}
          handleRef={sortable.setActivatorNodeRef}
          listeners={sortable.listeners}
        />
        <span className="scene-number">{sceneNumber}</span>
        <div className="scene-fields">
          <TextField
            label="Scene title"
            value={scene.title}
            schema={SceneFields.properties.title}
            multiline={false}
            onCommit={(next) =>
              void run(editScene(editor, scene.id, { title: scene.title }, { title: next }, 'Rename scene'))
            }
          />
          <SelectField
            label="Location"
            value={scene.environmentId ?? ''}
            options={[{ value: '', label: '— none —' }, ...environments]}
            onChange={(next) =>
              void run(
                editScene(
                  editor,
                  scene.id,
                  { environmentId: scene.environmentId },
                  { environmentId: next === '' ? null : next },
                  'Change scene location',
                ),
              )
            }
          />
          <TextField
            label="Mood"
            value={scene.mood}
            schema={SceneFields.properties.mood}
            multiline={false}
            onCommit={(next) =>
              void run(editScene(editor, scene.id, { mood: scene.mood }, { mood: next }, 'Edit mood'))
            }
          />
        </div>
        <div className="scene-actions">
          <SceneMoveButtons index={sceneNumber - 1} count={sceneCount} moveBy={move.moveBy} />
          <button
            type="button"
            aria-label={`Render scene ${sceneNumber}`}
            title="Render the shots of this scene that have no current take"
            onClick={() => void render(renderDeps, { sceneIds: [sceneId] })}
          >
            Render
          </button>
          <button
            type="button"
            aria-label={`Duplicate scene ${sceneNumber}`}
            onClick={() => void run(duplicateScene(editor, scene.id))}
          >
            Duplicate
          </button>
          <button
            type="button"
            className="danger-quiet"
            aria-label={`Delete scene ${sceneNumber}`}
            onClick={() => setConfirming(true)}
          >
            Delete
          </button>
        </div>
      </header>
      <SortableContext items={scene.shots.map((s) => s.id)} strategy={rectSortingStrategy}>
        <ol
          ref={list.setNodeRef}
          className={`shot-grid${list.isOver ? ' drop-target' : ''}`}
          aria-label={`Shots of scene ${sceneNumber}`}
        >
          {scene.shots.map((shot, i) => (
            <ShotCard key={shot.id} projectId={projectId} shot={shot} number={firstNumber + i} />
          ))}
          <li className="add-shot-slot">
            <button
              type="button"
              className="add-shot"
              aria-label={`Add shot to scene ${sceneNumber}`}
              onClick={() =>
                void run(
                  addShot(editor, scene.id, { ...defaultShot() }, (id) => select({ kind: 'shot', id })),
                )
              }
            >
              + Add shot
            </button>
          </li>
        </ol>
      </SortableContext>
      {confirming && (
        <ConfirmDialog
          title={`Delete scene ${sceneNumber}?`}
          message={`“${label}” and its ${scene.shots.length} shots will be deleted. You can undo this with Ctrl+Z.`}
          confirmLabel="Delete scene"
          onCancel={() => setConfirming(false)}
          onConfirm={() => {
            setConfirming(false);
            void run(deleteScene(editor, scene.id));
          }}
        />
      )}
    </section>
  );
}
