import { useId } from 'react';
import type { TSchema } from 'typebox';
import { validateField } from '../lib/validate-field';
import { COMMIT_DELAY_MS, useDraft } from './use-draft';

// A short list edited as comma-separated text ("oak shelves, brass lamp").

export function parseList(text: string): string[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

const format = (items: string[]) => items.join(', ');
const same = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

export function ListField({
  label,
  value,
  schema,
  onCommit,
}: {
  label: string;
  value: string[];
  schema: TSchema;
  onCommit(next: string[]): void;
}) {
  const id = useId();
  const draft = useDraft<string[]>({
    value,
    format,
    parse: (text) => {
      const items = parseList(text);
      const error = validateField(schema, items);
      return error ? { error } : { value: items };
    },
    equals: same,
    onCommit,
    delayMs: COMMIT_DELAY_MS,
  });
  return (
    <div className={`field${draft.error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        value={draft.text}
        placeholder="comma-separated"
        aria-invalid={draft.error ? true : undefined}
        aria-describedby={draft.error ? `${id}-error` : undefined}
        onChange={(e) => draft.change(e.target.value)}
        onBlur={draft.flush}
      />
      {draft.error && (
        <p className="field-error" id={`${id}-error`}>
          {draft.error}
        </p>
      )}
    </div>
  );
}
