import { useSelection, useSession } from '../app/session';
import { CharacterEditor } from '../cast/character-editor';
import { EnvironmentEditor } from '../cast/environment-editor';
import { ShotInspector } from '../inspector/shot-inspector';

/** The right-hand pane: whatever is selected, with every field. */
export function DetailPane({ projectId }: { projectId: string }) {
  const { editor } = useSession();
  const selection = useSelection((s) => s.selection);
  let body = (
    <p className="muted pane-hint">
      Select a shot to edit it, or a character or location from the left. Arrow keys move between shots;
      Alt+↑/↓ moves the selected shot; Delete removes it.
    </p>
  );
  if (selection.kind === 'shot') {
    const id = editor.ids.resolve(selection.id);
    body = <ShotInspector key={id} projectId={projectId} shotId={id} />;
  } else if (selection.kind === 'character') {
    const id = editor.ids.resolve(selection.id);
    body = <CharacterEditor key={id} projectId={projectId} characterId={id} />;
  } else if (selection.kind === 'environment') {
    const id = editor.ids.resolve(selection.id);
    body = <EnvironmentEditor key={id} projectId={projectId} environmentId={id} />;
  }
  return (
    <aside className="detail-pane" aria-label="Inspector">
      {body}
    </aside>
  );
}
