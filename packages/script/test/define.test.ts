import { validateProduction } from '@ministudio/domain';
import { describe, expect, it } from 'vitest';
import { character, defineProduction, environment, ProductionError, scene, shot } from '../src/index';

const sarah = character('sarah', { name: 'Sarah', identity: { hair: 'black', eyes: 'brown' } });
const lab = environment('lab', { name: 'Lab', context: { timeOfDay: 'night' } });

describe('defineProduction', () => {
  it('compiles to a production the domain validator accepts, with defaults filled in', () => {
    const doc = defineProduction({
      project: { title: 'Tiny', fps: 12 },
      characters: [sarah],
      environments: [lab],
      shotDefaults: { duration: 2 },
      scenes: ({ scene, shot }) => [
        scene('s', {
          environment: 'lab',
          seed: 7,
          // Shots generated with code: one per line of a list.
          shots: ['One.', 'Two.'].map((text, i) =>
            shot(`s-${i + 1}`, { dialogue: [`sarah: ${text}`], seed: i === 1 ? 99 : null }),
          ),
        }),
      ],
    });
    expect(validateProduction(doc).ok).toBe(true);
    expect(doc.project).toMatchObject({ title: 'Tiny', fps: 12, width: 1280, defaultProvider: 'local' });
    expect(doc.characters[0]!.identity).toEqual([
      { key: 'hair', value: 'black' },
      { key: 'eyes', value: 'brown' },
    ]);
    expect(doc.environments[0]!.context).toEqual({ lighting: '', weather: '', timeOfDay: 'night' });
    const shots = doc.scenes[0]!.shots;
    expect(shots.map((s) => [s.key, s.duration, s.seed, s.dialogue[0]])).toEqual([
      ['s-1', 2, null, { character: 'sarah', text: 'One.' }],
      ['s-2', 2, 99, { character: 'sarah', text: 'Two.' }],
    ]);
  });

  it('plain JavaScript with unknown keys fails at run time with every path and the shot it is in', () => {
    // What a JavaScript script can do that TypeScript would refuse.
    const loose = { scene, shot } as {
      scene: (k: string, s: unknown) => never;
      shot: (k: string, s: unknown) => never;
    };
    let error: unknown;
    try {
      defineProduction({
        project: { title: 'Loose' },
        characters: [sarah],
        environments: [lab],
        scenes: [
          loose.scene('s', {
            environment: 'moon',
            seed: 1,
            shots: [
              loose.shot('a', { dialogue: ['bob: hi'], cast: { eve: {} } }),
              loose.shot('a', { shotType: 'sideways' }),
            ],
          }),
        ],
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ProductionError);
    const issues = (error as ProductionError).issues;
    // Shape errors come first (the validator stops there); the bad shot type is named by its path.
    expect(issues).toEqual([
      { path: '/scenes/0/shots/1/shotType', message: expect.stringContaining('must be one of') },
    ]);
    expect((error as Error).message).toContain('/scenes/0/shots/1/shotType (shot "a")');
  });

  it('reference problems are all reported with their paths', () => {
    const loose = { scene, shot } as {
      scene: (k: string, s: unknown) => never;
      shot: (k: string, s: unknown) => never;
    };
    const run = () =>
      defineProduction({
        project: { title: 'Loose' },
        characters: [sarah],
        environments: [lab],
        scenes: [
          loose.scene('s', {
            environment: 'moon',
            seed: 1,
            shots: [loose.shot('a', { dialogue: ['bob: hi'], cast: { eve: {} } }), loose.shot('a', {})],
          }),
        ],
      });
    expect(run).toThrow(ProductionError);
    try {
      run();
    } catch (e) {
      const error = e as ProductionError;
      expect(error.issues).toEqual([
        { path: '/scenes/0/environment', message: 'no environment with key "moon"' },
        { path: '/scenes/0/shots/0/dialogue/0/character', message: 'no character with key "bob"' },
        { path: '/scenes/0/shots/0/cast/0/character', message: 'no character with key "eve"' },
        { path: '/scenes/0/shots/1/key', message: 'duplicate key "a"' },
      ]);
      expect(error.message).toContain('The production has 4 problems');
      expect(error.message).toContain(
        '/scenes/0/shots/0/dialogue/0/character (shot "a"): no character with key "bob"',
      );
      expect(error.message).toContain('/scenes/0/environment (scene "s")');
    }
  });

  it('values not made with the helpers are named by path', () => {
    const run = () =>
      defineProduction({
        project: { title: 'Loose' },
        characters: [sarah, { key: 'bob' } as never],
        environments: [lab],
        scenes: [scene('s', { environment: 'lab', seed: 1, shots: [shot('a'), { key: 'b' } as never] })],
      });
    expect(run).toThrow(ProductionError);
    try {
      run();
    } catch (e) {
      expect((e as ProductionError).issues).toEqual([
        { path: '/characters/1', message: 'must be made with character(...)' },
        { path: '/scenes/0/shots/1', message: 'must be made with shot(...)' },
      ]);
    }
  });
});
