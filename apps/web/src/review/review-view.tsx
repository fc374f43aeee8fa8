import type { ProjectDriftFinding, ProjectView, ShotState } from '@ministudio/domain';
import { useEffect, useMemo, useState } from 'react';
import { useProject } from '../api/hooks';
import { reportError } from '../app/report-error';
import { useRun, useSelect, useSession } from '../app/session';
import { editShot } from '../commands/shot-commands';
import { ProgressBar } from '../render/progress-bar';
import { render } from '../render/render-actions';
import { byShotId, useShotStates } from '../render/render-queries';
import { useRenderDeps } from '../render/use-render-deps';
import { FindingList, type FixAction } from './finding-list';
import { FrameCompare } from './frame-compare';
import { fixesFor, LEVEL_LOOK } from './review-model';
import {
  findingKey,
  firstAppearanceOf,
  firstPick,
  pickFindings,
  pickHeatmap,
  type ReviewPick,
} from './review-report';
import { ReviewStrip } from './review-strip';
import { dismissFinding, useDriftReport, useDriftRun } from './use-drift';
import { useFrame } from './use-frame';
import './review.css';

const filmShots = (p: ProjectView) => p.scenes.flatMap((s) => s.shots.map((shot) => shot.id));

/** The Review view: the film's chosen takes with their drift, a cut side by side, and what changed. */
export function ReviewView({ projectId }: { projectId: string }) {
  const shotIds = useProject(projectId, filmShots).data ?? [];
  const size = useProject(projectId, (p) => ({ width: p.width, height: p.height, fps: p.fps })).data;
  const names = useProject(projectId, (p) => new Map(p.characters.map((c) => [c.key, c.name] as const))).data;
  const shotFixes = useProject(projectId, (p) =>
    Object.fromEntries(p.scenes.flatMap((s) => s.shots.map((shot) => [shot.id, fixesFor(shot)] as const))),
  ).data;
  const states = useShotStates(projectId) ?? [];
  const report = useDriftReport(projectId);
  const [run, measure] = useDriftRun(projectId);
  const [chosen, setChosen] = useState<ReviewPick | null>(null);
  const [active, setActive] = useState<string | null>(null);
  const select = useSelect();
  const { editor } = useSession();
  const runCommand = useRun();
  const deps = useRenderDeps();

  const data = report.data ?? null;
  // A new chosen take (a fix re-rendered, a take chosen) makes the report stale: ask the studio again, so
  // the header says "measure again" without a reload.
  const chosenTakes = states.map((s) => s.chosenTakeId ?? '-').join(',');
  const refetchReport = report.refetch;
  useEffect(() => {
    if (chosenTakes) void refetchReport();
  }, [chosenTakes, refetchReport]);
  const shots = useMemo(() => shotIds.map((id, i) => ({ id, number: i + 1 })), [shotIds]);
  const pick = chosen ?? firstPick(data);
  const findings = pickFindings(data, pick);
  const busy = run.status === 'starting' || run.status === 'running';
  const hasTakes = states.some((s) => s.chosenTakeId !== null);

  const onActivate = (f: ProjectDriftFinding) => {
    // The pick stays put from now on, even when a new report would open on another cut.
    setChosen(pick);
    setActive(findingKey(f));
    select({ kind: 'shot', id: f.shotId });
  };
  const onFix = async (f: ProjectDriftFinding, action: FixAction) => {
    const shot = editor
      .project()
      .scenes.flatMap((s) => s.shots)
      .find((s) => s.id === f.shotId);
    if (!shot) return;
    setChosen(pick);
    select({ kind: 'shot', id: shot.id });
    const changed =
      action === 'continuity'
        ? await runCommand(
            editShot(
              editor,
              shot.id,
              { continuity: shot.continuity },
              { continuity: true },
              'Continue from the previous shot',
            ),
          )
        : await runCommand(
            editShot(editor, shot.id, { seed: shot.seed }, { seed: null }, 'Use the scene’s seed'),
          );
    if (changed) await render(deps, { shotIds: [shot.id] });
  };

  return (
    <div className="review-view">
      <header className="review-header">
        <h2>Review</h2>
        <button type="button" className="primary" disabled={busy || !hasTakes} onClick={measure}>
          {busy ? 'Measuring…' : data ? 'Measure drift again' : 'Measure drift'}
        </button>
        {busy && <ProgressBar value={run.progress} label="Measuring drift" />}
        {busy && run.message && <span className="review-run-message">{run.message}</span>}
        {run.status === 'failed' && (
          <span className="review-run-error" role="alert">
            Drift not measured: {run.message}
          </span>
        )}
        {!hasTakes && (
          <span className="review-note">
            Render the shots first: drift is measured on their chosen takes.
          </span>
        )}
        {data && (
          <span className="review-summary" role="status">
            Worst: {LEVEL_LOOK[data.worst].mark} {LEVEL_LOOK[data.worst].label}
            {data.stale && ' · takes changed since: measure again'}
          </span>
        )}
        <span className="review-legend" title="How visible a drift is">
          {(['none', 'visible', 'obvious'] as const).map((l) => (
            <span
              key={l}
              className={`review-level review-level-${l}`}
              style={{ ['--band' as string]: LEVEL_LOOK[l].colour }}
            >
              {LEVEL_LOOK[l].mark} {LEVEL_LOOK[l].label}
            </span>
          ))}
        </span>
      </header>
      <ReviewStrip
        shots={shots}
        states={states}
        report={data}
        pick={pick}
        onPick={(p) => {
          setChosen(p);
          setActive(null);
        }}
      />
      {pick && size && (
        <PickDetail
          pick={pick}
          shots={shots}
          states={states}
          size={size}
          firstShotId={
            data
              ? firstAppearanceOf(
                  data,
                  findings.find((f) => findingKey(f) === active)?.subject ??
                    findings.find((f) => f.subject && f.againstShotId)?.subject ??
                    null,
                )
              : null
          }
          // The boxes of what drifts (or of the finding picked in the list), not of every clean measure.
          findings={
            active
              ? findings.filter((f) => findingKey(f) === active)
              : findings.filter((f) => f.level !== 'none')
          }
          heatmap={pickHeatmap(data, pick)}
        />
      )}
      {data ? (
        <FindingList
          findings={findings}
          names={names ?? new Map()}
          active={active}
          onActivate={onActivate}
          onFix={(f, a) => void onFix(f, a)}
          fixesFor={(f) => shotFixes?.[f.shotId] ?? []}
          onDismiss={(f) =>
            void dismissFinding(f.takeId, { kind: f.kind, subject: f.subject, part: f.part }).then(
              () => refetchReport(),
              (error: unknown) => reportError(error, 'accept the finding'),
            )
          }
        />
      ) : (
        !busy && report.isSuccess && <p className="review-empty">Not measured yet: press Measure drift.</p>
      )}
    </div>
  );
}

function PickDetail({
  pick,
  shots,
  states,
  size,
  firstShotId,
  findings,
  heatmap,
}: {
  pick: ReviewPick;
  shots: readonly { id: string; number: number }[];
  states: readonly ShotState[];
  size: { width: number; height: number; fps: number };
  firstShotId: string | null;
  findings: readonly ProjectDriftFinding[];
  heatmap: string | null;
}) {
  const byId = byShotId(states);
  const number = (id: string) => shots.find((s) => s.id === id)?.number ?? 0;
  const aId = pick.kind === 'cut' ? pick.fromShotId : pick.shotId;
  const bId = pick.kind === 'cut' ? pick.toShotId : pick.shotId;
  const a = byId.get(aId);
  const b = byId.get(bId);
  const first = firstShotId && firstShotId !== aId ? byId.get(firstShotId) : undefined;
  const frameA = useFrame(
    a?.videoUrl ?? null,
    a?.posterUrl ?? null,
    pick.kind === 'cut' ? 'end' : 'start',
    size,
  );
  const frameB = useFrame(
    b?.videoUrl ?? null,
    b?.posterUrl ?? null,
    pick.kind === 'cut' ? 'start' : 'end',
    size,
  );
  const frameFirst = useFrame(first?.videoUrl ?? null, first?.posterUrl ?? null, 'start', size);
  return (
    <FrameCompare
      a={{
        title:
          pick.kind === 'cut' ? `Last frame of shot ${number(aId)}` : `First frame of shot ${number(aId)}`,
        frame: frameA,
      }}
      b={{
        title:
          pick.kind === 'cut' ? `First frame of shot ${number(bId)}` : `Last frame of shot ${number(bId)}`,
        frame: frameB,
      }}
      first={
        firstShotId && first
          ? { title: `First appearance (shot ${number(firstShotId)})`, frame: frameFirst }
          : null
      }
      findings={findings}
      heatmap={heatmap}
      aspect={`${size.width} / ${size.height}`}
    />
  );
}
