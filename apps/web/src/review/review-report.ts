import type { DriftLevel, ProjectDriftFinding, ProjectDriftReport } from '@ministudio/domain';
import { sortFindings, worstLevel } from './review-model';

// Reading a project's drift report the way the Review view shows it: a band per shot and per cut, and the
// findings of whatever is picked (a cut, or a shot on its own).

/** What the strip and the comparison look at: the cut into `toShotId`, or one shot by itself. */
export type ReviewPick =
  | { kind: 'cut'; fromShotId: string; toShotId: string }
  | { kind: 'shot'; shotId: string };

/** Findings that still count: a dismissed one is intended and does not colour a band. */
const live = (findings: readonly ProjectDriftFinding[]) => findings.filter((f) => !f.dismissed);

/** Every appearance finding of a shot: its characters against their first appearance. */
export function appearanceFindings(report: ProjectDriftReport, shotId: string): ProjectDriftFinding[] {
  return report.characters.flatMap((c) =>
    c.appearances.filter((a) => a.shotId === shotId).flatMap((a) => a.findings),
  );
}

/** A shot's band: its own findings (flicker, jitter, sync within the take) and its characters against their
 * first appearance, worst first; null when the report does not have the shot (not measured). */
export function shotBand(report: ProjectDriftReport | null, shotId: string): DriftLevel | null {
  if (!report) return null;
  const shot = report.shots.find((s) => s.shotId === shotId);
  if (!shot) return null;
  return worstLevel([...live(shot.findings), ...live(appearanceFindings(report, shotId))]);
}

/** The band at the cut from `fromShotId` into `toShotId`; null when that cut was not measured. */
export function cutBand(
  report: ProjectDriftReport | null,
  fromShotId: string,
  toShotId: string,
): DriftLevel | null {
  const cut = report?.cuts.find((c) => c.fromShotId === fromShotId && c.toShotId === toShotId);
  return cut ? worstLevel(live(cut.findings)) : null;
}

/** The findings of a pick, worst first: a cut's own and its B shot's appearance findings; a shot's own and
 * its appearance findings. */
export function pickFindings(
  report: ProjectDriftReport | null,
  pick: ReviewPick | null,
): ProjectDriftFinding[] {
  if (!report || !pick) return [];
  if (pick.kind === 'cut') {
    const cut = report.cuts.find((c) => c.fromShotId === pick.fromShotId && c.toShotId === pick.toShotId);
    return sortFindings([...(cut?.findings ?? []), ...appearanceFindings(report, pick.toShotId)]);
  }
  const shot = report.shots.find((s) => s.shotId === pick.shotId);
  return sortFindings([...(shot?.findings ?? []), ...appearanceFindings(report, pick.shotId)]);
}

/** The first cut worth opening: the worst one, so Review opens on the problem (the first cut when all are clean). */
export function firstPick(report: ProjectDriftReport | null): ReviewPick | null {
  if (!report || report.cuts.length === 0) {
    const shot = report?.shots[0];
    return shot ? { kind: 'shot', shotId: shot.shotId } : null;
  }
  const rank = { none: 0, visible: 1, obvious: 2 } as const;
  let best = report.cuts[0]!;
  for (const c of report.cuts)
    if (rank[worstLevel(live(c.findings))] > rank[worstLevel(live(best.findings))]) best = c;
  return { kind: 'cut', fromShotId: best.fromShotId, toShotId: best.toShotId };
}

/** The heatmap of a pick: the cut's whole-frame map, else the first finding's. */
export function pickHeatmap(report: ProjectDriftReport | null, pick: ReviewPick | null): string | null {
  if (!report || !pick) return null;
  if (pick.kind === 'cut') {
    const cut = report.cuts.find((c) => c.fromShotId === pick.fromShotId && c.toShotId === pick.toShotId);
    if (cut?.heatmapUrl) return cut.heatmapUrl;
  }
  return pickFindings(report, pick).find((f) => f.heatmapUrl)?.heatmapUrl ?? null;
}

/** Where a character first appears, for the third panel of a character finding. */
export function firstAppearanceOf(report: ProjectDriftReport, characterKey: string | null): string | null {
  if (!characterKey) return null;
  return report.characters.find((c) => c.key === characterKey)?.firstShotId ?? null;
}

/** A finding's identity in the view: its id with the shots it concerns (an id alone may repeat across cuts). */
export const findingKey = (f: Pick<ProjectDriftFinding, 'id' | 'shotId' | 'againstShotId'>) =>
  `${f.id}|${f.shotId}|${f.againstShotId ?? ''}`;
