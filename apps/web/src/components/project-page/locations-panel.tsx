import { defaultEnvironment } from '@ministudio/domain';
import { useProject } from '../../api/hooks';
import { useRun, useSelect, useSelection, useSession } from '../../app/session';
import { addEnvironment } from '../../commands/entity-commands';
import { AddEntityForm } from './add-entity-form';
import { EntityThumb } from './entity-thumb';

export function LocationsPanel({ projectId }: { projectId: string }) {
  const { editor } = useSession();
  const run = useRun();
  const select = useSelect();
  const environments = useProject(projectId, (p) => p.environments).data ?? [];
  const selected = useSelection((s) =>
    s.selection.kind === 'environment' ? editor.ids.resolve(s.selection.id) : null,
  );
  return (
    <section className="panel" aria-labelledby="locations-heading">
      <h2 id="locations-heading">Locations</h2>
      <ul className="entity-list">
        {environments.map((e) => (
          <li key={e.id}>
            <button
              type="button"
              className={`entity-item${selected === e.id ? ' selected' : ''}`}
              aria-pressed={selected === e.id}
              onClick={() => select({ kind: 'environment', id: e.id })}
            >
              <EntityThumb name={e.name} image={e.plate ?? e.references[0] ?? null} />
              <span className="entity-text">
                <span className="entity-name">{e.name}</span>
                <span className="entity-sub">
                  {e.location || (e.plate ? 'plate locked' : 'no plate yet')}
                </span>
              </span>
            </button>
          </li>
        ))}
      </ul>
      <AddEntityForm
        noun="location"
        onAdd={(name) =>
          void run(
            addEnvironment(editor, defaultEnvironment(name), (id) => select({ kind: 'environment', id })),
          )
        }
      />
    </section>
  );
}
