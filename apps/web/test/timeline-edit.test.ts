import type { ProviderDescription } from '@ministudio/domain';
import { describe, expect, it } from 'vitest';
import {
  chooseSnap,
  clampLength,
  clipAt,
  dropTarget,
  headTrimCandidates,
  headTrimLength,
  pinchStep,
  rippleOffset,
  ruleLengths,
  shotDurationRule,
  splitLengths,
  splitRefusal,
  trimCandidates,
  visibleClipRange,
} from '../src/timeline/timeline-edit';
import {
  blockStepTarget,
  clickSelection,
  inOrder,
  marqueeHits,
  rangeIds,
  toggleId,
} from '../src/timeline/timeline-selection';

const clips = (lengths: number[], pps = 10) => {
  let t = 0;
  return lengths.map((seconds, i) => {
    const c = {
      shotId: `s${i + 1}`,
      number: i + 1,
      startSeconds: t,
      seconds,
      x: t * pps,
      width: seconds * pps,
    };
    t += seconds;
    return c;
  });
};

describe('visibleClipRange', () => {
  const many = clips(Array.from({ length: 500 }, () => 2)); // each 20 px wide
  it('mounts only the clips overlapping the view plus the margin', () => {
    expect(visibleClipRange(many, 0, 100, 0)).toEqual({ first: 0, end: 5 });
    expect(visibleClipRange(many, 1000, 100, 0)).toEqual({ first: 50, end: 55 });
    // A clip touching the edge exactly is outside; a pixel of overlap is inside.
    expect(visibleClipRange(many, 1001, 100, 0)).toEqual({ first: 50, end: 56 });
    expect(visibleClipRange(many, 1000, 100, 40)).toEqual({ first: 48, end: 57 });
  });
  it('clamps at the film ends and copes with an empty film', () => {
    expect(visibleClipRange(many, 9990, 500, 100)).toEqual({ first: 494, end: 500 });
    expect(visibleClipRange([], 0, 100, 100)).toEqual({ first: 0, end: 0 });
  });
});

describe('snapping a trim', () => {
  const layout = clips([2, 4, 3]);
  const candidates = trimCandidates(layout, 's1', 0, 5, [4, 6, 8], 'Veo');
  it('offers other clips’ edges after the start, the playhead and the model’s lengths', () => {
    expect(candidates.map((c) => `${c.kind}:${c.seconds}`)).toEqual([
      'edge:2',
      'edge:6',
      'edge:6',
      'edge:9',
      'playhead:5',
      'provider:4',
      'provider:6',
      'provider:8',
    ]);
    expect(candidates.find((c) => c.kind === 'edge')!.label).toBe('Shot 2 start');
  });
  it('takes the nearest within the threshold, a model length winning a tie', () => {
    expect(chooseSnap(5.1, candidates, 0.3, 24)).toMatchObject({ seconds: 5, snap: { kind: 'playhead' } });
    expect(chooseSnap(6.05, candidates, 0.3, 24)).toMatchObject({ seconds: 6, snap: { kind: 'provider' } });
    expect(chooseSnap(8.2, candidates, 0.3, 24).snap.label).toBe('Veo length');
  });
  it('falls back to the nearest frame', () => {
    const c = chooseSnap(3.51, candidates, 0.3, 24);
    expect(c.snap.kind).toBe('frame');
    expect(c.seconds * 24).toBeCloseTo(84, 9);
  });
  it('keeps lengths to whole frames within a shot’s limits', () => {
    expect(clampLength(0.01, 24)).toBeCloseTo(0.5, 9);
    expect(clampLength(500, 24)).toBe(120);
    expect(clampLength(1.52, 25)).toBeCloseTo(1.52, 9);
    expect(clampLength(1.53, 25)).toBeCloseTo(1.52, 9);
  });
});

describe('model lengths', () => {
  it('lists a list rule’s lengths and a range’s ends and whole seconds', () => {
    expect(ruleLengths({ kind: 'list', seconds: [8, 4, 6] })).toEqual([4, 6, 8]);
    expect(ruleLengths({ kind: 'range', min: 1.5, max: 5 })).toEqual([1.5, 2, 3, 4, 5]);
  });
  const providers = [
    {
      id: 'gemini',
      label: 'Gemini',
      kind: 'video',
      configured: true,
      models: [
        { model: 'veo-3', label: 'Veo 3', durations: { kind: 'list', seconds: [4, 6, 8] } },
        { model: 'veo-2', label: 'Veo 2', durations: { kind: 'range', min: 5, max: 8 } },
      ],
      settings: [],
      required: [],
    },
  ] as unknown as ProviderDescription[];
  it('finds the shot’s model, or the project default, or nothing', () => {
    expect(shotDurationRule(providers, 'gemini:veo-2', 'x')?.label).toBe('Veo 2');
    expect(shotDurationRule(providers, null, 'gemini')?.label).toBe('Veo 3');
    expect(shotDurationRule(providers, 'gemini:nope', 'x')?.label).toBe('Veo 3');
    expect(shotDurationRule(providers, null, 'unknown')).toBeNull();
  });
});

describe('split', () => {
  it('divides at the playhead in whole frames', () => {
    expect(splitLengths(2, 4, 3, 24)).toEqual([1, 3]);
    const [a, b] = splitLengths(0, 2, 1.01, 24)!;
    expect(a * 24).toBe(24);
    expect(b * 24).toBe(24);
  });
  it('refuses a cut that leaves a part too short', () => {
    expect(splitLengths(0, 2, 0.2, 24)).toBeNull();
    expect(splitLengths(0, 2, 1.9, 24)).toBeNull();
    expect(splitLengths(0, 2, 3, 24)).toBeNull();
  });
  it('finds the clip under the playhead', () => {
    const l = clips([2, 4]);
    expect(clipAt(l, 0)?.shotId).toBe('s1');
    expect(clipAt(l, 2)?.shotId).toBe('s2');
    expect(clipAt(l, 6)).toBeNull();
  });
});

describe('dropTarget', () => {
  // Scene a: s1 s2 s3 (0–90 px); scene b: s4 s5 (90–150 px).
  const l = clips([2, 4, 3, 3, 3]);
  const scenes = [
    { sceneId: 'a', x: 0, width: 90 },
    { sceneId: 'b', x: 90, width: 60 },
  ];
  const sceneOf = (id: string) => (['s1', 's2', 's3'].includes(id) ? 'a' : 'b');
  it('lands before the first clip whose middle is past the pointer, in the scene under it', () => {
    expect(dropTarget(l, scenes, sceneOf, ['s1'], 45)).toEqual({ sceneId: 'a', beforeShotId: 's3', x: 60 });
    expect(dropTarget(l, scenes, sceneOf, ['s1'], 100)).toEqual({ sceneId: 'b', beforeShotId: 's4', x: 90 });
    expect(dropTarget(l, scenes, sceneOf, ['s1'], 140)).toEqual({ sceneId: 'b', beforeShotId: null, x: 150 });
    expect(dropTarget(l, scenes, sceneOf, ['s1'], 500)).toEqual({ sceneId: 'b', beforeShotId: null, x: 150 });
  });
  it('answers null when the block would land where it is', () => {
    expect(dropTarget(l, scenes, sceneOf, ['s1', 's2'], 5)).toBeNull();
    expect(dropTarget(l, scenes, sceneOf, ['s2'], 30)).toBeNull();
    expect(dropTarget(l, scenes, sceneOf, ['s3'], 85)).toBeNull();
  });
});

describe('selection maths', () => {
  const order = ['a', 'b', 'c', 'd', 'e'];
  it('ranges from the anchor either way, toggles, sorts', () => {
    expect(rangeIds(order, 'b', 'd')).toEqual(['b', 'c', 'd']);
    expect(rangeIds(order, 'd', 'b')).toEqual(['b', 'c', 'd']);
    expect(rangeIds(order, null, 'c')).toEqual(['c']);
    expect(rangeIds(order, 'a', 'zz')).toEqual([]);
    expect(toggleId(['a', 'b'], 'b')).toEqual(['a']);
    expect(toggleId(['a'], 'c')).toEqual(['a', 'c']);
    expect(inOrder(order, ['d', 'a', 'x'])).toEqual(['a', 'd']);
  });
  it('click, Shift-click, Ctrl-click', () => {
    const none = { shots: [], primary: null, anchor: null };
    const one = clickSelection(order, none, 'b', { range: false, toggle: false });
    expect(one).toEqual({ shots: ['b'], primary: 'b', anchor: 'b' });
    const range = clickSelection(order, one, 'd', { range: true, toggle: false });
    expect(range).toEqual({ shots: ['b', 'c', 'd'], primary: 'd', anchor: 'b' });
    const off = clickSelection(order, range, 'd', { range: false, toggle: true });
    expect(off).toEqual({ shots: ['b', 'c'], primary: 'c', anchor: 'c' });
    const on = clickSelection(order, off, 'a', { range: false, toggle: true });
    expect(on).toEqual({ shots: ['a', 'b', 'c'], primary: 'a', anchor: 'a' });
  });
  it('a marquee selects every clip it crosses, drawn either way', () => {
    const l = clips([2, 4, 3]);
    expect(marqueeHits(l, 15, 25)).toEqual(['s1', 's2']);
    expect(marqueeHits(l, 25, 15)).toEqual(['s1', 's2']);
    expect(marqueeHits(l, 20, 20)).toEqual([]);
    expect(marqueeHits(l, 61, 200)).toEqual(['s3']);
  });
  it('Alt+Arrow steps a multi-selection as one block', () => {
    const project = {
      scenes: [
        { id: 'A', shots: [{ id: 'a' }, { id: 'b' }, { id: 'c' }] },
        { id: 'B', shots: [{ id: 'd' }, { id: 'e' }] },
      ],
    };
    expect(blockStepTarget(project, ['b', 'c'], -1)).toEqual({ sceneId: 'A', beforeShotId: 'a' });
    expect(blockStepTarget(project, ['a', 'b'], -1)).toBeNull();
    expect(blockStepTarget(project, ['a', 'b'], 1)).toEqual({ sceneId: 'A', beforeShotId: null });
    expect(blockStepTarget(project, ['b', 'c'], 1)).toEqual({ sceneId: 'B', beforeShotId: 'e' });
    expect(blockStepTarget(project, ['d', 'e'], 1)).toBeNull();
  });
});

describe('selection store', () => {
  it('keeps one primary item for the inspector and every selected shot', async () => {
    const { createSelectionStore } = await import('../src/stores/selection-store');
    const store = createSelectionStore();
    store.getState().select({ kind: 'shot', id: 'a' });
    expect(store.getState()).toMatchObject({
      shots: ['a'],
      anchor: 'a',
      selection: { kind: 'shot', id: 'a' },
    });
    store.getState().selectShots(['a', 'b', 'b'], 'b');
    expect(store.getState()).toMatchObject({
      shots: ['a', 'b'],
      anchor: 'b',
      selection: { kind: 'shot', id: 'b' },
    });
    store.getState().select({ kind: 'character', id: 'c' });
    expect(store.getState().shots).toEqual([]);
    store.getState().selectShots([], null);
    expect(store.getState().selection).toEqual({ kind: 'none' });
  });
});

describe('head trims (ripple)', () => {
  const [, clip] = clips([2, 4, 3]);
  it('snaps the cut to the clip’s own start, the playhead, and end − each allowed length', () => {
    const c = headTrimCandidates(clip!, 3.5, [5, 2], 'Local');
    expect(c).toEqual([
      { seconds: 2, kind: 'edge', label: 'Shot 2 start' },
      { seconds: 3.5, kind: 'playhead', label: 'playhead' },
      { seconds: 1, kind: 'provider', label: 'Local length' },
      { seconds: 4, kind: 'provider', label: 'Local length' },
    ]);
    // A playhead past the clip's end is no cut for its head.
    expect(headTrimCandidates(clip!, 7, [], 'x').map((s) => s.kind)).toEqual(['edge']);
  });
  it('leaves end − cut, in frames, within a shot’s limits; dragging left lengthens', () => {
    expect(headTrimLength(clip!, 3, 24)).toBe(3);
    expect(headTrimLength(clip!, 1, 24)).toBe(5);
    expect(headTrimLength(clip!, 2 + 1 / 48 + 0.001, 24)).toBeCloseTo(4 - 1 / 24, 9);
    expect(headTrimLength(clip!, 5.99, 24)).toBe(0.5);
  });
  it('moves the clips after the trimmed one by the change, in pixels', () => {
    expect(rippleOffset(4, 3, 10)).toBe(-10);
    expect(rippleOffset(4, 5.5, 10)).toBe(15);
  });
});

describe('splitRefusal', () => {
  const cs = clips([2, 4]);
  it('says why a split at the playhead cannot be made', () => {
    expect(splitRefusal(cs, 9, 24)).toMatch(/Nothing to split/);
    expect(splitRefusal(cs, 2, 24)).toMatch(/at a cut.*shot 2/);
    // Under a frame from an edge is on the cut; a frame in is a place, but too short a part.
    expect(splitRefusal(cs, 2 + 0.9 / 24, 24)).toMatch(/at a cut/);
    expect(splitRefusal(cs, 6 - 0.5 / 24, 24)).toMatch(/at a cut/);
    expect(splitRefusal(cs, 2 + 1 / 24, 24)).toMatch(/at least 0.5 s/);
    expect(splitRefusal(cs, 3, 24)).toBeNull();
  });
});

describe('pinchStep', () => {
  it('zooms by how much farther apart the fingers are, around the point between them', () => {
    const step = pinchStep(
      [
        { x: 100, y: 10 },
        { x: 200, y: 10 },
      ],
      [
        { x: 50, y: 10 },
        { x: 250, y: 10 },
      ],
    );
    expect(step).toEqual({ factor: 2, centreX: 150 });
    expect(
      pinchStep(
        [
          { x: 0, y: 0 },
          { x: 30, y: 40 },
        ],
        [
          { x: 0, y: 0 },
          { x: 15, y: 20 },
        ],
      )?.factor,
    ).toBeCloseTo(0.5, 9);
  });
  it('does nothing while the fingers are on one spot', () => {
    expect(
      pinchStep(
        [
          { x: 5, y: 5 },
          { x: 5, y: 5 },
        ],
        [
          { x: 5, y: 5 },
          { x: 9, y: 5 },
        ],
      ),
    ).toBeNull();
  });
});
