import type { ProjectDriftFinding, ProjectDriftReport } from '@ministudio/domain';

// A drift report shaped exactly as GET /api/projects/:id/drift answers (ProjectDriftReport): three shots,
// Emma's sweater bluer in shot 3 than at her first appearance in shot 1 and at the cut 2 → 3.

export function finding(
  partial: Partial<ProjectDriftFinding> & Pick<ProjectDriftFinding, 'id'>,
): ProjectDriftFinding {
  return {
    kind: 'colour',
    where: 'cut',
    box: [0.4, 0.3, 0.2, 0.5],
    value: 6.1,
    unit: 'ΔE00',
    threshold: 2,
    level: 'visible',
    subject: 'emma',
    part: 'outfit',
    sentence: 'Emma’s sweater: ΔE00 6.1, bluer and darker than in shot 2 — visible',
    colours: { a: '#aa3344', b: '#5544aa', lightness: -4, chroma: 1, hue: 40, histogram: 0.2 },
    shotId: 's3',
    takeId: 't3',
    againstShotId: 's2',
    againstTakeId: 't2',
    heatmapUrl: null,
    dismissed: false,
    ...partial,
  };
}

export function driftReport(): ProjectDriftReport {
  const sweaterCut = finding({ id: 'cut:s3:colour:emma:outfit', heatmapUrl: '/api/assets/h-finding' });
  const grade = finding({
    id: 'cut:s2:grade::',
    kind: 'grade',
    box: null,
    value: 1.2,
    level: 'none',
    subject: null,
    part: null,
    sentence: 'Grade: ΔE00 1.2 — none',
    shotId: 's2',
    takeId: 't2',
    againstShotId: 's1',
    againstTakeId: 't1',
  });
  const flicker = finding({
    id: 'shot:s2:flicker::',
    kind: 'flicker',
    where: 'a',
    box: null,
    value: 3.4,
    unit: '%',
    threshold: 1.5,
    level: 'obvious',
    subject: null,
    part: null,
    sentence: 'Flicker: 3.4% luma RMS — obvious',
    shotId: 's2',
    takeId: 't2',
    againstShotId: null,
    againstTakeId: null,
    colours: undefined,
  });
  const sweaterFirst = finding({
    id: 'appearance:s3:colour:emma:outfit',
    value: 8.2,
    level: 'obvious',
    sentence: 'Emma’s sweater: ΔE00 8.2, bluer than in shot 1 — obvious',
    againstShotId: 's1',
    againstTakeId: 't1',
  });
  return {
    projectId: 'p1',
    jobId: 'job-1',
    computedAt: '2026-12-04T03:40:00.000Z',
    stale: false,
    worst: 'obvious',
    shots: [
      { shotId: 's1', takeId: 't1', label: 'Shot 1', worst: 'none', findings: [] },
      { shotId: 's2', takeId: 't2', label: 'Shot 2', worst: 'obvious', findings: [flicker] },
      { shotId: 's3', takeId: 't3', label: 'Shot 3', worst: 'none', findings: [] },
    ],
    cuts: [
      {
        fromShotId: 's1',
        fromTakeId: 't1',
        toShotId: 's2',
        toTakeId: 't2',
        worst: 'none',
        heatmapUrl: null,
        findings: [grade],
      },
      {
        fromShotId: 's2',
        fromTakeId: 't2',
        toShotId: 's3',
        toTakeId: 't3',
        worst: 'visible',
        heatmapUrl: '/api/assets/h-cut',
        findings: [sweaterCut],
      },
    ],
    characters: [
      {
        key: 'emma',
        name: 'Emma',
        firstShotId: 's1',
        firstTakeId: 't1',
        appearances: [{ shotId: 's3', takeId: 't3', worst: 'obvious', findings: [sweaterFirst] }],
      },
    ],
    work: { clipsAnalysed: 3, clipsReused: 0, pairsCompared: 3, pairsReused: 0, seconds: 1.5 },
  };
}
