import type { ProjectView, SceneView, ShotView } from '@ministudio/domain';
import { defaultShot } from '@ministudio/domain';
import { describe, expect, it } from 'vitest';
import {
  findShot,
  flatShots,
  moveId,
  removeEnvironment,
  removeShot,
  upsertScene,
  upsertShot,
} from '../src/api/project-patches';

const shot = (id: string, sceneId: string): ShotView => ({
  ...defaultShot(),
  id,
  key: id,
  sceneId,
  effectiveSeed: 1,
  chosenTakeId: null,
});
const scene = (id: string, shots: string[]): SceneView => ({
  id,
  key: id,
  title: id,
  mood: '',
  seed: 1,
  environmentId: 'env',
  shots: shots.map((s) => shot(s, id)),
});
const project = (): ProjectView =>
  ({
    id: 'p',
    version: 5,
    characters: [],
    environments: [{ id: 'env' }],
    scenes: [scene('s1', ['a', 'b', 'c']), scene('s2', ['d'])],
  }) as unknown as ProjectView;

const ids = (p: ProjectView) => p.scenes.map((s) => s.shots.map((x) => x.id));

describe('project patches', () => {
  it('moveId moves one id and keeps the others in order', () => {
    expect(moveId(['a', 'b', 'c'], 'c', 0)).toEqual(['c', 'a', 'b']);
    expect(moveId(['a', 'b', 'c'], 'a', 2)).toEqual(['b', 'c', 'a']);
    expect(moveId(['a', 'b', 'c'], 'a', 99)).toEqual(['b', 'c', 'a']);
    expect(moveId(['a', 'b'], 'zz', 0)).toEqual(['a', 'b']);
  });

  it('upsertShot replaces in place, inserts at an index, moves between scenes, and raises the version', () => {
    const p = project();
    const edited = upsertShot(p, { ...shot('b', 's1'), action: 'new' }, null, 6);
    expect(ids(edited)).toEqual([['a', 'b', 'c'], ['d']]);
    expect(findShot(edited, 'b')?.shot.action).toBe('new');
    expect(edited.version).toBe(6);
    expect(p.version).toBe(5);
    expect(ids(upsertShot(p, shot('x', 's1'), 1, 6))).toEqual([['a', 'x', 'b', 'c'], ['d']]);
    expect(ids(upsertShot(p, shot('x', 's2'), null, 6))).toEqual([
      ['a', 'b', 'c'],
      ['d', 'x'],
    ]);
    expect(ids(upsertShot(p, shot('a', 's2'), 0, 6))).toEqual([
      ['b', 'c'],
      ['a', 'd'],
    ]);
  });

  it('never lowers the version (an old answer arriving late)', () => {
    expect(upsertShot(project(), shot('a', 's1'), null, 3).version).toBe(5);
  });

  it('removes shots and environments (scenes keep no environment)', () => {
    const p = removeShot(project(), 'b', 6);
    expect(flatShots(p).map((s) => s.id)).toEqual(['a', 'c', 'd']);
    const q = removeEnvironment(project(), 'env', 7);
    expect(q.environments).toEqual([]);
    expect(q.scenes.every((s) => s.environmentId === null)).toBe(true);
  });

  it('upsertScene places a scene at an index', () => {
    expect(upsertScene(project(), scene('s3', []), 0, 6).scenes.map((s) => s.id)).toEqual(['s3', 's1', 's2']);
    expect(findShot(project(), 'd')).toMatchObject({ index: 0, scene: { id: 's2' } });
    expect(findShot(project(), 'nope')).toBeNull();
  });
});
