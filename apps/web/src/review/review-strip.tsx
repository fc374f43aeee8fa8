import type { DriftLevel, ProjectDriftReport, ShotState } from '@ministudio/domain';
import { byShotId } from '../render/render-queries';
import { LEVEL_LOOK } from './review-model';
import { cutBand, type ReviewPick, shotBand } from './review-report';

export interface StripShot {
  id: string;
  number: number;
}

/** The band's look: colour, pattern and a word, so it reads without colour vision too. */
export function LevelBand({ level, what }: { level: DriftLevel | null; what: string }) {
  if (level === null)
    return (
      <span className="review-band review-band-unmeasured" title={`${what}: not measured`}>
        <span className="review-band-label">–</span>
      </span>
    );
  const look = LEVEL_LOOK[level];
  return (
    <span
      className={`review-band review-band-${level}`}
      data-level={level}
      style={{ ['--band' as string]: look.colour }}
      title={`${what}: ${look.label}`}
    >
      <span className="review-band-label">
        {look.mark} {look.label}
      </span>
    </span>
  );
}

/** The film as its chosen takes, with a band under each shot and a band (a button) at each cut. */
export function ReviewStrip({
  shots,
  states,
  report,
  pick,
  onPick,
}: {
  shots: readonly StripShot[];
  states: readonly ShotState[];
  report: ProjectDriftReport | null;
  pick: ReviewPick | null;
  onPick: (pick: ReviewPick) => void;
}) {
  const byId = byShotId(states);
  return (
    <ol className="review-strip" aria-label="Film strip">
      {shots.map((shot, i) => {
        const state = byId.get(shot.id);
        const next = shots[i + 1];
        const shotPicked = pick?.kind === 'shot' && pick.shotId === shot.id;
        const cutPicked =
          next && pick?.kind === 'cut' && pick.fromShotId === shot.id && pick.toShotId === next.id;
        return (
          <li key={shot.id} className="review-strip-item">
            <button
              type="button"
              className="review-shot"
              aria-pressed={shotPicked}
              aria-label={`Shot ${shot.number}`}
              onClick={() => onPick({ kind: 'shot', shotId: shot.id })}
            >
              {state?.posterUrl ? (
                <img src={state.posterUrl} alt="" width={160} height={90} />
              ) : (
                <span className="review-shot-empty">No take</span>
              )}
              <span className="review-shot-number">Shot {shot.number}</span>
              <LevelBand level={shotBand(report, shot.id)} what={`Shot ${shot.number}`} />
            </button>
            {next && (
              <button
                type="button"
                className="review-cut"
                aria-pressed={cutPicked}
                aria-label={`Cut ${shot.number} → ${shot.number + 1}`}
                onClick={() => onPick({ kind: 'cut', fromShotId: shot.id, toShotId: next.id })}
              >
                <LevelBand
                  level={cutBand(report, shot.id, next.id)}
                  what={`Cut ${shot.number} → ${shot.number + 1}`}
                />
              </button>
            )}
          </li>
        );
      })}
    </ol>
  );
}
