import type { ProjectView } from '@ministudio/domain';
import { describe, expect, it } from 'vitest';
import { orderScenes } from '../src/api/project-patches';
import { listDropId, shotDropTarget, shotStepTarget } from '../src/storyboard/move-target';

const project = (scenes: Record<string, string[]>) =>
  ({
    version: 3,
    scenes: Object.entries(scenes).map(([id, shots]) => ({
      id,
      shots: shots.map((s) => ({ id: s, sceneId: id })),
    })),
  }) as unknown as ProjectView;

const board = project({ a: ['a1', 'a2'], b: ['b1'], c: [] });

describe('shotStepTarget', () => {
  it('steps within the scene', () => {
    expect(shotStepTarget(board, 'a1', 1)).toEqual({ sceneId: 'a', index: 1, across: false });
    expect(shotStepTarget(board, 'a2', -1)).toEqual({ sceneId: 'a', index: 0, across: false });
  });

  it('crosses into the neighbouring scene at its near end', () => {
    expect(shotStepTarget(board, 'a2', 1)).toEqual({ sceneId: 'b', index: 0, across: true });
    expect(shotStepTarget(board, 'b1', -1)).toEqual({ sceneId: 'a', index: 2, across: true });
    expect(shotStepTarget(board, 'b1', 1)).toEqual({ sceneId: 'c', index: 0, across: true });
  });

  it('stops at the first and last scene', () => {
    expect(shotStepTarget(board, 'a1', -1)).toBeNull();
    expect(shotStepTarget(project({ a: ['a1'] }), 'a1', 1)).toBeNull();
    expect(shotStepTarget(board, 'nope', 1)).toBeNull();
  });
});

describe('shotDropTarget', () => {
  it('drops onto a shot at its index, in its scene', () => {
    expect(shotDropTarget(board, 'a1', 'a2')).toEqual({ sceneId: 'a', index: 1, across: false });
    expect(shotDropTarget(board, 'a2', 'b1')).toEqual({ sceneId: 'b', index: 0, across: true });
  });

  it('drops onto a shot list at its end', () => {
    expect(shotDropTarget(board, 'a1', listDropId('c'))).toEqual({ sceneId: 'c', index: 0, across: true });
    expect(shotDropTarget(board, 'b1', listDropId('a'))).toEqual({ sceneId: 'a', index: 2, across: true });
    expect(shotDropTarget(board, 'a1', listDropId('a'))).toEqual({ sceneId: 'a', index: 1, across: false });
  });

  it('ignores drops that change nothing', () => {
    expect(shotDropTarget(board, 'a1', 'a1')).toBeNull();
    expect(shotDropTarget(board, 'a2', listDropId('a'))).toBeNull();
    expect(shotDropTarget(board, 'a1', 'unknown')).toBeNull();
  });
});

describe('orderScenes', () => {
  it('orders scenes by id and keeps the newest version', () => {
    const next = orderScenes(board, ['c', 'a', 'b'], 7);
    expect(next.scenes.map((s) => s.id)).toEqual(['c', 'a', 'b']);
    expect(next.version).toBe(7);
    expect(board.scenes.map((s) => s.id)).toEqual(['a', 'b', 'c']);
  });

  it('keeps scenes it was not told about after the others', () => {
    expect(orderScenes(board, ['b'], 1).scenes.map((s) => s.id)).toEqual(['b', 'a', 'c']);
    expect(orderScenes(board, ['b'], 1).version).toBe(3);
  });
});
