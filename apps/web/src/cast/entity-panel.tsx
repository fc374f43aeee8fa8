import { useProject } from '../api/hooks';
import { useRun, useSelect, useSelection, useSession } from '../app/session';
import { AddEntityForm } from './add-entity-form';
import type { Entity, EntityKind } from './entity-kind';
import { EntityThumb } from './entity-thumb';

/** The sidebar list of one kind (the cast, the locations): pick one to edit it, or add one by name. */
export function EntityPanel<V extends Entity, B>({
  kind,
  projectId,
}: {
  kind: EntityKind<V, B>;
  projectId: string;
}) {
  const { editor } = useSession();
  const run = useRun();
  const select = useSelect();
  const entities = useProject(projectId, kind.all).data ?? [];
  const selected = useSelection((s) =>
    s.selection.kind === kind.selection ? editor.ids.resolve(s.selection.id) : null,
  );
  const headingId = `${kind.selection}-panel-heading`;
  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{kind.heading}</h2>
      <ul className="entity-list">
        {entities.map((e) => (
          <li key={e.id}>
            <button
              type="button"
              className={`entity-item${selected === e.id ? ' selected' : ''}`}
              aria-pressed={selected === e.id}
              onClick={() => select({ kind: kind.selection, id: e.id })}
            >
              <EntityThumb name={e.name} image={kind.thumb(e)} />
              <span className="entity-text">
                <span className="entity-name">{e.name}</span>
                <span className="entity-sub">{kind.summary(e)}</span>
              </span>
            </button>
          </li>
        ))}
      </ul>
      <AddEntityForm
        noun={kind.noun}
        onAdd={(name) =>
          void run(kind.add(editor, kind.create(name), (id) => select({ kind: kind.selection, id })))
        }
      />
    </section>
  );
}
