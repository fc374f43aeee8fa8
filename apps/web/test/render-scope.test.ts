import type { ShotState } from '@ministudio/domain';
import { describe, expect, it } from 'vitest';
import { scenesOf, scopeBody, selectedShotIds, shotNumbers, staleShotIds } from '../src/render/render-scope';
import type { ShotProgress } from '../src/render/shot-progress';

const project = {
  scenes: [
    { id: 'sc1', shots: [{ id: 'a' }, { id: 'b' }] },
    { id: 'sc2', shots: [{ id: 'c' }] },
    { id: 'sc3', shots: [] },
  ],
};

const state = (shotId: string, partial: Partial<ShotState> = {}): ShotState => ({
  shotId,
  chosenTakeId: `t-${shotId}`,
  status: 'succeeded',
  stale: false,
  posterUrl: null,
  videoUrl: null,
  filmstripUrl: null,
  waveformUrl: null,
  durationSeconds: 2,
  ...partial,
});

const progress = (phase: ShotProgress['phase']): ShotProgress => ({
  takeId: 't',
  phase,
  progress: 0,
  estimated: false,
  error: null,
  activeJobIds: phase === 'queued' || phase === 'rendering' ? ['j'] : [],
});

describe('selectedShotIds', () => {
  it('reads one shot, several shots, and nothing else', () => {
    expect(selectedShotIds({ kind: 'shot', id: 'a' })).toEqual(['a']);
    expect(selectedShotIds({ kind: 'shots', ids: ['a', 'c'] })).toEqual(['a', 'c']);
    expect(selectedShotIds({ kind: 'shot', id: 'a', ids: ['a', 'b'] })).toEqual(['a', 'b']);
    expect(selectedShotIds({ kind: 'character', id: 'ava' })).toEqual([]);
    expect(selectedShotIds({ kind: 'none' })).toEqual([]);
    expect(selectedShotIds(null)).toEqual([]);
    // The store's list of selected shots wins over the primary item.
    expect(selectedShotIds({ kind: 'shot', id: 'a' }, ['a', 'c'])).toEqual(['a', 'c']);
    expect(selectedShotIds({ kind: 'shot', id: 'a' }, [])).toEqual(['a']);
  });
});

describe('shot numbers and scenes', () => {
  it('numbers shots across scenes in film order', () => {
    expect([...shotNumbers(project)]).toEqual([
      ['a', 1],
      ['b', 2],
      ['c', 3],
    ]);
  });

  it('finds the scenes of the selected shots once each, in film order', () => {
    expect(scenesOf(project, ['c', 'b', 'a'])).toEqual(['sc1', 'sc2']);
    expect(scenesOf(project, ['gone'])).toEqual([]);
  });
});

describe('staleShotIds', () => {
  it('counts shots with a stale take or none, but not those already rendering', () => {
    const states = [
      state('a', { stale: true }),
      state('b'),
      state('c', { chosenTakeId: null, status: null }),
    ];
    expect(staleShotIds(project, states, {})).toEqual(['a', 'c']);
    expect(staleShotIds(project, states, { a: progress('rendering'), c: progress('queued') })).toEqual([]);
    // A failed render leaves the shot needing one.
    expect(staleShotIds(project, states, { a: progress('failed') })).toEqual(['a', 'c']);
  });

  it('treats a shot the states do not know yet as needing a render', () => {
    expect(staleShotIds(project, undefined, {})).toEqual(['a', 'b', 'c']);
  });
});

describe('scopeBody', () => {
  it('answers the body each button posts, or null when it covers nothing', () => {
    expect(scopeBody('selected', project, ['b', 'gone'], [])).toEqual({ shotIds: ['b'] });
    expect(scopeBody('selected', project, [], [])).toBeNull();
    expect(scopeBody('scene', project, ['c'], [])).toEqual({ sceneIds: ['sc2'] });
    expect(scopeBody('scene', project, [], [])).toBeNull();
    expect(scopeBody('stale', project, [], ['a'])).toEqual({ shotIds: ['a'] });
    expect(scopeBody('stale', project, [], [])).toBeNull();
    expect(scopeBody('all', project, [], [])).toEqual({});
    expect(scopeBody('all', { scenes: [] }, [], [])).toBeNull();
  });
});
