import { SHOT_TYPE_LABELS, type ShotView } from '@ministudio/domain';
import { memo } from 'react';
import { useSelect, useSelection, useSession } from '../app/session';
import { RenderStatusBadge } from '../render/render-status-badge';
import { useShotRender } from '../render/use-shot-render';
import { excerpt } from '../storyboard/shot-summary';
import type { ClipLayout } from './timeline-layout';

function describeLength(clip: ClipLayout): string {
  const seconds = `${Number.isInteger(clip.seconds) ? clip.seconds : clip.seconds.toFixed(1)} s`;
  if (!clip.followsSpeech) return seconds;
  return clip.estimated ? `about ${seconds}, follows speech (estimated)` : `${seconds}, follows speech`;
}

/** One shot on the track: as wide as it lasts, its chosen take's poster and its render status. */
export const TimelineClip = memo(function TimelineClip({
  projectId,
  shot,
  clip,
}: {
  projectId: string;
  shot: ShotView;
  clip: ClipLayout;
}) {
  const { editor } = useSession();
  const selectShot = useSelect();
  const selected = useSelection(
    (s) => s.selection.kind === 'shot' && editor.ids.resolve(s.selection.id) === shot.id,
  );
  const { state, status } = useShotRender(projectId, shot.id);
  const poster = state?.posterUrl ?? null;
  return (
    <button
      type="button"
      className={`timeline-clip${selected ? ' selected' : ''}${clip.followsSpeech ? ' follows-speech' : ''}`}
      data-clip-shot-id={shot.id}
      aria-label={`Shot ${clip.number}`}
      aria-current={selected ? 'true' : undefined}
      title={`Shot ${clip.number}: ${describeLength(clip)}`}
      style={{ left: clip.x, width: clip.width }}
      onClick={() => selectShot({ kind: 'shot', id: shot.id })}
    >
      {poster ? (
        <img className="timeline-clip-poster" src={poster} alt="" loading="lazy" />
      ) : (
        <span className="timeline-clip-text">
          <span className="timeline-clip-type">{SHOT_TYPE_LABELS[shot.shotType]}</span>{' '}
          {excerpt(shot.action, 60)}
        </span>
      )}
      <span className="timeline-clip-top">
        <span className="timeline-clip-number">{clip.number}</span>
        <RenderStatusBadge status={status} />
      </span>
    </button>
  );
});
