import { type ReactNode, useState } from 'react';
import { ApiError } from '../api/http';
import { reportError } from '../app/report-error';
import { useSelect, useSession } from '../app/session';
import { ConfirmDialog } from '../common/confirm-dialog';
import { TextField } from '../common/text-field';
import type { Entity } from './entity-kind';
import { ReferenceImages } from './reference-images';
import type { EntityEditing } from './use-entity-editing';

/**
 * The inspector of a character or a location: its name and key, the fields its kind adds (children),
 * and Delete with its confirmation. Deletes are not undoable (re-creating would lose the images), so
 * they ask first; when shots use the entity the server says so and the dialog asks again.
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
  const [confirm, setConfirm] = useState<null | 'plain' | 'in-use'>(null);
  const { kind, entity } = editing;

  const remove = async (force: boolean) => {
    try {
      await editor.write(
        (v) => kind.remove(entity.id, force, v),
        (p, r) => kind.dropped(p, entity.id, r.version),
      );
      select({ kind: 'none' });
      setConfirm(null);
      // A forced delete also took the entity out of shots; the page must show that.
      if (force) await editor.refresh();
    } catch (error) {
      if (error instanceof ApiError && error.code === 'in_use') setConfirm('in-use');
      else {
        setConfirm(null);
        reportError(error, `delete the ${kind.noun}`);
      }
    }
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
      <button type="button" className="danger" onClick={() => setConfirm('plain')}>
        {deleteLabel}
      </button>
      {confirm && (
        <ConfirmDialog
          title={`Delete ${entity.name}?`}
          message={kind.deleteMessage(entity, confirm === 'in-use')}
          confirmLabel={confirm === 'in-use' ? 'Delete and remove from shots' : deleteLabel}
          onCancel={() => setConfirm(null)}
          onConfirm={() => void remove(confirm === 'in-use')}
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
