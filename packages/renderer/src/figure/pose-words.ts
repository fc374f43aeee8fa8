// The animatic acts a small vocabulary of poses, chosen from the words of the shot's action and each
// character's posture. Pure: the same words always give the same pose, and the words it could not act
// are reported so the take's notes can say what the animatic ignored.

/** How the body rests: the posture. */
export type PoseBase = 'standing' | 'sitting' | 'leaning';
/** What the body does over the shot, on top of its base. */
export type PoseGesture = 'none' | 'typing' | 'pointing' | 'walking-in' | 'walking-out' | 'turning';

export interface Pose {
  base: PoseBase;
  gesture: PoseGesture;
  /**
   * The base is something the action does now ("Emma leans on the rail": the lean happens in the shot),
   * not a state the shot starts in (a posture "leaning over the desk" is already leaning at frame one).
   */
  baseFromAction: boolean;
}

export const STANDING: Pose = { base: 'standing', gesture: 'none', baseFromAction: false };

/** Every pose word the chooser can return, by name: the vocabulary the issue asks for. */
export const POSE_NAMES = [
  'standing',
  'sitting',
  'leaning',
  'typing',
  'pointing',
  'walking-in',
  'walking-out',
  'turning',
] as const;

type Meaning = { base?: PoseBase; gesture?: PoseGesture };

// Phrases before single words, so "walks in" is not read as a bare walk. Matched on whole words.
const PHRASES: [RegExp, Meaning][] = [
  [
    /\b(walks?|walking|steps?|stepping|comes?|coming|strides?|striding|hurries|hurrying|runs?|running) (in|into|inside|up)\b/,
    { gesture: 'walking-in', base: 'standing' },
  ],
  [
    /\b(walks?|walking|steps?|stepping|strides?|striding|hurries|hurrying|runs?|running|heads?|heading) (out|off|away)\b/,
    { gesture: 'walking-out', base: 'standing' },
  ],
  [
    /\b(turns?|turning|spins?|spinning|looks?|looking|glances?|glancing) (back|around|round|away)\b/,
    { gesture: 'turning' },
  ],
  [/\b(sits?|sitting|sat) (up|down)\b/, { base: 'sitting' }],
  [/\b(stands?|standing|gets?|getting) up\b/, { base: 'standing' }],
];

const WORDS: Record<string, Meaning> = {};
const define = (meaning: Meaning, words: string) => {
  for (const w of words.split(' ')) WORDS[w] = meaning;
};
define(
  { base: 'sitting' },
  'sit sits sitting sat seated perched perches kneels kneeling crouches crouching squats',
);
define(
  { base: 'standing' },
  'stand stands standing stood rises rising hovers hovering floats floating waits waiting',
);
define({ base: 'leaning' }, 'lean leans leaning leant slouches slouching hunches hunched bends bending');
define({ gesture: 'typing' }, 'type types typing typed keys keying taps tapping codes coding');
define(
  { gesture: 'pointing' },
  'point points pointing pointed gestures gesturing indicates beckons waves waving',
);
define(
  { gesture: 'walking-in', base: 'standing' },
  'enters entering arrives arriving approaches approaching crosses crossing',
);
define(
  { gesture: 'walking-out', base: 'standing' },
  'leaves leaving exits exiting departs departing retreats',
);
define({ gesture: 'turning' }, 'turn turns turning turned spins spinning pivots whirls');
// Understood and acted as standing still: most of what people do in a shot is watch, speak and react.
const STILL = new Set(
  (
    'looks looking watches watching stares staring glances listens listening says speaks speaking talks ' +
    'talking smiles smiling nods nodding frowns frowning laughs laughing sighs thinks thinking reads reading ' +
    'holds holding reacts waits is are was were has have stays remains freezes pauses breathes gazes'
  ).split(' '),
);
// Words that never carry the pose: skipped when looking for the verb that was not understood.
const FILLER = new Set(
  'a an the and or but then as while with her his their its one two of to at in on by from for over under near beside behind into onto up down dr mr mrs ms'.split(
    ' ',
  ),
);

export interface PoseChoice {
  pose: Pose;
  /** Words that asked for something the vocabulary cannot act (empty when understood). */
  notUnderstood: string[];
}

function words(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[’']s\b/g, '')
    .split(/[^a-z-]+/)
    .filter(Boolean);
}

/** What a phrase asks for: the first base and the first gesture its words name. */
export function readPoseWords(text: string): Meaning {
  const lower = ` ${text.toLowerCase()} `;
  const meaning: Meaning = {};
  for (const [pattern, m] of PHRASES) {
    if (pattern.test(lower)) {
      meaning.gesture ??= m.gesture;
      meaning.base ??= m.base;
    }
  }
  for (const w of words(text)) {
    const m = WORDS[w];
    if (!m) continue;
    meaning.gesture ??= m.gesture;
    meaning.base ??= m.base;
  }
  return meaning;
}

/** The phrase's main verb as written, when it is neither in the vocabulary nor acted as standing still. */
function unknownVerb(clause: string, name: string): string | null {
  const all = words(clause);
  const nameWords = new Set(words(name));
  let start = all.findIndex((w) => nameWords.has(w));
  // Skip the whole name ("Dr. Sarah Chen") and the adverbs before the verb ("quietly smiles").
  start = Math.max(start, 0);
  for (let i = start; i < all.length; i++) {
    const w = all[i]!;
    if (nameWords.has(w) || FILLER.has(w) || w.endsWith('ly')) continue;
    if (WORDS[w] || STILL.has(w)) return null;
    return w;
  }
  return null;
}

/** Splits an action into clauses and gives each to the character it names (else the one named last). */
export function clausesFor(
  action: string,
  cast: { key: string; name: string }[],
  subject: string | null,
): Map<string, string[]> {
  const out = new Map<string, string[]>(cast.map((c) => [c.key, []]));
  const clauses = action
    // Every comma and "and" too: a clause that names nobody goes to the one named last, so splitting
    // "David points and Emma walks in" costs nothing when a clause is one person's ("leans and frowns").
    .split(/[.;:!?,]+|\s+(?:and|while|as|then|but)\s+/i)
    .map((c) => c.trim())
    .filter(Boolean);
  let last: string | null = cast.length === 1 ? cast[0]!.key : subject;
  for (const clause of clauses) {
    const lower = ` ${clause.toLowerCase()} `;
    // The character named first in the clause is its subject ("ARIA dims beside Sarah": ARIA).
    let first: { key: string; at: number } | null = null;
    for (const c of cast) {
      for (const part of [c.name, ...c.name.split(/\s+/)]) {
        const w = part.toLowerCase().replace(/[^a-z-]/g, '');
        if (w.length < 2 || FILLER.has(w)) continue;
        const at = lower.search(new RegExp(`[^a-z]${w}[^a-z]`));
        if (at >= 0 && (!first || at < first.at)) first = { key: c.key, at };
      }
    }
    const owner = first?.key ?? last;
    if (!owner) continue;
    out.get(owner)?.push(clause);
    last = owner;
  }
  return out;
}

/**
 * One character's pose: the action's words for this character first (what happens now: "Sarah stands"
 * beats a seated posture), then the posture ("sitting on a bollard"). Walking is always on foot.
 * Nothing understood: standing, and the words are reported.
 */
export function choosePose(posture: string, clauses: string[], name: string): PoseChoice {
  const fromAction: Meaning = {};
  const notUnderstood: string[] = [];
  for (const clause of clauses) {
    const m = readPoseWords(clause);
    fromAction.gesture ??= m.gesture;
    fromAction.base ??= m.base;
  }
  const fromPosture = readPoseWords(posture);
  const gesture = fromAction.gesture ?? fromPosture.gesture ?? 'none';
  let base = fromAction.base ?? fromPosture.base ?? 'standing';
  if (gesture === 'walking-in' || gesture === 'walking-out') base = 'standing';
  const understood = Boolean(
    fromAction.gesture || fromAction.base || fromPosture.gesture || fromPosture.base,
  );
  if (!understood) {
    if (posture.trim()) notUnderstood.push(posture.trim());
    for (const clause of clauses) {
      const verb = unknownVerb(clause, name);
      if (verb) notUnderstood.push(verb);
    }
  }
  return { pose: { base, gesture, baseFromAction: fromAction.base !== undefined }, notUnderstood };
}

/** The note a take carries for a character whose words the animatic could not act. */
export function poseNote(name: string, notUnderstood: string[]): string | null {
  if (!notUnderstood.length) return null;
  return `${name}: ${notUnderstood.map((w) => `“${w}”`).join(', ')} not understood as a pose; drawn standing.`;
}
