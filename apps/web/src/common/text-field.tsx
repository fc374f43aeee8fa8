import { useId } from 'react';
import type { TSchema } from 'typebox';
import { validateField } from '../lib/validate-field';
import { COMMIT_DELAY_MS, useDraft } from './use-draft';

interface TextFieldProps {
  label: string;
  value: string;
  schema: TSchema;
  multiline: boolean;
  onCommit(next: string): void;
  placeholder?: string;
  rows?: number;
}

const same = (a: string, b: string) => a === b;
const identity = (s: string) => s;

export function TextField({ label, value, schema, multiline, onCommit, placeholder, rows }: TextFieldProps) {
  const id = useId();
  const draft = useDraft<string>({
    value,
    format: identity,
    parse: (text) => {
      const error = validateField(schema, text);
      return error ? { error } : { value: text };
    },
    equals: same,
    onCommit,
    delayMs: COMMIT_DELAY_MS,
  });
  const common = {
    id,
    value: draft.text,
    placeholder,
    'aria-invalid': draft.error ? true : undefined,
    'aria-describedby': draft.error ? `${id}-error` : undefined,
    onBlur: draft.flush,
  } as const;
  return (
    <div className={`field${draft.error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {multiline ? (
        <textarea {...common} rows={rows ?? 3} onChange={(e) => draft.change(e.target.value)} />
      ) : (
        <input {...common} type="text" onChange={(e) => draft.change(e.target.value)} />
      )}
      {draft.error && (
        <p className="field-error" id={`${id}-error`}>
          {draft.error}
        </p>
      )}
    </div>
  );
}
