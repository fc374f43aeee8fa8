import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { SHOT_TYPE_LABELS, type ShotView } from '@ministudio/domain';
import { useProject } from '../api/hooks';
import { useRun, useSelect, useSelection, useSession } from '../app/session';
import { deleteShot, duplicateShot } from '../commands/shot-commands';
import { CloseIcon, CopyIcon } from '../common/icons';
import { CardRender, CardViolations } from '../render/card-render';
import { useShotState } from '../render/render-queries';
import { cardDuration, shotSummary } from './shot-summary';
import { SpeechFitNote } from './speech-fit-note';

export function ShotCard({ projectId, shot, number }: { projectId: string; shot: ShotView; number: number }) {
  const { editor } = useSession();
  const run = useRun();
  const selectShot = useSelect();
  // Every selected shot is highlighted (the timeline selects several); the inspector shows the primary one.
  const selected = useSelection((s) => s.shots.some((id) => editor.ids.resolve(id) === shot.id));
  const names =
    useProject(projectId, (p) => Object.fromEntries(p.characters.map((c) => [c.key, c.name]))).data ?? {};
  const { setNodeRef, listeners, transform, transition, isDragging } = useSortable({
    id: shot.id,
    data: { kind: 'shot' },
  });
  const summary = shotSummary(shot, names);
  // The chosen take's real length: a speech-length shot learns it there, and a take may differ from the shot.
  const takeSeconds = useShotState(projectId, shot.id)?.durationSeconds ?? null;
  const length = cardDuration(shot.duration, takeSeconds);
  const select = () => selectShot({ kind: 'shot', id: shot.id });
  return (
    <li
      ref={setNodeRef}
      data-shot-id={shot.id}
      className={`shot-card${selected ? ' selected' : ''}${isDragging ? ' dragging' : ''}`}
      style={{ transform: CSS.Translate.toString(transform), transition }}
      {...listeners}
      // dnd-kit's listeners include a keydown handler for its keyboard sensor, which is not used here.
      onKeyDown={undefined}
    >
      <button
        type="button"
        className="shot-select"
        aria-pressed={selected}
        aria-label={`Shot ${number}: ${summary.title}`}
        onClick={select}
      >
        <span className="shot-top">
          <span className="shot-number">{number}</span>
          <span className="shot-type">{SHOT_TYPE_LABELS[shot.shotType]}</span>
          <CardViolations projectId={projectId} shotId={shot.id} />
          <span className={`shot-duration${length.differs ? ' differs' : ''}`} title={length.title}>
            {length.text}
          </span>
        </span>
        <CardRender projectId={projectId} shotId={shot.id} />
        <span className="shot-action">{summary.action}</span>
        <span className="shot-cast">{summary.cast}</span>
      </button>
      <SpeechFitNote projectId={projectId} shot={shot} number={number} />
      <div className="shot-actions">
        <button
          type="button"
          className="icon-button"
          aria-label={`Duplicate shot ${number}`}
          title="Duplicate"
          onClick={() => void run(duplicateShot(editor, shot.id, (id) => selectShot({ kind: 'shot', id })))}
        >
          <CopyIcon />
        </button>
        <button
          type="button"
          className="icon-button danger-quiet"
          aria-label={`Delete shot ${number}`}
          title="Delete (Delete key)"
          onClick={() => void run(deleteShot(editor, shot.id))}
        >
          <CloseIcon />
        </button>
      </div>
    </li>
  );
}
