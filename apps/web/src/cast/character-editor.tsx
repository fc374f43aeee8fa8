import { CharacterState } from '@ministudio/domain';
import { TextField } from '../common/text-field';
import { VoiceFields } from '../voices/voice-fields';
import { CHARACTERS } from './character-kind';
import { EntityForm, EntityGone, EntityReferences } from './entity-form';
import { IdentityEditor } from './identity-editor';
import { useEntityEditing } from './use-entity-editing';

export function CharacterEditor({ projectId, characterId }: { projectId: string; characterId: string }) {
  const editing = useEntityEditing(CHARACTERS, projectId, characterId);
  if (!editing) return <EntityGone noun={CHARACTERS.noun} />;
  const { entity: character, edit } = editing;
  const state = character.defaultState;
  const voice = character.voice;
  return (
    <EntityForm editing={editing}>
      <EntityReferences editing={editing} />
      <IdentityEditor
        identity={character.identity}
        onChange={(identity) => edit('Edit identity', { identity })}
      />
      <fieldset className="group">
        <legend>Default look</legend>
        {(['expression', 'posture', 'clothing'] as const).map((k) => (
          <TextField
            key={k}
            label={k[0]!.toUpperCase() + k.slice(1)}
            value={state[k] ?? ''}
            schema={CharacterState.properties[k]}
            multiline={false}
            onCommit={(value) => edit(`Edit ${k}`, { defaultState: { ...state, [k]: value } })}
          />
        ))}
      </fieldset>
      <VoiceFields legend="Voice" voice={voice} onChange={(next, label) => edit(label, { voice: next })} />
    </EntityForm>
  );
}
