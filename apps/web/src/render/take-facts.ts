import type { TakeView } from '@ministudio/domain';

// What a take says about itself in the takes list and the comparison: pure, tested without a DOM.

export interface TakeFacts {
  /** "local/animatic-v1" */
  source: string;
  /** "seed 42", "seed 42 (not applied)", "no seed" */
  seed: string;
  seedIgnored: boolean;
  /** "2.0 s", or null before the take has a length. */
  duration: string | null;
  /** A short local date and time of the render. */
  date: string;
}

export function takeFacts(take: TakeView, locale?: string): TakeFacts {
  const seedIgnored = take.seed !== null && !take.seedApplied;
  const when = new Date(take.createdAt);
  return {
    source: `${take.provider}/${take.model}`,
    seed: take.seed === null ? 'no seed' : `seed ${take.seed}${seedIgnored ? ' (not applied)' : ''}`,
    seedIgnored,
    duration:
      take.durationSeconds !== null && Number.isFinite(take.durationSeconds)
        ? `${take.durationSeconds.toFixed(1)} s`
        : null,
    date: Number.isNaN(when.getTime())
      ? ''
      : when.toLocaleString(locale, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' }),
  };
}

/** "take 1 and take 2", "take 1, take 3 and take 4": the comparison's accessible name. */
export function takeListName(numbers: readonly number[]): string {
  const names = numbers.map((n) => `take ${n}`);
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/** Toggles a take in the comparison, keeping the newest `max` picked. */
export function toggleCompare(picked: readonly string[], id: string, on: boolean, max = 4): string[] {
  const rest = picked.filter((x) => x !== id);
  return on ? [...rest, id].slice(-max) : rest;
}
