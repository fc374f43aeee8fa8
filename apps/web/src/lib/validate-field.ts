import type { TSchema } from 'typebox';
import { Compile } from 'typebox/compile';

// Inline validation against the same field schemas the API enforces, phrased for people.

type Validator = ReturnType<typeof Compile<TSchema>>;
const cache = new WeakMap<TSchema, Validator>();

function validatorFor(schema: TSchema): Validator {
  let v = cache.get(schema);
  if (!v) {
    v = Compile(schema);
    cache.set(schema, v);
  }
  return v;
}

interface SchemaError {
  keyword: string;
  params: Record<string, unknown>;
  message: string;
}

/** null when valid, otherwise one short message about the first problem. */
export function validateField(schema: TSchema, value: unknown): string | null {
  const v = validatorFor(schema);
  if (v.Check(value)) return null;
  const first = (v.Errors(value) as unknown as SchemaError[])[0];
  return first ? describeError(first, value) : 'This value is not valid';
}

export function describeError(error: SchemaError, value: unknown): string {
  const limit = error.params.limit;
  switch (error.keyword) {
    case 'minLength':
      return limit === 1 ? 'Required' : `At least ${limit} characters`;
    case 'maxLength':
      return `At most ${limit} characters${typeof value === 'string' ? ` (now ${value.length})` : ''}`;
    case 'maxItems':
      return `At most ${limit} items`;
    case 'minimum':
    case 'exclusiveMinimum':
      return `Must be at least ${limit}`;
    case 'maximum':
    case 'exclusiveMaximum':
      return `Must be at most ${limit}`;
    case 'multipleOf':
      return `Must be a multiple of ${error.params.multipleOf ?? limit}`;
    case 'pattern':
      return 'Use lowercase letters, digits, - and _';
    case 'type':
      return error.params.type === 'integer'
        ? 'Must be a whole number'
        : `Must be a ${String(error.params.type)}`;
    case 'enum':
      return 'Choose one of the listed values';
    default:
      return error.message.charAt(0).toUpperCase() + error.message.slice(1);
  }
}
