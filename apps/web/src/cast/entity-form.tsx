import { type ReactNode, useState } from 'react';
import { useProject } from '../api/hooks';
import { useRun, useSelect, useSession } from '../app/session';
import { TextField } from '../common/text-field';
import { DeleteEntityDialog } from './delete-entity-dialog';
import type { Entity } from './entity-kind';
import { ReferenceImages } from './reference-images';
import type { EntityEditing } from './use-entity-editing';

/**
 * The inspector of a character or a location: its name and key, the fields its kind adds (children),
 * and Delete with its one confirmation, which lists what the delete removes (shots and lines, scenes).
 * The delete is a command like any edit: Undo brings all of it back.
 */
export function EntityForm<V extends Entity, B>({
  editing,
  children,
}: {
  editing: EntityEditing<V, B>;
  children: ReactNode;
}) {
  const { editor } = useSession();
  const select = useSelect();
  const run = useRun();
  const [confirm, setConfirm] = useState(false);
  const project = useProject(editor.projectId).data;
  const { kind, entity } = editing;

  const remove = async () => {
    setConfirm(false);
    // One command: it keeps what it removes, so Undo brings the entity, its images and its lines back.
    if (await run(kind.remove(editor, entity.id))) select({ kind: 'none' });
  };

  const deleteLabel = `Delete ${kind.noun}`;
  return (
    <form
      className="inspector"
      aria-label={`${kind.title} ${entity.name}`}
      onSubmit={(e) => e.preventDefault()}
    >
      <h2>{entity.name}</h2>
      <p className="muted small">Key: {entity.key}</p>
      <TextField
        label="Name"
        value={entity.name}
        schema={kind.nameSchema}
        multiline={false}
        onCommit={editing.rename}
      />
      {children}
      <button type="button" className="danger" onClick={() => setConfirm(true)}>
        {deleteLabel}
      </button>
      {confirm && project && (
        <DeleteEntityDialog
          name={entity.name}
          noun={kind.noun}
          {...kind.impact(project, entity)}
          images={kind.images(entity)}
          onCancel={() => setConfirm(false)}
          onConfirm={() => void remove()}
        />
      )}
    </form>
  );
}

/** The entity's reference images: what the provider is shown so it keeps the look from shot to shot. */
export function EntityReferences<V extends Entity, B>({ editing }: { editing: EntityEditing<V, B> }) {
  const { kind, entity } = editing;
  return (
    <ReferenceImages
      title="Reference images"
      owner={entity.name}
      images={entity.references}
      uploadLabel="Upload reference image"
      upload={(file) => editing.save((v) => kind.uploadReference(entity.id, file, v))}
      remove={(asset) => editing.save((v) => kind.deleteReference(entity.id, asset.id, v))}
    />
  );
}

/** What the inspector says when the selected entity was deleted (by undo, or in another tab). */
export function EntityGone({ noun }: { noun: string }) {
  return <p className="muted pane-hint">This {noun} no longer exists.</p>;
}
