import fc from 'fast-check';

// Values for a JSON Schema (the subset the OpenAPI document uses: objects, arrays, strings with lengths,
// patterns and enums, numbers with bounds, anyOf, nullable), in two moods: valid-looking (what the schema
// describes, so requests reach the handlers) and hostile (wrong types, missing fields, extra fields,
// huge or deep values), so the validation and the error shape are exercised too.

export type JsonSchema = {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  nullable?: boolean;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  patternProperties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
};

// Small values keep a thousand cases per route fast; the hostile arbitrary adds the big ones on purpose.
const MAX_STRING = 80;
const MAX_ITEMS = 4;

function stringArbitrary(schema: JsonSchema): fc.Arbitrary<string> {
  if (schema.pattern) {
    const pattern = new RegExp(schema.pattern, 'u');
    return fc.stringMatching(pattern).filter((s) => s.length <= (schema.maxLength ?? 2000));
  }
  const minLength = schema.minLength ?? 0;
  const maxLength = Math.max(minLength, Math.min(schema.maxLength ?? MAX_STRING, MAX_STRING));
  return fc.string({ minLength, maxLength, unit: 'grapheme' });
}

function numberArbitrary(schema: JsonSchema, integer: boolean): fc.Arbitrary<number> {
  const min =
    schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1e-6 : -1e6);
  const max =
    schema.maximum ?? (schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - 1e-6 : 1e6);
  if (integer) return fc.integer({ min: Math.ceil(min), max: Math.floor(max) });
  return fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
}

/** A value the schema accepts (as far as this subset can tell). */
export function validArbitrary(schema: JsonSchema | undefined, depth = 0): fc.Arbitrary<unknown> {
  if (!schema || depth > 6) return fc.constant(null);
  const base = validWithoutNull(schema, depth);
  return schema.nullable ? fc.oneof(base, fc.constant(null)) : base;
}

function validWithoutNull(schema: JsonSchema, depth: number): fc.Arbitrary<unknown> {
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants?.length) return fc.oneof(...variants.map((v) => validArbitrary(v, depth + 1)));
  if (schema.allOf?.length) return validArbitrary(schema.allOf[0], depth + 1);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'string':
      return stringArbitrary(schema);
    case 'integer':
      return numberArbitrary(schema, true);
    case 'number':
      return numberArbitrary(schema, false);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(validArbitrary(schema.items, depth + 1), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.max(schema.minItems ?? 0, Math.min(schema.maxItems ?? MAX_ITEMS, MAX_ITEMS)),
      });
    case 'object':
    case undefined: {
      if (!schema.properties && !schema.patternProperties && type === undefined)
        return fc.jsonValue({ maxDepth: 2 });
      const properties = schema.properties ?? {};
      const record = fc.record(
        Object.fromEntries(Object.entries(properties).map(([k, v]) => [k, validArbitrary(v, depth + 1)])),
        { requiredKeys: (schema.required ?? []).filter((k) => k in properties) },
      );
      const pattern = schema.patternProperties ? Object.entries(schema.patternProperties)[0] : undefined;
      if (!pattern) return record;
      const [keyPattern, valueSchema] = pattern;
      return fc
        .tuple(
          record,
          fc.dictionary(
            fc.stringMatching(new RegExp(keyPattern, 'u')),
            validArbitrary(valueSchema, depth + 1),
            {
              maxKeys: MAX_ITEMS,
            },
          ),
        )
        .map(([fixed, extra]) => ({ ...extra, ...fixed }));
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/** Deeply nested arrays: a parser or validator that recurses must not fall over. (Deeper than 1,500 and the
 * test's own JSON.stringify runs out of stack before the studio sees it.) */
const deepNesting = fc
  .integer({ min: 200, max: 1500 })
  .map((depth) => JSON.parse(`${'['.repeat(depth)}${']'.repeat(depth)}`) as unknown);

const hugeString = fc.integer({ min: 10_000, max: 200_000 }).map((n) => 'x'.repeat(n));

/** Changes one part of a valid value: a field removed, retyped, or added. */
function mutated(valid: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc
    .tuple(
      valid,
      fc.nat(),
      fc.oneof(fc.jsonValue({ maxDepth: 2 }), hugeString),
      fc.constantFrom('drop', 'retype', 'extra'),
    )
    .map(([value, pick, replacement, how]) => {
      if (value === null || typeof value !== 'object' || Array.isArray(value)) return replacement;
      const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
      const keys = Object.keys(copy);
      const key = keys.length ? keys[pick % keys.length]! : 'unexpected';
      if (how === 'drop') delete copy[key];
      else if (how === 'retype') copy[key] = replacement;
      else copy[`__${key}_extra`] = replacement;
      return copy;
    });
}

/** Valid-looking half the time, hostile the other half. */
export function fuzzArbitrary(schema: JsonSchema | undefined): fc.Arbitrary<unknown> {
  const valid = validArbitrary(schema);
  return fc.oneof(
    { weight: 5, arbitrary: valid },
    { weight: 3, arbitrary: mutated(valid) },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 4 }) },
    { weight: 1, arbitrary: fc.oneof(deepNesting, hugeString) },
  );
}
