import type { ShotState } from '@ministudio/domain';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FindingList } from '../src/review/finding-list';
import { pickFindings } from '../src/review/review-report';
import { ReviewStrip } from '../src/review/review-strip';
import { driftReport } from './review-fixture';

afterEach(cleanup);

const shots = [
  { id: 's1', number: 1 },
  { id: 's2', number: 2 },
  { id: 's3', number: 3 },
];
const state = (shotId: string): ShotState => ({
  shotId,
  chosenTakeId: `t-${shotId}`,
  status: 'succeeded',
  stale: false,
  posterUrl: `/poster/${shotId}.jpg`,
  videoUrl: `/video/${shotId}.mp4`,
  filmstripUrl: null,
  waveformUrl: null,
  durationSeconds: 2,
});

describe('the Review strip', () => {
  it('bands every shot and cut by its worst finding, in words as well as colour', () => {
    const onPick = vi.fn();
    render(
      <ReviewStrip
        shots={shots}
        states={shots.map((s) => state(s.id))}
        report={driftReport()}
        pick={null}
        onPick={onPick}
      />,
    );
    const strip = screen.getByRole('list', { name: 'Film strip' });
    const level = (name: string) =>
      within(strip).getByRole('button', { name }).querySelector('[data-level]')?.getAttribute('data-level');
    expect(level('Shot 1')).toBe('none');
    expect(level('Shot 2')).toBe('obvious');
    expect(level('Cut 1 → 2')).toBe('none');
    expect(level('Cut 2 → 3')).toBe('visible');
    expect(within(strip).getByRole('button', { name: 'Cut 2 → 3' }).textContent).toContain('Visible');
    fireEvent.click(within(strip).getByRole('button', { name: 'Cut 2 → 3' }));
    expect(onPick).toHaveBeenCalledWith({ kind: 'cut', fromShotId: 's2', toShotId: 's3' });
  });

  it('shows unmeasured bands before the first run, and a shot without a take', () => {
    render(<ReviewStrip shots={shots} states={[state('s1')]} report={null} pick={null} onPick={() => {}} />);
    expect(screen.getByRole('list', { name: 'Film strip' }).querySelectorAll('[data-level]')).toHaveLength(0);
    expect(screen.getAllByText('No take')).toHaveLength(2);
  });
});

describe('the finding list', () => {
  it('lists what drifts with its number and swatches, offers the fixes that apply, and selects on click', () => {
    const findings = pickFindings(driftReport(), { kind: 'cut', fromShotId: 's2', toShotId: 's3' });
    const onActivate = vi.fn();
    const onFix = vi.fn();
    const onDismiss = vi.fn();
    render(
      <FindingList
        findings={findings}
        names={new Map([['emma', 'Emma']])}
        active={null}
        onActivate={onActivate}
        onFix={onFix}
        onDismiss={onDismiss}
        fixesFor={(f) => (f.id.startsWith('appearance') ? [] : ['continuity'])}
      />,
    );
    const items = within(screen.getByRole('list', { name: 'Findings' })).getAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(items[0]!.textContent).toContain('ΔE00 8.2');
    expect(within(items[0]!).getByRole('img', { name: 'Before #aa3344, after #5544aa' })).toBeTruthy();
    expect(items[0]!.textContent).toContain('change the shot to fix this');
    fireEvent.click(
      within(items[1]!).getByRole('button', { name: 'Re-render with continuity from the previous shot' }),
    );
    expect(onFix).toHaveBeenCalledWith(findings[1], 'continuity');
    expect(within(items[1]!).queryByRole('button', { name: /scene’s seed/ })).toBeNull();
    fireEvent.click(within(items[1]!).getByRole('button', { name: /ΔE00 6\.1/ }));
    expect(onActivate).toHaveBeenCalledWith(findings[1]);
    fireEvent.click(within(items[0]!).getByRole('button', { name: 'Accept as intended' }));
    expect(onDismiss).toHaveBeenCalledWith(findings[0]);
  });

  it('folds the measures under the threshold away and says when nothing drifts', () => {
    const report = driftReport();
    render(
      <FindingList
        findings={pickFindings(report, { kind: 'cut', fromShotId: 's1', toShotId: 's2' })}
        names={new Map()}
        active={null}
        onActivate={() => {}}
        onFix={() => {}}
        onDismiss={() => {}}
        fixesFor={() => []}
      />,
    );
    expect(screen.getByText('Nothing drifts here.')).toBeTruthy();
    expect(screen.getByText('1 measure under the visible threshold')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Re-render/ })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Accept as intended' })).toBeNull();
  });
});
