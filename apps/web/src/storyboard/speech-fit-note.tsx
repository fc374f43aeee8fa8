import type { ShotView } from '@ministudio/domain';
import { useMemo } from 'react';
import { useProject } from '../api/hooks';
import { useRun, useSession } from '../app/session';
import { followSpeech, lengthenShot, splitForSpeech } from '../commands/speech-fit-commands';
import { useProviders } from '../render/render-queries';
import { shotDurationRule } from '../timeline/timeline-edit';
import { speechFitAdvice } from './speech-fit';

/**
 * On a card whose fixed length its speech runs past: which line, how long it is estimated to take, and
 * the three fixes as one click each (the studio refuses to render the shot as it is).
 */
export function SpeechFitNote({
  projectId,
  shot,
  number,
}: {
  projectId: string;
  shot: ShotView;
  number: number;
}) {
  const { editor } = useSession();
  const run = useRun();
  // Only what the check reads: an edit elsewhere in the project re-renders no card's note (the selected
  // parts are shared structurally, so unchanged ones keep their identity).
  const project = useProject(projectId, (p) => ({
    characters: p.characters,
    narrationVoice: p.narrationVoice,
    fps: p.fps,
    defaultProvider: p.defaultProvider,
  })).data;
  const providers = useProviders().data ?? [];
  const advice = useMemo(() => {
    if (!project) return null;
    const model = shotDurationRule(providers, shot.provider, project.defaultProvider);
    return speechFitAdvice(project, shot, model);
  }, [project, providers, shot]);
  if (!advice) return null;
  const { lengthenTo, split } = advice;
  return (
    <section className="speech-fit" aria-label={`Shot ${number}: the speech does not fit`}>
      <p className="speech-fit-message">
        <strong>⚠ The speech does not fit.</strong> {advice.message}
      </p>
      <div className="speech-fit-actions">
        <button
          type="button"
          title={`The shot lasts as long as its speech (about ${Math.ceil(advice.misfit.speechShotSeconds)} s)`}
          onClick={() => void run(followSpeech(editor, shot.id))}
        >
          Follow the speech
        </button>
        <button
          type="button"
          disabled={lengthenTo === null}
          title={advice.lengthenBlocked ?? `Set the shot to ${lengthenTo} s`}
          onClick={() => lengthenTo !== null && void run(lengthenShot(editor, shot.id, lengthenTo))}
        >
          {lengthenTo === null ? 'Lengthen' : `Lengthen to ${lengthenTo} s`}
        </button>
        <button
          type="button"
          title={`${split.length} shots of ${advice.misfit.shotSeconds} s, each with lines that fit`}
          onClick={() => void run(splitForSpeech(editor, shot.id, split))}
        >
          Split into {split.length} shots
        </button>
      </div>
      {advice.lengthenBlocked && (
        <p className="speech-fit-hint">{advice.lengthenBlocked}: split it or let it follow the speech.</p>
      )}
    </section>
  );
}
