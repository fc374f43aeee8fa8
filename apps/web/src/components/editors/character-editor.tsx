import {
  type CharacterBody,
  CharacterFields,
  CharacterState,
  type CharacterView,
  Voice,
} from '@ministudio/domain';
import { useState } from 'react';
import * as api from '../../api/endpoints';
import { useProject } from '../../api/hooks';
import { ApiError } from '../../api/http';
import { removeCharacter, upsertCharacter } from '../../api/project-patches';
import { reportError } from '../../app/report-error';
import { useRun, useSelect, useSession } from '../../app/session';
import { editCharacter } from '../../commands/entity-commands';
import { pick } from '../../commands/snapshots';
import { ConfirmDialog } from '../common/confirm-dialog';
import { NumberField } from '../common/number-field';
import { TextField } from '../common/text-field';
import { IdentityEditor } from './identity-editor';
import { ReferenceImages } from './reference-images';

export function CharacterEditor({ projectId, characterId }: { projectId: string; characterId: string }) {
  const { editor } = useSession();
  const run = useRun();
  const select = useSelect();
  const [confirm, setConfirm] = useState<null | 'plain' | 'in-use'>(null);
  const character = useProject(projectId, (p) => p.characters.find((c) => c.id === characterId) ?? null).data;
  if (!character) return <p className="muted pane-hint">This character no longer exists.</p>;
  const edit = <K extends keyof CharacterBody & keyof CharacterView>(
    label: string,
    after: Pick<CharacterBody, K>,
  ) =>
    void run(
      editCharacter(
        editor,
        character.id,
        pick(character, Object.keys(after) as K[]) as Pick<CharacterBody, K>,
        after,
        label,
      ),
    );
  const write = <R extends { version: number; character: CharacterView }>(send: (v: number) => Promise<R>) =>
    editor.write(send, (p, r) => upsertCharacter(p, r.character, r.version));

  const remove = async (force: boolean) => {
    try {
      await editor.write(
        (v) => api.deleteCharacter(character.id, force, v),
        (p, r) => removeCharacter(p, character.id, r.version),
      );
      select({ kind: 'none' });
      setConfirm(null);
      // A forced delete also took the character out of shots; the page must show that.
      if (force) await editor.refresh();
    } catch (error) {
      if (error instanceof ApiError && error.code === 'in_use') setConfirm('in-use');
      else {
        setConfirm(null);
        reportError(error, 'delete the character');
      }
    }
  };

  const state = character.defaultState;
  return (
    <form
      className="inspector"
      aria-label={`Character ${character.name}`}
      onSubmit={(e) => e.preventDefault()}
    >
      <h2>{character.name}</h2>
      <p className="muted small">Key: {character.key}</p>
      <TextField
        label="Name"
        value={character.name}
        schema={CharacterFields.properties.name}
        multiline={false}
        onCommit={(name) => edit('Rename character', { name })}
      />
      <ReferenceImages
        title="Reference images"
        owner={character.name}
        images={character.references}
        uploadLabel="Upload reference image"
        upload={(file) => write((v) => api.uploadCharacterReference(character.id, file, v))}
        remove={(asset) => write((v) => api.deleteCharacterReference(character.id, asset.id, v))}
      />
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
            value={character.voice.provider}
            schema={Voice.properties.provider}
            multiline={false}
            onCommit={(provider) => edit('Change voice', { voice: { ...character.voice, provider } })}
          />
          <TextField
            label="Voice id"
            value={character.voice.voiceId}
            schema={Voice.properties.voiceId}
            multiline={false}
            onCommit={(voiceId) => edit('Change voice', { voice: { ...character.voice, voiceId } })}
          />
        </div>
        <div className="field-row">
          <NumberField
            label="Speaking rate"
            value={character.voice.rate}
            schema={Voice.properties.rate}
            nullable={false}
            step={0.05}
            onCommit={(rate) =>
              rate !== null && edit('Change voice', { voice: { ...character.voice, rate } })
            }
          />
          <NumberField
            label="Pitch (semitones)"
            value={character.voice.pitch}
            schema={Voice.properties.pitch}
            nullable={false}
            step={1}
            onCommit={(pitch) =>
              pitch !== null && edit('Change voice', { voice: { ...character.voice, pitch } })
            }
          />
        </div>
      </fieldset>
      <button type="button" className="danger" onClick={() => setConfirm('plain')}>
        Delete character
      </button>
      {confirm && (
        <ConfirmDialog
          title={`Delete ${character.name}?`}
          message={
            confirm === 'in-use'
              ? `${character.name} speaks or appears in shots. Deleting removes them from those shots too.`
              : `${character.name} and the reference images will be deleted. This cannot be undone.`
          }
          confirmLabel={confirm === 'in-use' ? 'Delete and remove from shots' : 'Delete character'}
          onCancel={() => setConfirm(null)}
          onConfirm={() => void remove(confirm === 'in-use')}
        />
      )}
    </form>
  );
}
