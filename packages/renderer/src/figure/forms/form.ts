import type { IdentityPair } from '@ministudio/domain';

/** What kind of body a character is drawn with. A person unless their identity says otherwise. */
export const FIGURE_FORMS = ['human', 'hologram', 'ghost', 'robot', 'alien', 'cat', 'dog', 'bird'] as const;
export type FigureForm = (typeof FIGURE_FORMS)[number];

// Tried in order: a "holographic ghost" is light first, an "android" is a robot, a "robot dog" a robot.
const WORDS: { form: FigureForm; pattern: RegExp }[] = [
  { form: 'hologram', pattern: /hologra|light being|being of light|liquid light|projection|projected/ },
  { form: 'ghost', pattern: /\bghost|spectr(e|al)|\bspirit\b|phantom|apparition|wraith|poltergeist/ },
  {
    form: 'robot',
    pattern: /robot|android|\bdroid|cyborg|automaton|\bmech\b|machine|\bbot\b|synthetic|mechanical|\bai\b/,
  },
  { form: 'alien', pattern: /\balien|extraterrestrial|martian/ },
  { form: 'cat', pattern: /\bcats?\b|kitten|kitty|feline|tabby|\blion(ess)?\b|tiger|leopard|panther/ },
  {
    form: 'dog',
    pattern:
      /\bdogs?\b|pupp(y|ies)|\bpup\b|hound|canine|terrier|spaniel|retriever|collie|\bwolf\b|\bfox\b|labrador/,
  },
  {
    form: 'bird',
    pattern:
      /\bbirds?\b|parrot|\bcrow\b|raven|\bowl\b|pigeon|(sea)?gull|eagle|sparrow|magpie|falcon|hawk|\bdove\b|penguin/,
  },
];

/** The form a phrase names ("liquid light hologram", "a ginger tabby cat"), or null when it names none. */
export function formOfWords(text: string): FigureForm | null {
  const t = text.toLowerCase();
  for (const { form, pattern } of WORDS) if (pattern.test(t)) return form;
  return null;
}

// The identity fields that say what a character is; colours and clothes ("robot-print T-shirt") do not.
const FORM_FIELDS = ['form', 'species', 'body', 'type', 'kind', 'creature', 'nature', 'race', 'what'];
const DESCRIPTION_FIELDS = ['appearance', 'description', 'look', 'build'];

/**
 * A character's form from its identity: the form-like fields first, then its description and build
 * ("tall humanoid robot"); a person when nothing says otherwise.
 */
export function formOf(identity: readonly IdentityPair[]): FigureForm {
  const values = (keys: string[]) =>
    identity.filter((p) => keys.includes(p.key.trim().toLowerCase())).map((p) => p.value);
  for (const value of [...values(FORM_FIELDS), ...values(DESCRIPTION_FIELDS)]) {
    const form = formOfWords(value);
    if (form) return form;
  }
  return 'human';
}
