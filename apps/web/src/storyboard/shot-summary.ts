import { SHOT_TYPE_LABELS, type ShotView } from '@ministudio/domain';

// What a card shows of a shot; pure so it is tested without rendering.

export const EXCERPT_LENGTH = 90;

export function excerpt(text: string, max: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

export function formatDuration(duration: ShotView['duration']): string {
  if (duration === 'speech') return 'speech';
  return seconds(duration);
}

const seconds = (s: number) => `${Number.isInteger(s) ? s : s.toFixed(1)} s`;

/** A take this close to the shot's length is that length (the fit brings it within a frame). */
export const SAME_LENGTH_SECONDS = 0.05;

/**
 * The length a card shows: the shot's, and the chosen take's real length beside it when the two differ
 * (a provider's nearby length, speech that held the picture) or when the shot follows its speech and
 * the take is what finally tells its length. Null take: nothing rendered yet.
 */
export function cardDuration(
  duration: ShotView['duration'],
  takeSeconds: number | null,
): { text: string; differs: boolean; title: string } {
  if (takeSeconds === null)
    return {
      text: formatDuration(duration),
      differs: false,
      title: duration === 'speech' ? 'Lasts as long as its speech' : 'The shot’s length',
    };
  const take = seconds(Math.round(takeSeconds * 10) / 10);
  if (duration === 'speech')
    return { text: `speech · ${take}`, differs: false, title: `Follows its speech: the take lasts ${take}` };
  if (Math.abs(takeSeconds - duration) <= SAME_LENGTH_SECONDS)
    return { text: formatDuration(duration), differs: false, title: 'The shot’s length' };
  return {
    text: `${formatDuration(duration)} · take ${take}`,
    differs: true,
    title: `The chosen take lasts ${take}, not the shot’s ${formatDuration(duration)}`,
  };
}

/**
 * What a shot is about in one line: its action, else its first line of dialogue (with the speaker's
 * name), else its narration; '' for a shot with none of them. A shot full of dialogue is not "No action".
 */
export function shotAbout(
  shot: Pick<ShotView, 'action' | 'dialogue' | 'narration'>,
  namesByKey: Record<string, string>,
): string {
  if (shot.action.trim()) return shot.action;
  const line = shot.dialogue.find((l) => l.text.trim());
  if (line) return `${namesByKey[line.character] ?? line.character}: “${line.text.trim()}”`;
  return shot.narration.trim() ? `Narration: “${shot.narration.trim()}”` : '';
}

export function shotSummary(
  shot: Pick<ShotView, 'shotType' | 'action' | 'dialogue' | 'narration' | 'duration' | 'cast'>,
  namesByKey: Record<string, string>,
) {
  const about = shotAbout(shot, namesByKey);
  const action = excerpt(about, EXCERPT_LENGTH);
  const cast = shot.cast.map((c) => namesByKey[c.character] ?? c.character).join(', ');
  return {
    title: shot.action.trim() ? excerpt(shot.action, 40) : SHOT_TYPE_LABELS[shot.shotType],
    action: action || 'No action yet',
    duration: formatDuration(shot.duration),
    cast: cast || 'No cast',
  };
}
