import { type CastMember, CharacterState } from '@ministudio/domain';
import { useProject } from '../api/hooks';
import { TextField } from '../common/text-field';

interface CastEditorProps {
  projectId: string;
  cast: CastMember[];
  onChange(next: CastMember[], label: string): void;
}

/** Who is in the shot, and how each looks in it (falls back to the character's default state). */
export function CastEditor({ projectId, cast, onChange }: CastEditorProps) {
  const characters = useProject(projectId, (p) => p.characters).data ?? [];
  return (
    <fieldset className="group">
      <legend>Cast</legend>
      {characters.length === 0 && <p className="muted small">No characters in this project yet.</p>}
      {characters.map((c) => {
        const member = cast.find((m) => m.character === c.key) ?? null;
        return (
          <div className="cast-member" key={c.id}>
            <label className="check">
              <input
                type="checkbox"
                checked={member !== null}
                onChange={(e) =>
                  onChange(
                    e.target.checked
                      ? [
                          ...cast,
                          { character: c.key, state: { expression: c.defaultState.expression ?? 'neutral' } },
                        ]
                      : cast.filter((m) => m.character !== c.key),
                    e.target.checked ? 'Add to cast' : 'Remove from cast',
                  )
                }
              />
              {c.name} in shot
            </label>
            {member && (
              <TextField
                label={`${c.name}’s expression`}
                value={member.state.expression ?? ''}
                schema={CharacterState.properties.expression}
                multiline={false}
                onCommit={(expression) =>
                  onChange(
                    cast.map((m) =>
                      m.character === c.key ? { ...m, state: { ...m.state, expression } } : m,
                    ),
                    'Change expression',
                  )
                }
              />
            )}
          </div>
        );
      })}
    </fieldset>
  );
}
