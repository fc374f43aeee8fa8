// Whether a fixed-length shot's speech fits in it, before anything is spoken, and the three ways out:
// follow the speech, lengthen the shot, or split it into shots whose lines fit. One home for the pre-queue
// check (the render request refuses such a shot) and the editor's card (which offers the fixes). Pure.

import type { DurationRule } from './providers';
import type { DialogueLine } from './schemas/fields';
import {
  estimatedLineSeconds,
  estimatedSpeechShotSeconds,
  SPEECH_GAP_SECONDS,
  SPEECH_LEAD_SECONDS,
} from './speech-timing';

/**
 * How far the speech may run past a fixed length and still be fitted without anyone noticing: what
 * stretching the speech can absorb (packages/media's MAX_TEMPO_CHANGE). Past it the picture would be
 * held for the rest of the speech, and the take would no longer be the length the card says.
 */
export const SPEECH_FIT_TOLERANCE = 0.1;

/** One spoken line of a shot, in the order the picture job places them: dialogue, then narration. */
export interface SpeechItem {
  /** The speaker's key; null for narration. */
  character: string | null;
  text: string;
  /** The voice's rate (1 = normal). */
  rate: number;
}

/** A shot's lines with the rates of their voices (a speaker no longer in the cast speaks at rate 1). */
export function shotSpeechItems(
  shot: { dialogue: readonly DialogueLine[]; narration: string },
  characters: readonly { key: string; voice: { rate: number } }[],
  narrationVoice: { rate: number },
): SpeechItem[] {
  const rates = new Map(characters.map((c) => [c.key, c.voice.rate]));
  const items: SpeechItem[] = shot.dialogue.map((line) => ({
    character: line.character,
    text: line.text,
    rate: rates.get(line.character) ?? 1,
  }));
  if (shot.narration.trim())
    items.push({ character: null, text: shot.narration.trim(), rate: narrationVoice.rate });
  return items;
}

export interface SpeechMisfit {
  /** The line that runs past the shot's end: its place in speech order (dialogue first, then narration). */
  line: { index: number; character: string | null; text: string; estimatedSeconds: number };
  /** Where the speech is estimated to end, from the start of the shot. */
  speechEndSeconds: number;
  /** The length the shot would have if it followed its speech. */
  speechShotSeconds: number;
  shotSeconds: number;
}

const round1 = (s: number) => Math.round(s * 10) / 10;

/**
 * Null when the shot follows its speech, has none, or its speech ends within its length (and the
 * tolerance); otherwise the first line that runs past the end, with its estimate and the shot's length.
 */
export function speechMisfit(
  duration: number | 'speech',
  items: readonly SpeechItem[],
  fps: number,
): SpeechMisfit | null {
  if (duration === 'speech' || items.length === 0) return null;
  let at = SPEECH_LEAD_SECONDS;
  let crossing: SpeechMisfit['line'] | null = null;
  for (const [index, item] of items.entries()) {
    const seconds = estimatedLineSeconds(item.text, item.rate);
    at += seconds;
    if (!crossing && at > duration)
      crossing = { index, character: item.character, text: item.text, estimatedSeconds: round1(seconds) };
    if (index < items.length - 1) at += SPEECH_GAP_SECONDS;
  }
  if (at <= duration * (1 + SPEECH_FIT_TOLERANCE) || !crossing) return null;
  return {
    line: crossing,
    speechEndSeconds: round1(at),
    speechShotSeconds: round1(estimatedSpeechShotSeconds([...items], fps)),
    shotSeconds: duration,
  };
}

/** "Emma's line 2 (about 77 s)": how the check names the line to a filmmaker. */
export function describeMisfit(misfit: SpeechMisfit, names: Record<string, string>): string {
  const who =
    misfit.line.character === null
      ? 'The narration'
      : `${names[misfit.line.character] ?? misfit.line.character}’s line “${excerptOf(misfit.line.text)}”`;
  return `${who} takes about ${misfit.line.estimatedSeconds} s; the speech ends near ${misfit.speechEndSeconds} s, but the shot lasts ${misfit.shotSeconds} s.`;
}

function excerptOf(text: string): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  return clean.length <= 40 ? clean : `${clean.slice(0, 39).trimEnd()}…`;
}

/**
 * The length to lengthen a shot to: the speech's estimated length rounded up to a whole second, then to
 * the nearest length the model makes at or above it; null when the model makes nothing that long.
 */
export function lengthenTo(
  speechShotSeconds: number,
  rule: DurationRule | null,
  maxSeconds: number,
): number | null {
  const wanted = Math.ceil(speechShotSeconds - 1e-9);
  if (rule === null) return wanted <= maxSeconds ? wanted : null;
  if (rule.kind === 'range') {
    const seconds = Math.max(rule.min, wanted);
    return seconds <= rule.max && seconds <= maxSeconds ? seconds : null;
  }
  const fits = rule.seconds.filter((s) => s >= speechShotSeconds - 1e-9 && s <= maxSeconds);
  return fits.length ? Math.min(...fits) : null;
}

/** Where speech end is measured in a group of lines: lead, lines and the gaps between them. */
function groupEnd(items: readonly SpeechItem[]): number {
  let at = SPEECH_LEAD_SECONDS;
  for (const [i, item] of items.entries())
    at += estimatedLineSeconds(item.text, item.rate) + (i > 0 ? SPEECH_GAP_SECONDS : 0);
  return at;
}

/** A line too long for one shot, cut at sentence ends (else between words) into pieces that fit. */
function cutLine(item: SpeechItem, seconds: number): SpeechItem[] {
  const room = seconds - SPEECH_LEAD_SECONDS;
  const fits = (text: string) => estimatedLineSeconds(text, item.rate) <= room;
  if (fits(item.text)) return [item];
  const sentences = item.text.match(/[^.!?…]+[.!?…]+["”’)]*\s*|[^.!?…]+$/g) ?? [item.text];
  const units = sentences.flatMap((s) => (fits(s) ? [s.trim()] : s.split(/\s+/).filter(Boolean)));
  const pieces: string[] = [];
  let current = '';
  for (const unit of units) {
    const next = current ? `${current} ${unit}` : unit;
    if (current && !fits(next)) {
      pieces.push(current);
      current = unit;
    } else current = next;
  }
  if (current) pieces.push(current);
  return pieces.map((text) => ({ ...item, text }));
}

/**
 * The lines of a shot split into groups that each fit a shot of `seconds`, in speech order: whole lines
 * while they fit, a line too long for any one shot cut at its sentences. One group per resulting shot.
 */
export function splitSpeech(items: readonly SpeechItem[], seconds: number): SpeechItem[][] {
  const groups: SpeechItem[][] = [];
  let current: SpeechItem[] = [];
  for (const piece of items.flatMap((item) => cutLine(item, seconds))) {
    if (current.length && groupEnd([...current, piece]) > seconds) {
      groups.push(current);
      current = [];
    }
    current.push(piece);
  }
  if (current.length) groups.push(current);
  return groups;
}
