import Type, { type TSchema } from 'typebox';

/** A string limited to a closed list, emitted as a plain JSON Schema `enum` (one error, not one per option). */
export function StringEnum<const T extends readonly string[]>(
  values: T,
  options: Record<string, unknown> = {},
) {
  return Type.Unsafe<T[number]>({ type: 'string', enum: [...values], ...options });
}

export function Nullable<T extends TSchema>(schema: T) {
  return Type.Union([schema, Type.Null()]);
}

/** Stable identity of an entity inside one production: survives export/import, never a database id. */
export const EntityKey = Type.String({
  pattern: '^[a-z0-9][a-z0-9_-]{0,63}$',
  description: 'Stable identity within the production (lowercase letters, digits, - and _)',
});

export const Sha256 = Type.String({ pattern: '^[a-f0-9]{64}$' });
