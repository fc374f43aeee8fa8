import {
  type CharacterFields,
  type CharacterState,
  defaultCharacter,
  defaultEnvironment,
  defaultProjectSettings,
  defaultShot,
  type EnvironmentContext,
  type EnvironmentIdentity,
  type IdentityPair,
  PRODUCTION_FORMAT,
  PRODUCTION_VERSION,
  type Production,
  type ProductionAsset,
  type ProductionCharacter,
  type ProductionEnvironment,
  type ProductionScene,
  type ProductionShot,
  type ProjectSettings,
  type ShotFields,
  type ValidationIssue,
  type Voice,
  validateProduction,
} from '@ministudio/domain';

// Productions written as TypeScript. Everything here compiles to the production format of
// packages/domain (the same TypeBox schema the studio imports), and the result is checked by the
// domain's own validator, so a script can never produce a file the studio would refuse. The key
// types (which characters and environments exist) flow from `defineProduction`'s `characters` and
// `environments` into the `scene`/`shot` helpers it hands to `scenes`, so a wrong key is a type error
// where it is written; plain JavaScript gets the same check at run time, with the JSON path.

/** A character as written in a script: its key is part of its type. */
export interface Character<K extends string = string> {
  readonly kind: 'character';
  readonly key: K;
  readonly value: ProductionCharacter;
}

/** An environment as written in a script: its key is part of its type. */
export interface Environment<K extends string = string> {
  readonly kind: 'environment';
  readonly key: K;
  readonly value: ProductionEnvironment;
}

export interface CharacterSpec {
  name: string;
  /** Static identity, in order: `{ hair: 'chestnut brown bob', eyes: 'amber' }` (or `[{ key, value }]`). */
  identity?: Record<string, string> | IdentityPair[];
  /** The state a shot starts from; a shot's cast entry overrides parts of it. */
  defaultState?: CharacterState;
  voice?: Partial<Voice>;
  /** sha256 of images in the production's `assets`. */
  referenceImages?: string[];
}

export interface EnvironmentSpec {
  name: string;
  location?: string;
  identity?: Partial<EnvironmentIdentity>;
  context?: Partial<EnvironmentContext>;
  referenceImages?: string[];
  plate?: string | null;
}

/** "sarah: Run it one more time." — the journal's "Name: line" with the character's key. */
export type DialogueText<C extends string> = `${C}: ${string}`;
export type Line<C extends string> = DialogueText<C> | { character: C; text: string };

/** Per-shot state of each character in frame, by key: `{ sarah: { expression: 'fearful' } }`. */
export type Cast<C extends string> = { [K in C]?: CharacterState };

export interface ShotSpec<C extends string> {
  shotType?: ShotFields['shotType'];
  action?: string;
  camera?: ShotFields['camera'];
  duration?: ShotFields['duration'];
  dialogue?: Line<C>[];
  narration?: string;
  cast?: Cast<C>;
  /** Continue from the previous shot's last frame (default true). */
  continuity?: boolean;
  /** A fixed seed for this shot; by default it is derived from the scene seed and the shot key. */
  seed?: number | null;
  /** "provider" or "provider:model"; by default the project's. */
  provider?: string | null;
  audioFit?: ShotFields['audioFit'];
}

/** A shot before it knows the production's defaults (filled in by defineProduction). */
export interface Shot<C extends string = string> {
  readonly kind: 'shot';
  readonly key: string;
  readonly spec: ShotSpec<C>;
}

export interface SceneSpec<C extends string, E extends string> {
  title?: string;
  environment: E | null;
  mood?: string;
  seed: number;
  shots: Shot<C>[];
}

export interface Scene<C extends string = string, E extends string = string> {
  readonly kind: 'scene';
  readonly key: string;
  readonly spec: SceneSpec<C, E>;
}

/** The scene and shot helpers bound to a production's character and environment keys. */
export interface Builders<C extends string, E extends string> {
  scene(key: string, spec: SceneSpec<C, E>): Scene<C, E>;
  shot(key: string, spec: ShotSpec<C>): Shot<C>;
}

export interface ProductionSpec<C extends string, E extends string> {
  project: Partial<ProjectSettings> & { title: string };
  characters: readonly Character<C>[];
  environments: readonly Environment<E>[];
  /** What every shot starts from before its own fields (the domain's defaults otherwise). */
  shotDefaults?: Partial<Omit<ShotFields, 'dialogue' | 'cast'>>;
  /** The scenes, usually written with the typed helpers: `scenes: ({ scene, shot }) => [...]`. */
  // NoInfer: the keys come from `characters` and `environments` only, so a shot naming "bob" is an
  // error instead of quietly widening the set of characters.
  scenes:
    | Scene<NoInfer<C>, NoInfer<E>>[]
    | ((builders: Builders<NoInfer<C>, NoInfer<E>>) => Scene<NoInfer<C>, NoInfer<E>>[]);
  assets?: Record<string, ProductionAsset>;
}

/** A production that the domain's validator refused; `issues` holds every problem with its JSON path. */
export class ProductionError extends Error {
  constructor(
    readonly issues: ValidationIssue[],
    readonly where: Map<string, string> = new Map(),
  ) {
    super(
      `The production has ${issues.length} problem${issues.length === 1 ? '' : 's'}:\n${issues
        .map(
          (issue) =>
            `  ${issue.path}${where.has(issue.path) ? ` (${where.get(issue.path)})` : ''}: ${issue.message}`,
        )
        .join('\n')}`,
    );
    this.name = 'ProductionError';
  }
}

export function character<const K extends string>(key: K, spec: CharacterSpec): Character<K> {
  const base: CharacterFields = defaultCharacter(spec.name);
  const identity = Array.isArray(spec.identity)
    ? spec.identity.map(({ key: k, value }) => ({ key: k, value }))
    : Object.entries(spec.identity ?? {}).map(([k, value]) => ({ key: k, value }));
  return {
    kind: 'character',
    key,
    value: {
      key,
      name: spec.name,
      identity,
      defaultState: { ...base.defaultState, ...spec.defaultState },
      voice: { ...base.voice, ...spec.voice },
      referenceImages: [...(spec.referenceImages ?? [])],
    },
  };
}

export function environment<const K extends string>(key: K, spec: EnvironmentSpec): Environment<K> {
  const base = defaultEnvironment(spec.name);
  return {
    kind: 'environment',
    key,
    value: {
      key,
      name: spec.name,
      location: spec.location ?? base.location,
      identity: { ...base.identity, ...spec.identity },
      context: { ...base.context, ...spec.context },
      referenceImages: [...(spec.referenceImages ?? [])],
      plate: spec.plate ?? null,
    },
  };
}

/**
 * A scene. Inside `scenes: ({ scene }) => …` its environment is checked against the production's keys;
 * this free-standing form (for plain JavaScript and helpers) is checked when the production is defined.
 */
export function scene<const C extends string = never, const E extends string = never>(
  key: string,
  spec: SceneSpec<C, E>,
): Scene<C, E> {
  return { kind: 'scene', key, spec };
}

/** A shot; like `scene`, typed by the production when taken from the `scenes` callback. */
// Keys default to none (never): a shot that names no character fits any production.
export function shot<const C extends string = never>(key: string, spec: ShotSpec<C> = {}): Shot<C> {
  return { kind: 'shot', key, spec };
}

/**
 * Compiles a production script to the production format and validates it with the domain's schema and
 * reference checks. Throws a ProductionError listing every problem (with its JSON path and the shot or
 * scene it is in) so a JavaScript script with a misspelt key fails as clearly as a TypeScript one.
 */
export function defineProduction<const C extends string, const E extends string>(
  spec: ProductionSpec<C, E>,
): Production {
  const where = new Map<string, string>();
  const scenes = typeof spec.scenes === 'function' ? spec.scenes({ scene, shot }) : spec.scenes;
  // Plain JavaScript can hand anything here; say where, before compiling trips over it.
  const misplaced: ValidationIssue[] = [
    ...kindIssues(spec.characters, 'character', '/characters'),
    ...kindIssues(spec.environments, 'environment', '/environments'),
    ...kindIssues(scenes, 'scene', '/scenes'),
  ];
  scenes.forEach((s, i) => {
    if (s?.kind === 'scene') misplaced.push(...kindIssues(s.spec.shots, 'shot', `/scenes/${i}/shots`));
  });
  if (misplaced.length) throw new ProductionError(misplaced);
  const defaults = { ...defaultShot(), ...spec.shotDefaults };
  const doc: Production = {
    format: PRODUCTION_FORMAT,
    version: PRODUCTION_VERSION,
    project: projectSettings(spec.project),
    characters: spec.characters.map((c) => c.value),
    environments: spec.environments.map((e) => e.value),
    scenes: scenes.map((s, i): ProductionScene => {
      where.set(`/scenes/${i}/environment`, `scene "${s.key}"`);
      return {
        key: s.key,
        title: s.spec.title ?? '',
        environment: s.spec.environment,
        mood: s.spec.mood ?? '',
        seed: s.spec.seed,
        shots: s.spec.shots.map((sh, j) => {
          const compiled = compileShot(sh, defaults);
          // Issues inside a shot are reported with the shot's key beside the path.
          for (const field of ['key', ...Object.keys(compiled)]) {
            where.set(`/scenes/${i}/shots/${j}/${field}`, `shot "${sh.key}"`);
          }
          compiled.dialogue.forEach((_, k) => {
            where.set(`/scenes/${i}/shots/${j}/dialogue/${k}/character`, `shot "${sh.key}"`);
          });
          compiled.cast.forEach((_, k) => {
            where.set(`/scenes/${i}/shots/${j}/cast/${k}/character`, `shot "${sh.key}"`);
          });
          return compiled;
        }),
      };
    }),
    assets: { ...spec.assets },
  };
  const checked = validateProduction(doc);
  if (!checked.ok) throw new ProductionError(checked.issues, where);
  return checked.value;
}

function kindIssues(list: unknown, kind: string, base: string): ValidationIssue[] {
  if (!Array.isArray(list)) return [{ path: base, message: `must be a list of ${kind}(...) values` }];
  return list.flatMap((item, i) =>
    (item as { kind?: unknown } | null)?.kind === kind
      ? []
      : [{ path: `${base}/${i}`, message: `must be made with ${kind}(...)` }],
  );
}

/**
 * The project's settings: the studio's default for every setting, the script's values over them, in the
 * order the studio writes them, so a script compiles to the file the studio would export.
 */
function projectSettings(given: ProductionSpec<string, string>['project']): ProjectSettings {
  return { ...defaultProjectSettings(given.title), ...given };
}

function compileShot(
  sh: Shot<string>,
  defaults: Omit<ShotFields, 'dialogue' | 'cast'> & Partial<ShotFields>,
) {
  const s = sh.spec;
  const out: ProductionShot = {
    key: sh.key,
    shotType: s.shotType ?? defaults.shotType,
    action: s.action ?? defaults.action,
    camera: s.camera ?? defaults.camera,
    duration: s.duration ?? defaults.duration,
    dialogue: (s.dialogue ?? []).map(parseLine),
    narration: s.narration ?? defaults.narration,
    cast: Object.entries(s.cast ?? {}).map(([key, state]) => ({
      character: key,
      state: { ...(state as CharacterState | undefined) },
    })),
    continuity: s.continuity ?? defaults.continuity,
    seed: s.seed === undefined ? defaults.seed : s.seed,
    provider: s.provider === undefined ? defaults.provider : s.provider,
    audioFit: s.audioFit ?? defaults.audioFit,
  };
  return out;
}

/** "key: text" or { character, text }. A string without "key: " becomes a line of an empty key, which the validator names. */
function parseLine(line: Line<string>): { character: string; text: string } {
  if (typeof line !== 'string') return { character: line.character, text: line.text };
  const at = line.indexOf(': ');
  return at < 0 ? { character: '', text: line } : { character: line.slice(0, at), text: line.slice(at + 2) };
}
