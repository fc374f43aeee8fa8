import { type DialogueLine, DialogueLine as DialogueLineSchema } from '@ministudio/domain';
import { useProject } from '../api/hooks';
import { CloseIcon } from '../common/icons';
import { SelectField } from '../common/select-field';
import { TextField } from '../common/text-field';

interface DialogueEditorProps {
  projectId: string;
  dialogue: DialogueLine[];
  onChange(next: DialogueLine[], label: string): void;
}

export function DialogueEditor({ projectId, dialogue, onChange }: DialogueEditorProps) {
  const speakers =
    useProject(projectId, (p) => p.characters.map((c) => ({ value: c.key, label: c.name }))).data ?? [];
  const replace = (index: number, line: DialogueLine, label: string) =>
    onChange(
      dialogue.map((l, i) => (i === index ? line : l)),
      label,
    );
  return (
    <fieldset className="group">
      <legend>Dialogue</legend>
      {dialogue.length === 0 && <p className="muted small">No lines.</p>}
      {dialogue.map((line, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: lines have no identity of their own; order is the identity.
        <div className="dialogue-line" key={i}>
          <SelectField
            label={`Speaker of line ${i + 1}`}
            value={line.character}
            options={
              speakers.some((s) => s.value === line.character)
                ? speakers
                : [{ value: line.character, label: line.character }, ...speakers]
            }
            onChange={(character) => replace(i, { ...line, character }, 'Change speaker')}
          />
          <TextField
            label={`Line ${i + 1}`}
            value={line.text}
            schema={DialogueLineSchema.properties.text}
            multiline
            rows={2}
            onCommit={(text) => replace(i, { ...line, text }, 'Edit dialogue')}
          />
          <button
            type="button"
            className="icon-button danger-quiet"
            aria-label={`Remove line ${i + 1}`}
            onClick={() =>
              onChange(
                dialogue.filter((_, j) => j !== i),
                'Remove dialogue line',
              )
            }
          >
            <CloseIcon />
          </button>
        </div>
      ))}
      <button
        type="button"
        disabled={speakers.length === 0 || dialogue.length >= 50}
        title={speakers.length === 0 ? 'Add a character to the cast first' : undefined}
        onClick={() =>
          onChange([...dialogue, { character: speakers[0]!.value, text: '…' }], 'Add dialogue line')
        }
      >
        Add line
      </button>
    </fieldset>
  );
}
