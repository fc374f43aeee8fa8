import type { ProjectDriftFinding } from '@ministudio/domain';
import { findingSentence, LEVEL_LOOK } from './review-model';
import { findingKey } from './review-report';

export type FixAction = 'continuity' | 'scene-seed';

/** The findings of a pick, each a sentence with its number, both colours and the fixes. Clicking one selects
 * its shot in the editor. */
export function FindingList({
  findings,
  names,
  active,
  onActivate,
  onFix,
  onDismiss,
  fixesFor,
}: {
  findings: readonly ProjectDriftFinding[];
  /** Character keys to names, so a sentence composed here names people as the film does. */
  names: ReadonlyMap<string, string>;
  active: string | null;
  onActivate: (finding: ProjectDriftFinding) => void;
  onFix: (finding: ProjectDriftFinding, action: FixAction) => void;
  /** Accept the finding as intended for its take. */
  onDismiss: (finding: ProjectDriftFinding) => void;
  /** The fixes that would change the finding's shot (continuity already on is no fix). */
  fixesFor: (finding: ProjectDriftFinding) => readonly FixAction[];
}) {
  if (findings.length === 0) return <p className="review-empty">Nothing was measured here.</p>;
  // What drifts comes first; the measures under the threshold are there to check, folded away.
  const flagged = findings.filter((f) => f.level !== 'none');
  const quiet = findings.filter((f) => f.level === 'none');
  const item = (f: ProjectDriftFinding) => {
    const look = LEVEL_LOOK[f.level];
    return (
      <li
        key={findingKey(f)}
        className={`review-finding review-finding-${f.level}`}
        data-active={active === findingKey(f)}
      >
        <button type="button" className="review-finding-text" onClick={() => onActivate(f)}>
          <span
            className={`review-level review-level-${f.level}`}
            style={{ ['--band' as string]: look.colour }}
          >
            {look.mark} {look.label}
          </span>
          <span className="review-sentence">
            {findingSentence(f, f.subject ? names.get(f.subject) : undefined)}
          </span>
          {f.dismissed && <span className="review-dismissed">accepted</span>}
        </button>
        {f.colours && (
          <span
            className="review-swatches"
            role="img"
            aria-label={`Before ${f.colours.a}, after ${f.colours.b}`}
          >
            <span
              className="review-swatch"
              style={{ background: f.colours.a }}
              title={`Before: ${f.colours.a}`}
            />
            <span className="review-swatch-arrow">→</span>
            <span
              className="review-swatch"
              style={{ background: f.colours.b }}
              title={`After: ${f.colours.b}`}
            />
          </span>
        )}
        {f.level !== 'none' && <Fixes finding={f} fixes={fixesFor(f)} onFix={onFix} />}
        {f.level !== 'none' && !f.dismissed && (
          <button type="button" className="review-accept" onClick={() => onDismiss(f)}>
            Accept as intended
          </button>
        )}
      </li>
    );
  };
  return (
    <>
      {flagged.length > 0 ? (
        <ul className="review-findings" aria-label="Findings">
          {flagged.map(item)}
        </ul>
      ) : (
        <p className="review-empty">Nothing drifts here.</p>
      )}
      {quiet.length > 0 && (
        <details className="review-quiet">
          <summary>
            {quiet.length} {quiet.length === 1 ? 'measure' : 'measures'} under the visible threshold
          </summary>
          <ul className="review-findings" aria-label="Measures under the threshold">
            {quiet.map(item)}
          </ul>
        </details>
      )}
    </>
  );
}

const FIX_LABEL: Record<FixAction, string> = {
  continuity: 'Re-render with continuity from the previous shot',
  'scene-seed': 'Re-render with the scene’s seed',
};

function Fixes({
  finding,
  fixes,
  onFix,
}: {
  finding: ProjectDriftFinding;
  fixes: readonly FixAction[];
  onFix: (finding: ProjectDriftFinding, action: FixAction) => void;
}) {
  if (fixes.length === 0)
    return (
      <span className="review-no-fix">
        The shot already continues from the previous one with the scene’s seed: change the shot to fix this.
      </span>
    );
  return (
    <span className="review-fixes">
      {fixes.map((a) => (
        <button key={a} type="button" onClick={() => onFix(finding, a)}>
          {FIX_LABEL[a]}
        </button>
      ))}
    </span>
  );
}
