import { defaultCharacter } from '@ministudio/domain';
import { useProject } from '../../api/hooks';
import { useRun, useSelect, useSelection, useSession } from '../../app/session';
import { addCharacter } from '../../commands/entity-commands';
import { AddEntityForm } from './add-entity-form';
import { EntityThumb } from './entity-thumb';

export function CastPanel({ projectId }: { projectId: string }) {
  const { editor } = useSession();
  const run = useRun();
  const select = useSelect();
  const characters = useProject(projectId, (p) => p.characters).data ?? [];
  const selected = useSelection((s) =>
    s.selection.kind === 'character' ? editor.ids.resolve(s.selection.id) : null,
  );
  return (
    <section className="panel" aria-labelledby="cast-heading">
      <h2 id="cast-heading">Cast</h2>
      <ul className="entity-list">
        {characters.map((c) => (
          <li key={c.id}>
            <button
              type="button"
              className={`entity-item${selected === c.id ? ' selected' : ''}`}
              aria-pressed={selected === c.id}
              onClick={() => select({ kind: 'character', id: c.id })}
            >
              <EntityThumb name={c.name} image={c.references[0] ?? null} />
              <span className="entity-text">
                <span className="entity-name">{c.name}</span>
                <span className="entity-sub">
                  {c.references.length} {c.references.length === 1 ? 'reference' : 'references'}
                </span>
              </span>
            </button>
          </li>
        ))}
      </ul>
      <AddEntityForm
        noun="character"
        onAdd={(name) =>
          void run(addCharacter(editor, defaultCharacter(name), (id) => select({ kind: 'character', id })))
        }
      />
    </section>
  );
}
