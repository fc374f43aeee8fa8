import {
  type DurationRule,
  describeMisfit,
  lengthenTo,
  MAX_SHOT_SECONDS,
  type ProjectView,
  type ShotFields,
  type ShotView,
  type SpeechItem,
  type SpeechMisfit,
  shotSpeechItems,
  speechMisfit,
  splitSpeech,
} from '@ministudio/domain';

// What a card says when a fixed-length shot's speech runs past its end, and the three fixes it offers.
// The same check as the render request's refusal (packages/domain speech-fit), so the card warns before
// the studio refuses. Pure, so it is tested without rendering.

export interface SpeechFitAdvice {
  misfit: SpeechMisfit;
  /** "Emma’s line “…” takes about 77 s; the speech ends near 77.3 s, but the shot lasts 8 s." */
  message: string;
  /** The length "Lengthen" sets, or null when the model makes nothing that long. */
  lengthenTo: number | null;
  /** Why Lengthen is not offered (the model's limit), when it is not. */
  lengthenBlocked: string | null;
  /** The speech and narration of each shot "Split" makes, the first being this shot. */
  split: Pick<ShotFields, 'dialogue' | 'narration'>[];
}

export function speechFitAdvice(
  project: Pick<ProjectView, 'characters' | 'narrationVoice' | 'fps'>,
  shot: Pick<ShotView, 'duration' | 'dialogue' | 'narration'>,
  model: { rule: DurationRule; label: string } | null,
): SpeechFitAdvice | null {
  const items = shotSpeechItems(shot, project.characters, project.narrationVoice);
  const misfit = speechMisfit(shot.duration, items, project.fps);
  if (!misfit) return null;
  const names = Object.fromEntries(project.characters.map((c) => [c.key, c.name]));
  const target = lengthenTo(misfit.speechShotSeconds, model?.rule ?? null, MAX_SHOT_SECONDS);
  const longest = model
    ? model.rule.kind === 'range'
      ? model.rule.max
      : Math.max(...model.rule.seconds)
    : MAX_SHOT_SECONDS;
  return {
    misfit,
    message: describeMisfit(misfit, names),
    lengthenTo: target,
    lengthenBlocked:
      target === null
        ? `${model?.label ?? 'The model'} makes at most ${Math.min(longest, MAX_SHOT_SECONDS)} s`
        : null,
    split: splitSpeech(items, misfit.shotSeconds).map(shotLinesOf),
  };
}

/** A group of lines back into a shot's dialogue and narration (narration comes last, as it is placed). */
function shotLinesOf(group: SpeechItem[]): Pick<ShotFields, 'dialogue' | 'narration'> {
  return {
    dialogue: group.flatMap((item) =>
      item.character === null ? [] : [{ character: item.character, text: item.text }],
    ),
    narration: group
      .filter((item) => item.character === null)
      .map((item) => item.text)
      .join(' '),
  };
}
