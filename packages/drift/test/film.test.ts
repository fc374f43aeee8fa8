import type { RegionBox, TakeRegions } from '@ministudio/domain';
import { describe, expect, it } from 'vitest';
import {
  ANALYSIS_VERSION,
  type ClipAnalysis,
  compareFilm,
  fillBox,
  frameStats,
  makeFrame,
  summariseWindow,
} from '../src/index';

// A film of four shots of one room where Emma's sweater darkens a little at every cut: no single cut shows it,
// her first appearance does.

const OUTFIT: RegionBox = [0.4, 0.35, 0.2, 0.4];

function regions(frames: number): TakeRegions {
  const track = (box: RegionBox) => Array.from({ length: frames }, () => box);
  return {
    version: 1,
    width: 160,
    height: 90,
    fps: 24,
    frameCount: frames,
    characters: [
      { key: 'emma', name: 'Emma', parts: { figure: track([0.38, 0.1, 0.24, 0.7]), outfit: track(OUTFIT) } },
    ],
    elements: [],
    speech: [],
  };
}

function shot(blue: number): ClipAnalysis {
  const frames = Array.from({ length: 8 }, () => {
    const f = makeFrame(160, 90, [120, 110, 100]);
    fillBox(f, [0.05, 0.1, 0.2, 0.3], [200, 220, 240]);
    fillBox(f, [0.7, 0.2, 0.15, 0.5], [90, 50, 30]);
    fillBox(f, [0, 0.75, 1, 0.25], [80, 60, 40]);
    fillBox(f, OUTFIT, [40, 60, blue]);
    return f;
  });
  const r = regions(frames.length);
  const window = summariseWindow(frames, 0, r);
  return {
    version: ANALYSIS_VERSION,
    hash: `blue-${blue}`,
    width: 160,
    height: 90,
    fps: 24,
    frameCount: frames.length,
    video: { startSeconds: 0, durationSeconds: frames.length / 24 },
    audio: null,
    stats: frames.map(frameStats),
    head: window,
    tail: window,
    regions: r,
  };
}

describe('compareFilm', () => {
  it('finds drift against the first appearance that no single cut shows', () => {
    const shots = [160, 152, 144, 136].map((blue, i) => ({
      id: `s${i + 1}`,
      label: `shot ${i + 1}`,
      analysis: shot(blue),
      environment: 'lab',
    }));
    const report = compareFilm(shots);
    expect(report.cuts).toHaveLength(3);
    for (const cut of report.cuts) {
      const outfit = cut.findings.find((f) => f.subject === 'emma' && f.part === 'outfit')!;
      expect(outfit.value).toBeGreaterThan(0.5);
      expect(outfit.level).toBe('none');
    }
    expect(report.shots.map((s) => s.id)).toEqual(['s1', 's2', 's3', 's4']);
    // Shots 3 and 4 are compared with shot 1 (shot 2 is its own cut).
    expect(report.appearances.map((a) => [a.id, a.firstId])).toEqual([
      ['s3', 's1'],
      ['s4', 's1'],
    ]);
    const last = report.appearances[1]!.findings.find((f) => f.part === 'outfit')!;
    expect(last.level).toBe('visible');
    expect(last.value).toBeGreaterThan(2);
    expect(last.sentence).toMatch(
      /^Emma's outfit: ΔE00 \d\.\d, .*(darker|greyer).* than in shot 1 — visible$/,
    );
    expect(last.colours?.a).toMatch(/^#[0-9a-f]{6}$/);
  });
});
