import { useId, useRef } from 'react';
import { useModalFocus } from '../common/use-modal-focus';
import type { SceneImpact, ShotImpact } from './deletion-impact';

/**
 * The one question before a character or location is deleted: everything the delete removes, listed
 * (the shots and the lines a character speaks there, the scenes set in a location), and that Undo brings
 * it all back. Focus starts on Cancel so Enter never destroys anything by accident.
 */
export function DeleteEntityDialog({
  name,
  noun,
  shots,
  scenes,
  images,
  onConfirm,
  onCancel,
}: {
  name: string;
  noun: string;
  shots: ShotImpact[];
  scenes: SceneImpact[];
  /** How many images go with it (references, a plate). */
  images: number;
  onConfirm(): void;
  onCancel(): void;
}) {
  const titleId = useId();
  const modal = useRef<HTMLDivElement>(null);
  const onKeyDown = useModalFocus(modal, 'button', onCancel);
  const lines = shots.reduce((n, s) => n + s.lines.length, 0);
  const imagesText = images ? ` and ${images} ${images === 1 ? 'image' : 'images'}` : '';
  return (
    <div className="modal-backdrop">
      <div
        ref={modal}
        className="modal delete-entity"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby={titleId}
        onKeyDown={onKeyDown}
      >
        <h2 id={titleId}>Delete {name}?</h2>
        {shots.length > 0 && (
          <>
            <p>
              {name} speaks or appears in {shots.length} {shots.length === 1 ? 'shot' : 'shots'}. Deleting
              removes {lines > 0 ? `${lines} ${lines === 1 ? 'line' : 'lines'} and ` : ''}
              {shots.length === 1 ? 'that place' : 'those places'} in the cast:
            </p>
            <ul className="delete-impact" aria-label="What the delete removes">
              {shots.map((shot) => (
                <li key={shot.shotId}>
                  <span className="delete-where">{shot.where}</span>{' '}
                  <span className="muted">{shot.about}</span>
                  {shot.lines.map((line, i) => (
                    // Lines are plain text and may repeat: their place in the shot tells them apart.
                    // biome-ignore lint/suspicious/noArrayIndexKey: see above
                    <q key={i} className="delete-line">
                      {line}
                    </q>
                  ))}
                  {shot.inCast && shot.lines.length === 0 && <span className="muted"> (in the cast)</span>}
                </li>
              ))}
            </ul>
          </>
        )}
        {scenes.length > 0 && (
          <>
            <p>
              {scenes.length} {scenes.length === 1 ? 'scene is' : 'scenes are'} set here and will have no
              location:
            </p>
            <ul className="delete-impact" aria-label="What the delete removes">
              {scenes.map((scene) => (
                <li key={scene.sceneId}>{scene.where}</li>
              ))}
            </ul>
          </>
        )}
        <p className="muted">
          The {noun}
          {imagesText} will be deleted. Undo (Ctrl+Z) brings all of it back.
        </p>
        <div className="modal-actions">
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
          <button type="button" className="danger" onClick={onConfirm}>
            {shots.length > 0 ? 'Delete and remove from shots' : `Delete ${noun}`}
          </button>
        </div>
      </div>
    </div>
  );
}
