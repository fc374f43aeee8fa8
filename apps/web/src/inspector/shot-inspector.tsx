import {
  AUDIO_FIT_LABELS,
  AUDIO_FIT_POLICIES,
  CAMERA_MOVE_LABELS,
  CAMERA_MOVES,
  MAX_SHOT_SECONDS,
  MIN_SHOT_SECONDS,
  SHOT_TYPE_LABELS,
  SHOT_TYPES,
  type ShotBody,
  ShotFields,
  type ShotView,
} from '@ministudio/domain';
import Type from 'typebox';
import { useProject } from '../api/hooks';
import { findShot } from '../api/project-patches';
import { useRun, useSession } from '../app/session';
import { editShot } from '../commands/shot-commands';
import { pick } from '../commands/snapshots';
import { NumberField } from '../common/number-field';
import { SelectField } from '../common/select-field';
import { TextField } from '../common/text-field';
import { FieldViolations } from '../render/field-violations';
import { ProviderSelect } from '../render/provider-select';
import { ShotRenderPanel } from '../render/shot-render-panel';
import { TakesPanel } from '../render/takes-panel';
import { CastEditor } from './cast-editor';
import { DialogueEditor } from './dialogue-editor';

const SECONDS = Type.Number({ minimum: MIN_SHOT_SECONDS, maximum: MAX_SHOT_SECONDS });
const options = <T extends string>(values: readonly T[], labels: Record<T, string>) =>
  values.map((value) => ({ value, label: labels[value] }));

export function ShotInspector({ projectId, shotId }: { projectId: string; shotId: string }) {
  const { editor } = useSession();
  const defaultProvider = useProject(projectId, (p) => p.defaultProvider).data ?? '';
  const run = useRun();
  const found = useProject(projectId, (p) => {
    const f = findShot(p, shotId);
    return f
      ? {
          shot: f.shot,
          number:
            p.scenes.slice(0, p.scenes.indexOf(f.scene)).reduce((n, s) => n + s.shots.length, 0) +
            f.index +
            1,
        }
      : null;
  }).data;
  if (!found) return <p className="muted pane-hint">This shot no longer exists.</p>;
  const { shot, number } = found;
  const edit = <K extends keyof ShotBody & keyof ShotView>(label: string, after: Pick<ShotBody, K>) =>
    void run(
      editShot(editor, shot.id, pick(shot, Object.keys(after) as K[]) as Pick<ShotBody, K>, after, label),
    );
  const followsSpeech = shot.duration === 'speech';
  const issues = (field: string) => <FieldViolations projectId={projectId} shotId={shot.id} field={field} />;

  return (
    <div className="inspector-stack">
      <ShotRenderPanel projectId={projectId} shotId={shot.id} />
      <form
        className="inspector"
        aria-label={`Shot ${number} inspector`}
        onSubmit={(e) => e.preventDefault()}
      >
        <h2>Shot {number}</h2>
        <div className="field-row">
          <SelectField
            label="Shot type"
            value={shot.shotType}
            options={options(SHOT_TYPES, SHOT_TYPE_LABELS)}
            onChange={(shotType) => edit('Change shot type', { shotType })}
          />
          <SelectField
            label="Camera"
            value={shot.camera}
            options={options(CAMERA_MOVES, CAMERA_MOVE_LABELS)}
            onChange={(camera) => edit('Change camera move', { camera })}
          />
        </div>
        <TextField
          label="Action"
          value={shot.action}
          schema={ShotFields.properties.action}
          multiline
          rows={4}
          placeholder="What happens in this shot"
          onCommit={(action) => edit('Edit action', { action })}
        />
        {issues('prompt')}
        <div className="field-row">
          <NumberField
            label="Duration (seconds)"
            value={followsSpeech ? null : (shot.duration as number)}
            schema={SECONDS}
            nullable={false}
            step={0.5}
            disabled={followsSpeech}
            placeholder={followsSpeech ? 'follows speech' : ''}
            onCommit={(duration) => duration !== null && edit('Change duration', { duration })}
          />
          <label className="check">
            <input
              type="checkbox"
              checked={followsSpeech}
              onChange={(e) => edit('Change duration', { duration: e.target.checked ? 'speech' : 4 })}
            />
            Follow speech length
          </label>
        </div>
        {issues('duration')}
        <DialogueEditor
          projectId={projectId}
          dialogue={shot.dialogue}
          onChange={(dialogue, label) => edit(label, { dialogue })}
        />
        <TextField
          label="Narration"
          value={shot.narration}
          schema={ShotFields.properties.narration}
          multiline
          rows={3}
          placeholder="Voice-over for this shot"
          onCommit={(narration) => edit('Edit narration', { narration })}
        />
        <CastEditor
          projectId={projectId}
          cast={shot.cast}
          onChange={(cast, label) => edit(label, { cast })}
        />
        {issues('references')}
        <fieldset className="group">
          <legend>Rendering</legend>
          <label className="check">
            <input
              type="checkbox"
              checked={shot.continuity}
              onChange={(e) => edit('Toggle continuity', { continuity: e.target.checked })}
            />
            Continue from the previous shot’s last frame
          </label>
          {issues('continuity')}
          <div className="field-row">
            <NumberField
              label="Seed"
              value={shot.seed}
              schema={ShotFields.properties.seed}
              nullable
              step={1}
              placeholder="auto"
              onCommit={(seed) => edit('Change seed', { seed })}
            />
            <ProviderSelect
              label="Provider"
              value={shot.provider ?? ''}
              defaultLabel={`Project default (${defaultProvider})`}
              onChange={(next) => edit('Change provider', { provider: next === '' ? null : next })}
            />
          </div>
          {issues('seed')}
          {issues('provider')}
          <p className="muted small">Seed in use: {shot.effectiveSeed}</p>
          <SelectField
            label="Audio fit"
            value={shot.audioFit}
            options={options(AUDIO_FIT_POLICIES, AUDIO_FIT_LABELS)}
            onChange={(audioFit) => edit('Change audio fit', { audioFit })}
          />
        </fieldset>
      </form>
      <TakesPanel shotId={shot.id} />
    </div>
  );
}
