import { useProject } from '../api/hooks';
import { useRun, useSession } from '../app/session';
import { pick } from '../commands/snapshots';
import type { Entity, EntityKind, Saved } from './entity-kind';

export interface EntityEditing<V extends Entity, B> {
  kind: EntityKind<V, B>;
  entity: V;
  /** An undoable edit of some fields: the command keeps what they were, to undo. */
  edit<K extends keyof B & keyof V>(label: string, after: Pick<B, K>): void;
  rename(name: string): void;
  /** A write answered with the saved entity (uploads and image removals: not undoable, like deletes). */
  save(send: (version: number) => Promise<Saved<V>>): Promise<Saved<V>>;
}

/** One character or location as the inspector edits it; null once it no longer exists. */
export function useEntityEditing<V extends Entity, B>(
  kind: EntityKind<V, B>,
  projectId: string,
  id: string,
): EntityEditing<V, B> | null {
  const { editor } = useSession();
  const run = useRun();
  const entity = useProject(projectId, (p) => kind.all(p).find((e) => e.id === id) ?? null).data ?? null;
  if (!entity) return null;
  const edit = <K extends keyof B & keyof V>(label: string, after: Pick<B, K>) => {
    const before = pick(entity, Object.keys(after) as K[]) as unknown as B;
    void run(kind.edit(editor, entity.id, before, after as unknown as B, label));
  };
  return {
    kind,
    entity,
    edit,
    // Every entity has a name (`Entity`) and its body may change it.
    rename: (name) => edit(`Rename ${kind.noun}`, { name } as unknown as Pick<B, keyof B & keyof V>),
    save: (send) => editor.write(send, (p, r) => kind.upsert(p, r.entity, r.version)),
  };
}
