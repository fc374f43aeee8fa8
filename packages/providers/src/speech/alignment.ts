export interface TimedText {
  text: string;
  startSeconds: number;
  endSeconds: number;
}

/** ElevenLabs' parallel arrays into one list of timed characters. */
export function charactersFromAlignment(alignment: {
  characters?: unknown;
  character_start_times_seconds?: unknown;
  character_end_times_seconds?: unknown;
}): TimedText[] | null {
  const {
    characters: chars,
    character_start_times_seconds: starts,
    character_end_times_seconds: ends,
  } = alignment;
  if (!Array.isArray(chars) || !Array.isArray(starts) || !Array.isArray(ends)) return null;
  const out: TimedText[] = [];
  for (let i = 0; i < chars.length; i++) {
    const text = chars[i];
    const start = starts[i];
    const end = ends[i];
    if (typeof text !== 'string' || typeof start !== 'number' || typeof end !== 'number') return null;
    out.push({ text, startSeconds: start, endSeconds: end });
  }
  return out;
}

/** Groups timed characters into words at whitespace. */
export function wordsFromCharacters(characters: TimedText[]): TimedText[] {
  const words: TimedText[] = [];
  let current: TimedText | null = null;
  for (const c of characters) {
    if (/^\s+$/.test(c.text)) {
      if (current !== null) words.push(current);
      current = null;
    } else if (current === null) {
      current = { ...c };
    } else {
      current = { text: current.text + c.text, startSeconds: current.startSeconds, endSeconds: c.endSeconds };
    }
  }
  if (current !== null) words.push(current);
  return words;
}
