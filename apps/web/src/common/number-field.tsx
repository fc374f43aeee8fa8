import { useCallback, useId } from 'react';
import type { TSchema } from 'typebox';
import { validateField } from '../lib/validate-field';
import { COMMIT_DELAY_MS, useDraft } from './use-draft';

interface NumberFieldProps {
  label: string;
  value: number | null;
  schema: TSchema;
  /** When true an empty box means null (e.g. "seed: automatic"). */
  nullable: boolean;
  step: number;
  onCommit(next: number | null): void;
  placeholder?: string;
  disabled?: boolean;
}

export function parseNumberText(
  text: string,
  nullable: boolean,
  schema: TSchema,
): { value: number | null } | { error: string } {
  const trimmed = text.trim();
  if (trimmed === '') return nullable ? { value: null } : { error: 'Required' };
  const n = Number(trimmed);
  if (!Number.isFinite(n)) return { error: 'Must be a number' };
  const error = validateField(schema, n);
  return error ? { error } : { value: n };
}

const same = (a: number | null, b: number | null) => a === b;
const format = (v: number | null) => (v === null ? '' : String(v));

export function NumberField({
  label,
  value,
  schema,
  nullable,
  step,
  onCommit,
  placeholder,
  disabled,
}: NumberFieldProps) {
  const id = useId();
  const parse = useCallback((text: string) => parseNumberText(text, nullable, schema), [nullable, schema]);
  const draft = useDraft<number | null>({
    value,
    format,
    parse,
    equals: same,
    onCommit,
    delayMs: COMMIT_DELAY_MS,
  });
  return (
    <div className={`field${draft.error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        inputMode="decimal"
        data-step={step}
        value={draft.text}
        placeholder={placeholder}
        disabled={disabled}
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
