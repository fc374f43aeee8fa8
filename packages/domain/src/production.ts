import { Compile } from 'typebox/compile';
import { Production } from './schemas/production';

export interface ValidationIssue {
  /** JSON Pointer into the document, e.g. /scenes/0/shots/2/shotType */
  path: string;
  message: string;
}

export type ValidationResult<T> = { ok: true; value: T } | { ok: false; issues: ValidationIssue[] };

const checkProduction = Compile(Production);

/**
 * Validates a production document: its shape against the JSON Schema, then what a schema cannot
 * say (unique keys, references between entities, images present). Every problem is reported,
 * each with its JSON path, so a user can fix a file in one pass.
 */
export function validateProduction(input: unknown): ValidationResult<Production> {
  if (!checkProduction.Check(input)) {
    return { ok: false, issues: schemaIssues(checkProduction.Errors(input)) };
  }
  const doc = input as Production;
  const issues = referenceIssues(doc);
  return issues.length ? { ok: false, issues } : { ok: true, value: doc };
}

interface RawError {
  instancePath: string;
  message: string;
  keyword: string;
  params: unknown;
}

/** Collapses the validator's raw errors into one readable issue per path. */
export function schemaIssues(errors: Iterable<RawError>): ValidationIssue[] {
  const byPath = new Map<string, RawError[]>();
  for (const error of errors) {
    // "schema is false" duplicates the additionalProperties error on the parent.
    if (error.keyword === 'boolean') continue;
    const list = byPath.get(error.instancePath) ?? [];
    list.push(error);
    byPath.set(error.instancePath, list);
  }
  const issues: ValidationIssue[] = [];
  for (const [path, list] of byPath) {
    const additional = list.find((e) => e.keyword === 'additionalProperties');
    if (additional) {
      const names = (additional.params as { additionalProperties?: string[] }).additionalProperties ?? [];
      issues.push({ path, message: `unknown field${names.length > 1 ? 's' : ''}: ${names.join(', ')}` });
    }
    const rest = list.filter((e) => e.keyword !== 'additionalProperties');
    // For unions (anyOf) the per-branch errors say little; keep the branch-specific ones only when alone.
    const union = rest.find((e) => e.keyword === 'anyOf');
    const chosen = union
      ? [union]
      : rest.filter((e, i, all) => all.findIndex((o) => o.message === e.message) === i);
    for (const error of chosen) {
      issues.push({ path, message: describe(error) });
    }
  }
  return issues;
}

function describe(error: RawError): string {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'enum':
      return `must be one of: ${(params.allowedValues as unknown[] | undefined)?.join(', ') ?? error.message}`;
    case 'required':
      return `missing required field${Array.isArray(params.requiredProperties) && params.requiredProperties.length > 1 ? 's' : ''}: ${(params.requiredProperties as string[] | undefined)?.join(', ') ?? ''}`.trim();
    case 'const':
      return `must be ${JSON.stringify(params.allowedValue)}`;
    case 'anyOf':
      return 'does not match any allowed form';
    default:
      return error.message;
  }
}

function referenceIssues(doc: Production): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const unique = (list: { key: string }[], base: string) => {
    const seen = new Set<string>();
    list.forEach((item, i) => {
      if (seen.has(item.key))
        issues.push({ path: `${base}/${i}/key`, message: `duplicate key "${item.key}"` });
      seen.add(item.key);
    });
    return seen;
  };
  const characters = unique(doc.characters, '/characters');
  const environments = unique(doc.environments, '/environments');
  unique(doc.scenes, '/scenes');
  // Shot keys are unique across the whole production (they seed renders), checked below.
  const shotKeys = new Set<string>();
  const asset = (sha: string, path: string) => {
    if (!(sha in doc.assets)) issues.push({ path, message: `image ${sha.slice(0, 12)}… is not in assets` });
  };
  doc.characters.forEach((c, i) => {
    for (const [j, sha] of c.referenceImages.entries()) asset(sha, `/characters/${i}/referenceImages/${j}`);
  });
  doc.environments.forEach((e, i) => {
    for (const [j, sha] of e.referenceImages.entries()) asset(sha, `/environments/${i}/referenceImages/${j}`);
    if (e.plate) asset(e.plate, `/environments/${i}/plate`);
  });
  doc.scenes.forEach((scene, i) => {
    const base = `/scenes/${i}`;
    if (scene.environment !== null && !environments.has(scene.environment)) {
      issues.push({ path: `${base}/environment`, message: `no environment with key "${scene.environment}"` });
    }
    scene.shots.forEach((shot, j) => {
      const at = `${base}/shots/${j}`;
      if (shotKeys.has(shot.key)) issues.push({ path: `${at}/key`, message: `duplicate key "${shot.key}"` });
      shotKeys.add(shot.key);
      shot.dialogue.forEach((line, k) => {
        if (!characters.has(line.character)) {
          issues.push({
            path: `${at}/dialogue/${k}/character`,
            message: `no character with key "${line.character}"`,
          });
        }
      });
      const cast = new Set<string>();
      shot.cast.forEach((member, k) => {
        if (!characters.has(member.character)) {
          issues.push({
            path: `${at}/cast/${k}/character`,
            message: `no character with key "${member.character}"`,
          });
        }
        if (cast.has(member.character)) {
          issues.push({
            path: `${at}/cast/${k}/character`,
            message: `"${member.character}" is in the cast twice`,
          });
        }
        cast.add(member.character);
      });
    });
  });
  return issues;
}
