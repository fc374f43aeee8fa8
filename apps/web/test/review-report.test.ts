import { describe, expect, it } from 'vitest';
import {
  appearanceFindings,
  cutBand,
  findingKey,
  firstAppearanceOf,
  firstPick,
  pickFindings,
  pickHeatmap,
  shotBand,
} from '../src/review/review-report';
import { applyDriftEvent, type DriftRun } from '../src/review/use-drift';
import { seekTime } from '../src/review/use-frame';
import { driftReport } from './review-fixture';

describe('bands from a project report', () => {
  it('colours a shot by its own findings and its characters against their first appearance', () => {
    const report = driftReport();
    expect(shotBand(report, 's1')).toBe('none');
    expect(shotBand(report, 's2')).toBe('obvious'); // its flicker
    expect(shotBand(report, 's3')).toBe('obvious'); // Emma against shot 1, though the shot itself is clean
    expect(shotBand(report, 'unknown')).toBeNull();
    expect(shotBand(null, 's1')).toBeNull();
  });

  it('colours a cut by its findings, and a dismissed finding no longer counts', () => {
    const report = driftReport();
    expect(cutBand(report, 's1', 's2')).toBe('none');
    expect(cutBand(report, 's2', 's3')).toBe('visible');
    expect(cutBand(report, 's1', 's3')).toBeNull();
    report.cuts[1]!.findings[0]!.dismissed = true;
    expect(cutBand(report, 's2', 's3')).toBe('none');
  });

  it('opens on the worst cut', () => {
    expect(firstPick(driftReport())).toEqual({ kind: 'cut', fromShotId: 's2', toShotId: 's3' });
    expect(firstPick(null)).toBeNull();
    const one = { ...driftReport(), cuts: [], shots: [driftReport().shots[0]!] };
    expect(firstPick(one)).toEqual({ kind: 'shot', shotId: 's1' });
  });

  it('lists a cut’s findings with its B shot’s appearance findings, worst first', () => {
    const report = driftReport();
    const cut = pickFindings(report, { kind: 'cut', fromShotId: 's2', toShotId: 's3' });
    expect(cut.map((f) => f.id)).toEqual(['appearance:s3:colour:emma:outfit', 'cut:s3:colour:emma:outfit']);
    const shot = pickFindings(report, { kind: 'shot', shotId: 's2' });
    expect(shot.map((f) => f.kind)).toEqual(['flicker']);
    expect(appearanceFindings(report, 's2')).toEqual([]);
  });

  it('finds the heatmap and the first appearance', () => {
    const report = driftReport();
    expect(pickHeatmap(report, { kind: 'cut', fromShotId: 's2', toShotId: 's3' })).toBe('/api/assets/h-cut');
    report.cuts[1]!.heatmapUrl = null;
    expect(pickHeatmap(report, { kind: 'cut', fromShotId: 's2', toShotId: 's3' })).toBe(
      '/api/assets/h-finding',
    );
    expect(pickHeatmap(report, { kind: 'shot', shotId: 's1' })).toBeNull();
    expect(firstAppearanceOf(report, 'emma')).toBe('s1');
    expect(firstAppearanceOf(report, 'nobody')).toBeNull();
    expect(firstAppearanceOf(report, null)).toBeNull();
  });
});

describe('a finding’s identity', () => {
  it('tells apart findings whose ids repeat across cuts by the shots they concern', () => {
    const report = driftReport();
    const a = { ...report.cuts[1]!.findings[0]!, id: 'cut:cut:colour:emma:outfit' };
    const b = { ...a, shotId: 's2', againstShotId: 's1' };
    expect(findingKey(a)).not.toBe(findingKey(b));
    expect(findingKey(a)).toBe(findingKey({ ...a }));
  });
});

describe('a drift run from its events', () => {
  const idle: DriftRun = { jobId: null, status: 'idle', progress: 0, message: '' };
  it('follows its job’s progress, ends on success and keeps a failure’s reason', () => {
    const started: DriftRun = { ...idle, jobId: 'j1', status: 'running' };
    const mid = applyDriftEvent(started, {
      jobId: 'j1',
      status: 'running',
      progress: 0.4,
      message: 'Measuring shot 2 of 5',
    });
    expect(mid).toEqual({ jobId: 'j1', status: 'running', progress: 0.4, message: 'Measuring shot 2 of 5' });
    // Progress never runs backwards on a late tick.
    expect(
      applyDriftEvent(mid, { jobId: 'j1', status: 'running', progress: 0.3, message: 'x' }).progress,
    ).toBe(0.4);
    expect(applyDriftEvent(mid, { jobId: 'j2', status: 'succeeded', progress: 1, message: '' })).toBe(mid);
    expect(applyDriftEvent(mid, { jobId: 'j1', status: 'succeeded', progress: 1, message: '' }).status).toBe(
      'idle',
    );
    const failed = applyDriftEvent(mid, {
      jobId: 'j1',
      status: 'failed',
      progress: 0.4,
      message: 'ffmpeg failed',
    });
    expect(failed).toMatchObject({ status: 'failed', message: 'ffmpeg failed' });
  });

  it('adopts the job of an event that arrives before the POST answers', () => {
    const starting: DriftRun = { ...idle, status: 'starting' };
    expect(
      applyDriftEvent(starting, { jobId: 'j9', status: 'running', progress: 0.1, message: '' }).jobId,
    ).toBe('j9');
  });
});

describe('where a frame is grabbed', () => {
  it('seeks just inside the first and the last frame', () => {
    expect(seekTime('start', 4, 24)).toBeCloseTo(1 / 48);
    expect(seekTime('end', 4, 24)).toBeCloseTo(4 - 1 / 24);
    expect(seekTime('end', Number.NaN, 24)).toBe(0);
    expect(seekTime('end', 0.01, 24)).toBe(0);
  });
});
