import type { Voice, VoiceInfo } from '@ministudio/domain';

/** espeak-ng's own speed limits (words per minute). */
export const ESPEAK_MIN_WPM = 80;
export const ESPEAK_MAX_WPM = 450;
/** Voice.rate 1 means this many words per minute. */
export const ESPEAK_BASE_WPM = 160;

export function espeakWpm(rate: number): number {
  return Math.max(ESPEAK_MIN_WPM, Math.min(ESPEAK_MAX_WPM, Math.round(ESPEAK_BASE_WPM * rate)));
}

/** Semitones -12..12 onto espeak's 0..99 pitch, 50 being the voice's own. */
export function espeakPitch(semitones: number): number {
  const clamped = Math.max(-12, Math.min(12, semitones));
  return Math.max(0, Math.min(99, Math.round(50 + (clamped * 50) / 12)));
}

/** A voice id espeak accepts: language or file name, optional +variant; nothing that could read as an option. */
export function isSafeVoiceId(voiceId: string): boolean {
  return /^[A-Za-z0-9][A-Za-z0-9_/.-]*(\+[A-Za-z0-9_-]+)?$/.test(voiceId) && !voiceId.includes('..');
}

/** Arguments for one synthesis; the text goes on stdin, never on the command line. */
export function espeakArgs(voice: Voice, output: string): string[] {
  return [
    '-v',
    voice.voiceId,
    '-s',
    String(espeakWpm(voice.rate)),
    '-p',
    String(espeakPitch(voice.pitch)),
    '-b',
    '1',
    '-w',
    output,
    '--stdin',
  ];
}

/**
 * Parses `espeak-ng --voices`: one voice per language code (the id `-v` takes), MBROLA voices left
 * out because they need a separate synthesiser.
 */
export function parseEspeakVoices(listing: string): VoiceInfo[] {
  const voices: VoiceInfo[] = [];
  const seen = new Set<string>();
  for (const line of listing.split('\n').slice(1)) {
    const match = /^\s*\d+\s+(\S+)\s+\S+\s+(\S+)\s+(\S+)/.exec(line);
    if (!match) continue;
    const [, language, name, file] = match as unknown as [string, string, string, string];
    if (file.startsWith('mb/') || seen.has(language)) continue;
    seen.add(language);
    voices.push({ id: language, name: name.replace(/_/g, ' '), language });
  }
  return voices;
}

/** Parses `espeak-ng --voices=variant`: the variant names (`f3`, `Alicia`) a voice id may add after `+`. */
export function parseEspeakVariants(listing: string): string[] {
  const variants: string[] = [];
  for (const line of listing.split('\n').slice(1)) {
    const match = /\s!v\/(\S+)\s*$/.exec(line);
    if (match) variants.push(match[1]!);
  }
  return variants;
}

/**
 * Whether espeak-ng has a voice id: its language among `voices` and its `+variant`, if any, among
 * `variants` (both case-insensitive, as espeak reads them). espeak itself speaks an unknown variant in
 * the plain voice without a word, so this is the only place a typo in one is caught.
 */
export function espeakHasVoice(voiceId: string, voices: readonly VoiceInfo[], variants: readonly string[]) {
  const [language, variant, ...rest] = voiceId.toLowerCase().split('+');
  if (rest.length > 0 || !language) return false;
  if (!voices.some((v) => v.id.toLowerCase() === language)) return false;
  return variant === undefined || variants.some((v) => v.toLowerCase() === variant);
}
