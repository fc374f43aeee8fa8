import { CharacterState, Voice } from '@ministudio/domain';
import { NumberField } from '../common/number-field';
import { TextField } from '../common/text-field';
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
      <fieldset className="group">
        <legend>Voice</legend>
        <div className="field-row">
          <TextField
            label="Voice provider"
            value={voice.provider}
            schema={Voice.properties.provider}
            multiline={false}
            onCommit={(provider) => edit('Change voice', { voice: { ...voice, provider } })}
          />
          <TextField
            label="Voice id"
            value={voice.voiceId}
            schema={Voice.properties.voiceId}
            multiline={false}
            onCommit={(voiceId) => edit('Change voice', { voice: { ...voice, voiceId } })}
          />
        </div>
        <div className="field-row">
          <NumberField
            label="Speaking rate"
            value={voice.rate}
            schema={Voice.properties.rate}
            nullable={false}
            step={0.05}
            onCommit={(rate) => rate !== null && edit('Change voice', { voice: { ...voice, rate } })}
          />
          <NumberField
            label="Pitch (semitones)"
            value={voice.pitch}
            schema={Voice.properties.pitch}
            nullable={false}
            step={1}
            onCommit={(pitch) => pitch !== null && edit('Change voice', { voice: { ...voice, pitch } })}
          />
        </div>
      </fieldset>
    </EntityForm>
  );
}
