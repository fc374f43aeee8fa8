// How a shot's lines are laid out in time, and how long a shot that follows its speech will be. One home
// for the picture job (real spoken lengths), the pre-queue check and the editor's timeline (estimates from
// words before anything is spoken). Pure and browser-safe.

/** Breathing room before the first line, between lines, and after the last (for shots that follow speech). */
export const SPEECH_LEAD_SECONDS = 0.3;
export const SPEECH_GAP_SECONDS = 0.35;
export const SPEECH_TAIL_SECONDS = 0.5;

/** Words a minute at voice rate 1: a little faster than espeak's 160 and most cloud voices, so estimates err long. */
export const ESTIMATED_WORDS_PER_MINUTE = 150;

export interface PlacedLine {
  character: string | null;
  text: string;
  startSeconds: number;
  durationSeconds: number;
}

/** Lines one after another: pure timing, from the spoken durations. */
export function placeSpeech(lines: { character: string | null; text: string; durationSeconds: number }[]): {
  placed: PlacedLine[];
  endSeconds: number;
} {
  const placed: PlacedLine[] = [];
  let at = SPEECH_LEAD_SECONDS;
  for (const line of lines) {
    placed.push({
      character: line.character,
      text: line.text,
      startSeconds: at,
      durationSeconds: line.durationSeconds,
    });
    at += line.durationSeconds + SPEECH_GAP_SECONDS;
  }
  return { placed, endSeconds: placed.length ? at - SPEECH_GAP_SECONDS : 0 };
}

/** The length of a shot that follows its speech: the placed lines and a tail, on whole frames, at least 1 s. */
export function speechShotSeconds(speechEndSeconds: number, fps: number): number {
  return Math.max(1, Math.ceil((speechEndSeconds + SPEECH_TAIL_SECONDS) * fps) / fps);
}

/** A line's speaking time before it is spoken: its words at the voice's rate. */
export function estimatedLineSeconds(text: string, rate: number): number {
  const words = text.split(/\s+/).filter(Boolean).length;
  return (words / (ESTIMATED_WORDS_PER_MINUTE * (rate > 0 ? rate : 1))) * 60;
}

/**
 * The length a shot that follows its speech will have, before the speech exists: each line's estimated
 * speaking time, placed exactly as the picture job will place the real lines.
 */
export function estimatedSpeechShotSeconds(
  lines: { character: string | null; text: string; rate: number }[],
  fps: number,
): number {
  const estimated = lines.map((line) => ({
    character: line.character,
    text: line.text,
    durationSeconds: estimatedLineSeconds(line.text, line.rate),
  }));
  return speechShotSeconds(placeSpeech(estimated).endSeconds, fps);
}
